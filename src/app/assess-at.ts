// Runs the pure assessor on what the store knew at the end of a local day: the live path's use of the analysis.
import { createAssessor } from '../analysis/assessor.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { detectorLookback } from '../analysis/detectors/run-detector.js';
import { vigilError } from '../errors/index.js';
import type { Assessment } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import { formatDay, getZone, parseDay, type DayNumber } from '../time/zone.js';

/** Every series a pack reads. */
export function packSeries(pack: Pack): string[] {
  return [...new Set(pack.indicators.flatMap((i) => i.series))].sort();
}

/** Local days of history one assessment needs: the longest look-back plus window sums, staleness and hysteresis. */
export function packLookbackDays(pack: Pack): number {
  const perIndicator = pack.indicators.map((i) => detectorLookback(i.detector) + (i.sumDays ?? 1) + i.staleAfterDays);
  return Math.max(...perIndicator) + pack.warning.holdDays + 2;
}

export async function assessAt(store: Store, pack: Pack, day: DayNumber): Promise<Assessment> {
  const zone = getZone(pack.timeZone);
  const asOf = new Date(zone.endOfDay(day) - 1).toISOString();
  const from = new Date(zone.startOfDay(day - packLookbackDays(pack))).toISOString();
  const observations = await store.queryObservations({ series: packSeries(pack), asOf, from, allRevisions: true });
  return createAssessor(pack, new PointInTimeIndex(observations, zone)).assess(day);
}

/** The local day of the latest publication among the pack's series: what "now" means on historical data. */
export async function latestDataDay(store: Store, pack: Pack): Promise<DayNumber | undefined> {
  const series = new Set(packSeries(pack));
  const summaries = (await store.listSeries()).filter((s) => series.has(s.series));
  if (summaries.length === 0) return undefined;
  const latest = summaries.map((s) => s.lastPublishedAt).sort().at(-1)!;
  return getZone(pack.timeZone).dayOf(Date.parse(latest));
}

/** Resolves `--at DATE` (or the latest data day) and checks it against the data the store holds. */
export async function resolveAssessDay(store: Store, pack: Pack, at: string | undefined, nowMs: number): Promise<DayNumber> {
  const zone = getZone(pack.timeZone);
  const latest = await latestDataDay(store, pack);
  if (latest === undefined) throw vigilError('VIGIL_NO_DATA', 'the database holds no observations for this pack; run `vigil init` or `vigil ingest` first');
  if (at === undefined) return latest;
  const day = parseDay(at, '--at date');
  if (day > zone.dayOf(nowMs)) throw vigilError('VIGIL_DATE_INVALID', `--at ${at} is in the future`);
  const series = new Set(packSeries(pack));
  const first = (await store.listSeries()).filter((s) => series.has(s.series)).map((s) => s.firstPeriodStart).sort()[0];
  const firstDay = zone.dayOf(Date.parse(first));
  if (day < firstDay) throw vigilError('VIGIL_NO_DATA', `--at ${at} is before the first observation (${formatDay(firstDay)})`);
  return day;
}
