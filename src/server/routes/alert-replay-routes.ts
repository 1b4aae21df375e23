// Dashboard playback of the alerts: what the rules would have held, pending or firing, at the end of a past day,
// replayed on what was known by then (the `vigil rules check` replay), within the caller's TLP ceiling. Read-only:
// replayed alerts are never stored, notified or acknowledged.
import { dryRunRules } from '../../alerting/rules-dry-run.js';
import { packSeries } from '../../app/assess-at.js';
import { vigilError } from '../../errors/index.js';
import { formatDay } from '../../time/zone.js';
import { atQuery } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

/** Days replayed before `at`: longer than any rule's `for` or keep-firing window, so the end state is the live one. */
const DEFAULT_WINDOW_DAYS = 30;

export const alertReplayRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Querystring: { at?: string; days?: number } }>(`${API_PREFIX}/alerts/replay`, {
    schema: {
      tags: ['alerts'], summary: 'Alerts the rules would have held at the end of a past day (playback; read-only, never stored)',
      description: 'Replays the rules day by day over `days` days up to `at` on the observations published by then, within the caller\'s TLP ceiling.',
      querystring: { type: 'object', additionalProperties: false, properties: { at: atQuery, days: { type: 'integer', minimum: 1, maximum: 366, default: DEFAULT_WINDOW_DAYS } } },
    },
  }, async (request) => {
    const config = deps.alerts?.config;
    if (!config) throw vigilError('VIGIL_NOT_FOUND', 'alerting is not configured in this server (no alerting file for the pack)');
    const tlpMax = request.principal!.user.tlpMax;
    const assessments = deps.assessments.for(tlpMax);
    const at = await assessments.resolveDay(request.query.at);
    const span = (await assessments.span())!;
    const from = Math.max(span.first + 1, at - (request.query.days ?? DEFAULT_WINDOW_DAYS) + 1);
    const watched = config.rules.flatMap((r) => (r.kind === 'source-health' ? r.series : []));
    const series = [...new Set([...packSeries(deps.pack), ...watched])];
    const observations = await deps.store.queryObservations({ series, allRevisions: true, tlpMax });
    const result = dryRunRules(config, deps.pack, observations, from, at);
    return { at: formatDay(at), from: formatDay(from), alerts: result.active };
  });
};
