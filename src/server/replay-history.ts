// What the alert replays need besides the daily assessments: every publication of the series that source-health
// rules watch, as known at `asOf` and within a TLP ceiling (the history `vigil rules check` replays on).
import { createSeriesHistory } from '../alerting/rules-dry-run.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import type { Tlp } from '../model/index.js';
import type { Store } from '../storage/store.js';

export async function replaySeriesHistory(
  store: Store,
  config: AlertingConfig,
  tlpMax: Tlp,
  asOf: string,
): Promise<ReturnType<typeof createSeriesHistory>> {
  const health = config.rules.flatMap((r) => (r.kind === 'source-health' ? [r] : []));
  const watched = [...new Set(health.flatMap((r) => r.series))];
  const prefixes = [...new Set(health.flatMap((r) => (r.seriesPrefix === undefined ? [] : [r.seriesPrefix])))];
  const published = [
    ...(watched.length === 0
      ? []
      : await store.queryObservations({ series: watched, allRevisions: true, tlpMax, asOf })),
    ...(
      await Promise.all(
        prefixes.map((seriesPrefix) => store.queryObservations({ seriesPrefix, allRevisions: true, tlpMax, asOf })),
      )
    ).flat(),
  ];
  return createSeriesHistory(published);
}
