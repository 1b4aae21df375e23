// The scorecard over HTTP: the machine level over a window (hits, misses, false alarms, lead, Brier, reliability) and
// the issued formal warnings whose horizon has passed, both scored against the labelled episodes the server was
// started with (an analyst's adjudication of a warning wins over the labels), each with the reliability diagram
// src/scorecard draws.
import type { FastifyRequest } from 'fastify';
import type { Episode } from '../../backtest/episodes.js';
import { toRecord } from '../../backtest/replay.js';
import { vigilError } from '../../errors/index.js';
import { machineScorecard } from '../../scorecard/machine-scorecard.js';
import { renderReliabilitySvg, type ReliabilityAxes } from '../../scorecard/render-reliability-svg.js';
import { formatDay, parseDay, type DayNumber } from '../../time/zone.js';
import { windowQuery } from '../api-schemas.js';
import { API_PREFIX, type ServerDeps, type VigilRoutePlugin } from '../server-deps.js';

/** The diagrams' words in the dashboard's two languages. */
const DIAGRAM_WORDS = {
  en: {
    machine: (days: number) => `Reliability of P(episode within ${days} d)`,
    issued: 'Reliability of issued warnings (stated likelihood)',
    axes: { x: 'stated probability (%)', y: 'observed frequency (%)' },
  },
  zh: {
    machine: (days: number) => `${days} 日內發生重大事件機率之可靠度`,
    issued: '已發布預警（所述可能性）之可靠度',
    axes: { x: '所述機率（%）', y: '實際發生頻率（%）' },
  },
} satisfies Record<string, { machine: (d: number) => string; issued: string; axes: ReliabilityAxes }>;
type DiagramLang = keyof typeof DIAGRAM_WORDS;

/** Default window: three years back from `to`. */
const DEFAULT_DAYS = 3 * 365;

export const scorecardRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Querystring: { from?: string; to?: string; at?: string; lang?: DiagramLang } }>(
    `${API_PREFIX}/scorecard`,
    {
      schema: {
        tags: ['scorecard'],
        summary: 'Scorecard of the machine level over a window, and of the issued warnings whose horizon has passed',
        description:
          'Scored against the labelled episodes the server was started with (`--episodes`, VIGIL_EPISODES); without them `labelled` is false and nothing is scored. Defaults: `to` = `at` or the latest day, `from` = three years earlier (clipped to the data). Each day is assessed on what your TLP ceiling lets you read. Issued warnings follow the alerts ceiling rule (`issued` is null when they are not shown to you).',
        querystring: windowQuery({
          lang: { type: 'string', enum: ['en', 'zh'], default: 'en', description: "The diagrams' language" },
        }),
      },
    },
    async (request) => {
      const tlpMax = request.principal!.user.tlpMax;
      const assessments = deps.assessments.for(tlpMax);
      const at = await assessments.resolveDay(request.query.at, 'at date');
      const span = (await assessments.span())!;
      const to = Math.min(request.query.to === undefined ? at : parseDay(request.query.to, 'to date'), at);
      const from = Math.max(
        request.query.from === undefined ? to - DEFAULT_DAYS + 1 : parseDay(request.query.from, 'from date'),
        span.first,
      );
      if (to < from)
        throw vigilError('VIGIL_INPUT_INVALID', `window: from ${formatDay(from)} is after to ${formatDay(to)}`);
      const window = { from: formatDay(from), to: formatDay(to), horizonDays: deps.pack.horizonDays };
      const episodes = deps.episodes;
      if (!episodes) return { ...window, labelled: false, episodes: [], machine: null, issued: null };
      const inWindow = episodes.filter((e) => e.start >= from && e.start <= to);
      const records = (await assessments.range(from, to)).map(toRecord);
      const machine = machineScorecard(records, episodes, { horizonDays: deps.pack.horizonDays });
      const subtitle = `${deps.pack.name}, ${window.from} → ${window.to}`;
      const words = DIAGRAM_WORDS[request.query.lang ?? 'en'];
      return {
        ...window,
        labelled: true,
        episodes: inWindow.map((e) => ({ id: e.id, name: e.name, kind: e.kind, start: formatDay(e.start) })),
        machine: {
          ...machine,
          reliabilitySvg: renderReliabilitySvg(
            machine.reliability,
            words.machine(deps.pack.horizonDays),
            subtitle,
            words.axes,
          ),
        },
        issued: await issuedScores(deps, request, episodes, { from, to }, subtitle, words),
      };
    },
  );
};

async function issuedScores(
  deps: ServerDeps,
  request: FastifyRequest,
  episodes: readonly Episode[],
  window: { from: DayNumber; to: DayNumber },
  subtitle: string,
  words: { issued: string; axes: ReliabilityAxes },
) {
  if (!deps.warnings || !(await deps.alertVisibility.visibleTo(request.principal!.user.tlpMax))) return null;
  // The stored issued warnings as the CLI's `vigil warning scorecard` scores them, adjudications included.
  const scores = await deps.warnings.scoreStored({ ...window, episodes });
  return {
    ...scores,
    reliabilitySvg: renderReliabilitySvg(scores.reliability, words.issued, subtitle, words.axes),
  };
}
