// The timeline of triggers and events, level changes, warning episodes and alerts in a window, as known at `at`.
import { formatDay, getZone } from '../../time/zone.js';
import { atQuery, dateParam } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';
import { alertItems, eventItems, eventSeries, knowledgeItems, levelItems, sortTimeline } from '../timeline.js';
import { resolveWindow } from './window.js';

export const timelineRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const zone = getZone(deps.pack.timeZone);
  const bySeries = eventSeries(deps.pack);

  app.get<{ Querystring: { from?: string; to?: string; at?: string } }>(
    `${API_PREFIX}/timeline`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'Triggers and events, level changes, warning episodes (runs at WARNING or above) and alerts',
        description: 'Only what was known by the end of `at`. Defaults: `to` = `at`, `from` = 179 days earlier.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { from: dateParam, to: dateParam, at: atQuery },
        },
      },
    },
    async (request) => {
      const assessments = deps.assessments.for(request.principal!.user.tlpMax);
      const { at, from, to } = await resolveWindow(assessments, request.query, 180);
      const asOfMs = zone.endOfDay(at) - 1;
      const observations =
        bySeries.size === 0
          ? []
          : await deps.store.queryObservations({
              series: [...bySeries.keys()],
              from: new Date(zone.startOfDay(from)).toISOString(),
              to: new Date(zone.endOfDay(to)).toISOString(),
              asOf: new Date(asOfMs).toISOString(),
              tlpMax: request.principal!.user.tlpMax,
            });
      const days = await assessments.range(Math.max(from - 1, (await assessments.span())!.first), to);
      // Alerts are computed on every observation: shown only to callers whose ceiling may see them.
      const alerts =
        deps.alerts && (await deps.alertVisibility.visibleTo(request.principal!.user.tlpMax))
          ? await deps.alerts.store.listAlerts({ limit: 2000 })
          : [];
      const items = sortTimeline([
        ...eventItems(observations, bySeries, zone),
        ...levelItems(days),
        ...knowledgeItems(days),
        ...alertItems(alerts, zone, from, to, asOfMs),
      ]);
      return { at: formatDay(at), from: formatDay(from), to: formatDay(to), items };
    },
  );
};
