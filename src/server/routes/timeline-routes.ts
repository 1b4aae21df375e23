// The timeline of triggers and events, level changes, warning episodes and alerts in a window, as known at `at`.
import type { Alert } from '../../alerting/alert.js';
import { dryRunOnAssessments, dryRunWarmupDays } from '../../alerting/rules-dry-run.js';
import type { Tlp } from '../../model/index.js';
import { formatDay, getZone, type DayNumber } from '../../time/zone.js';
import { windowQuery } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';
import { replaySeriesHistory } from '../replay-history.js';
import {
  alertItems,
  eventItems,
  eventSeries,
  knowledgeItems,
  levelItems,
  replayedAlertItems,
  sortTimeline,
} from '../timeline.js';
import { resolveWindow } from './window.js';

export const timelineRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const zone = getZone(deps.pack.timeZone);
  const bySeries = eventSeries(deps.pack);

  /**
   * Stored alerts exist only from when the alert loop started; for the days of the window before the first of them
   * (all of a playback into the past), the alerts the rules would have fired, replayed on what was known by `to`.
   */
  const replayedAlerts = async (tlpMax: Tlp, from: DayNumber, to: DayNumber, stored: readonly Alert[]) => {
    const config = deps.alerts?.config;
    if (!config) return [];
    const firstStored = stored.reduce<number | undefined>((min, a) => {
      const day = zone.dayOf(Date.parse(a.activeAt));
      return min === undefined || day < min ? day : min;
    }, undefined);
    const last = firstStored === undefined ? to : Math.min(to, firstStored - 1);
    if (last < from) return [];
    const assessments = deps.assessments.for(tlpMax);
    const span = (await assessments.span())!;
    const start = Math.max(span.first, from - dryRunWarmupDays(config));
    const daily = await assessments.range(start, last);
    if (daily.length < 2) return [];
    const history = await replaySeriesHistory(deps.store, config, tlpMax, daily.at(-1)!.asOf);
    const result = dryRunOnAssessments(config, deps.pack, daily, history);
    const fired = result.rules.flatMap((r) => r.fired.map((f) => ({ ...f, rule: r.rule })));
    return replayedAlertItems(fired, formatDay(from), formatDay(last));
  };

  app.get<{ Querystring: { from?: string; to?: string; at?: string } }>(
    `${API_PREFIX}/timeline`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'Triggers and events, level changes, warning episodes (runs at WARNING or above) and alerts',
        description: 'Only what was known by the end of `at`. Defaults: `to` = `at`, `from` = 179 days earlier.',
        querystring: windowQuery(),
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
      const tlpMax = request.principal!.user.tlpMax;
      const alertsVisible = deps.alerts !== undefined && (await deps.alertVisibility.visibleTo(tlpMax));
      const alerts = alertsVisible ? await deps.alerts!.store.listAlerts({ limit: 2000 }) : [];
      const stored = alertItems(alerts, zone, from, to, asOfMs);
      const replayed = alertsVisible ? await replayedAlerts(tlpMax, from, to, alerts) : [];
      const items = sortTimeline([
        ...eventItems(observations, bySeries, zone),
        ...levelItems(days),
        ...knowledgeItems(days),
        ...stored,
        ...replayed,
      ]);
      return { at: formatDay(at), from: formatDay(from), to: formatDay(to), items };
    },
  );
};
