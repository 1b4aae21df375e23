// What alerts are derived from, for the TLP rules that follow from it: the alerting cycle evaluates every rule on all
// stored observations of the pack's indicators and of the series source-health rules watch (baselines reach back in
// time), so an alert (its state, level, evidence, even its resolution) is as sensitive as the most restrictive of them.
import { packSeries } from '../app/assess-at.js';
import { tlpRank, TLP_LEVELS, type Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import type { AlertingConfig } from './alerting-config.js';

/** The series alerts are computed from; undefined (every series) when a rule watches a prefix or the rules are unknown. */
export function alertInputSeries(pack: Pack, config: AlertingConfig | undefined): string[] | undefined {
  if (!config) return undefined;
  const health = config.rules.flatMap((r) => (r.kind === 'source-health' ? [r] : []));
  if (health.some((r) => r.seriesPrefix !== undefined)) return undefined;
  return [...new Set([...packSeries(pack), ...health.flatMap((r) => r.series)])];
}

/**
 * The marking every alert carries: the most restrictive TLP among all stored observations (every revision) of the
 * series alerts are computed from, CLEAR when there are none. Never a default: RED inputs make a RED alert.
 */
export async function derivedAlertTlp(store: Store, series: readonly string[] | undefined): Promise<Tlp> {
  if (series !== undefined && series.length === 0) return 'clear';
  const rows = await store.queryObservations({
    allRevisions: true,
    ...(series === undefined ? {} : { series: [...series] }),
  });
  let highest = 0;
  for (const row of rows) highest = Math.max(highest, tlpRank(row.tlp));
  return TLP_LEVELS[highest];
}
