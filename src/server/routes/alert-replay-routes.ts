// Dashboard playback of the alerts: what the rules would have held, pending or firing, at the end of a past day,
// replayed on what was known by then (the `vigil rules check` replay), within the caller's TLP ceiling. Read-only:
// replayed alerts are never stored, notified or acknowledged.
import { dryRunOnAssessments, dryRunWarmupDays } from '../../alerting/rules-dry-run.js';
import { vigilError } from '../../errors/index.js';
import { formatDay } from '../../time/zone.js';
import { atQuery } from '../api-schemas.js';
import { replaySeriesHistory } from '../replay-history.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const alertReplayRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Querystring: { at?: string; days?: number } }>(
    `${API_PREFIX}/alerts/replay`,
    {
      schema: {
        tags: ['alerts'],
        summary: 'Alerts the rules would have held at the end of a past day (playback; read-only, never stored)',
        description:
          "Replays the rules day by day up to `at` on what was published by then, within the caller's TLP ceiling, starting `days` days earlier (default: 30, or longer when a rule's `for` and keep-firing windows need it).",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { at: atQuery, days: { type: 'integer', minimum: 1, maximum: 366 } },
        },
      },
    },
    async (request) => {
      const config = deps.alerts?.config;
      if (!config)
        throw vigilError(
          'VIGIL_NOT_FOUND',
          'alerting is not configured in this server (no alerting file for the pack)',
        );
      const tlpMax = request.principal!.user.tlpMax;
      const assessments = deps.assessments.for(tlpMax);
      const at = await assessments.resolveDay(request.query.at);
      const span = (await assessments.span())!;
      const days = request.query.days ?? dryRunWarmupDays(config);
      const from = Math.min(at, Math.max(span.first + 1, at - days + 1));
      // The day assessments come from the server's memoised index; only the series source-health rules watch are read.
      const daily = await assessments.range(from - 1, at);
      const asOf = daily.at(-1)!.asOf;
      const history = await replaySeriesHistory(deps.store, config, tlpMax, asOf);
      const result = dryRunOnAssessments(config, deps.pack, daily, history);
      return { at: formatDay(at), from: formatDay(from), alerts: result.active };
    },
  );
};
