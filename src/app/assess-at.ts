// Runs the pure assessor on what the store knew at the end of a local day: the live path's use of the analysis.
import { createAssessor } from '../analysis/assessor.js';
import type { Coverage } from '../analysis/coverage.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { detectorLookback } from '../analysis/detectors/run-detector.js';
import { EPISODE_LOOKBACK_DAYS } from '../analysis/episode-under-way.js';
import { vigilError } from '../errors/index.js';
import type { Assessment } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import { formatDay, getZone, parseDay, type DayNumber } from '../time/zone.js';
import { loadCoverage } from './load-coverage.js';

/** Every series a pack reads. */
export function packSeries(pack: Pack): string[] {
  return [...new Set(pack.indicators.flatMap((i) => i.series))].sort();
}

/**
 * Local days of history one assessment needs: the longest look-back plus window sums, staleness and hysteresis, and
 * the bounded search for the start of an episode under way.
 */
export function packLookbackDays(pack: Pack): number {
  return packLevelLookbackDays(pack) + EPISODE_LOOKBACK_DAYS;
}

/** What the level of one day needs, without the search for an episode's start. */
function packLevelLookbackDays(pack: Pack): number {
  const perIndicator = pack.indicators.map((i) => detectorLookback(i.detector) + (i.sumDays ?? 1) + i.staleAfterDays);
  const w = pack.warning;
  return Math.max(...perIndicator) + Math.max(w.holdDays, w.minDays) + w.watch.confirmDays + 2;
}

/**
 * The assessment of `day` from the store. Most days are below ALERT and need only the level's look-back; a day with an
 * episode under way is assessed again over the longer window its start is searched in (the same result either way).
 */
export async function assessAt(store: Store, pack: Pack, day: DayNumber): Promise<Assessment> {
  const coverage = await loadCoverage(store, pack);
  const first = await assessOver(store, pack, day, packLevelLookbackDays(pack), coverage);
  return first.episode === undefined ? first : assessOver(store, pack, day, packLookbackDays(pack), coverage);
}

async function assessOver(store: Store, pack: Pack, day: DayNumber, lookbackDays: number, coverage: Coverage): Promise<Assessment> {
  const zone = getZone(pack.timeZone);
  const asOf = new Date(zone.endOfDay(day) - 1).toISOString();
  const from = new Date(zone.startOfDay(day - lookbackDays)).toISOString();
  // Periods starting after `day` are never read for it (nor for the earlier days its level looks back on).
  const to = new Date(zone.endOfDay(day)).toISOString();
  const observations = await store.queryObservations({ series: packSeries(pack), asOf, from, to, allRevisions: true });
  return createAssessor(pack, new PointInTimeIndex(observations, zone), coverage).assess(day);
}

/** First observed and latest published local days among the pack's series, or undefined when there is no data. */
async function dataSpan(store: Store, pack: Pack): Promise<{ first: DayNumber; latest: DayNumber } | undefined> {
  const zone = getZone(pack.timeZone);
  const series = new Set(packSeries(pack));
  const summaries = (await store.listSeries()).filter((s) => series.has(s.series));
  if (summaries.length === 0) return undefined;
  const first = summaries.map((s) => s.firstPeriodStart).sort()[0];
  const latest = summaries.map((s) => s.lastPublishedAt).sort().at(-1)!;
  return { first: zone.dayOf(Date.parse(first)), latest: zone.dayOf(Date.parse(latest)) };
}

/** The local day of the latest publication among the pack's series: what "now" means on historical data. */
export async function latestDataDay(store: Store, pack: Pack): Promise<DayNumber | undefined> {
  return (await dataSpan(store, pack))?.latest;
}

/** Resolves `--at DATE` (or the latest data day) and checks it against the data the store holds. */
export async function resolveAssessDay(store: Store, pack: Pack, at: string | undefined, nowMs: number): Promise<DayNumber> {
  const span = await dataSpan(store, pack);
  if (span === undefined) throw vigilError('VIGIL_NO_DATA', 'the database holds no observations for this pack; run `vigil init` or `vigil ingest` first');
  if (at === undefined) return span.latest;
  const day = parseDay(at, '--at date');
  if (day > getZone(pack.timeZone).dayOf(nowMs)) throw vigilError('VIGIL_DATE_INVALID', `--at ${at} is in the future`);
  if (day < span.first) throw vigilError('VIGIL_NO_DATA', `--at ${at} is before the first observation (${formatDay(span.first)})`);
  return day;
}
