// Sources and their health: every stored series (TLP-limited), its latest publication, and whether it is overdue.
import { getZone } from '../../time/zone.js';
import { sourceReadiness } from '../../app/source-readiness.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const sourceRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const zone = getZone(deps.pack.timeZone);
  /** Each series the pack reads, with the tightest staleness limit among the indicators that read it. */
  const staleAfter = new Map<string, { days: number; indicators: string[] }>();
  for (const ind of deps.pack.indicators) {
    for (const s of ind.series) {
      const prev = staleAfter.get(s);
      staleAfter.set(s, {
        days: Math.min(prev?.days ?? Infinity, ind.staleAfterDays),
        indicators: [...(prev?.indicators ?? []), ind.id],
      });
    }
  }

  app.get(
    `${API_PREFIX}/sources`,
    {
      schema: {
        tags: ['sources'],
        summary: 'Stored series with their sources, latest publication and health',
        description:
          '`status`: `ok` when the latest publication is within the staleness limit of the indicators reading the series (counted in local days to today), `stale` when not, `event` for event series (no cadence), `unused` when no indicator reads it.',
      },
    },
    async (request) => {
      const today = zone.dayOf(deps.now().getTime());
      const summaries = await deps.store.listSeries({ tlpMax: request.principal!.user.tlpMax });
      const eventSeries = new Set(
        deps.pack.indicators
          .filter((i) => i.detector.kind === 'presence' || i.detector.kind === 'decay')
          .flatMap((i) => i.series),
      );
      return {
        today: new Date(zone.startOfDay(today)).toISOString().slice(0, 10),
        series: summaries.map((s) => {
          const use = staleAfter.get(s.series);
          const ageDays = today - zone.dayOf(Date.parse(s.lastPublishedAt));
          const status = !use ? 'unused' : eventSeries.has(s.series) ? 'event' : ageDays <= use.days ? 'ok' : 'stale';
          return { ...s, ageDays, staleAfterDays: use?.days ?? null, indicators: use?.indicators ?? [], status };
        }),
      };
    },
  );

  app.get(
    `${API_PREFIX}/health`,
    {
      config: { access: 'public' },
      schema: {
        tags: ['sources'],
        summary:
          'Liveness and readiness: the store answers, the analysis is built, and whether the sources are current',
        description:
          "`status`: `ok`, or `degraded` when a source the pack reads is past its cadence (or never published), when a live collector's latest run failed, or when there is no data; `staleSources` and `failingCollectors` say which. Answers 200 either way: the server itself is up.",
      },
    },
    async () => {
      const span = await deps.assessments.all().span();
      const readiness = await sourceReadiness(deps.store, deps.pack, deps.now().getTime());
      return {
        status: span === undefined ? 'degraded' : readiness.status,
        store: deps.store.dialect,
        pack: deps.pack.id,
        hasData: span !== undefined,
        staleSources: readiness.staleSources,
        failingCollectors: readiness.failingCollectors,
      };
    },
  );
};
