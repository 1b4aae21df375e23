// "As known at the end of local day D", loaded one way: the observations a day's assessment reads (optionally under a
// TLP ceiling), the data span, and `--at`/`at` resolution with one set of error texts. The memoised service
// (assessment-service.ts), the CLI, the roles, alerting and sharing all go through these.
import { createAssessor } from '../analysis/assessor.js';
import type { Coverage } from '../analysis/coverage.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { detectorLookback } from '../analysis/detectors/run-detector.js';
import { EPISODE_LOOKBACK_DAYS } from '../analysis/episode-under-way.js';
import { vigilError } from '../errors/index.js';
import type { Assessment, Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { SeriesSummary, Store, StoredObservation } from '../storage/store.js';
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
 * Every revision of the pack's series published by the end of local `day` over `lookbackDays` (default: the whole
 * window one assessment may read), marked at most `tlpMax` (in the store query) when given.
 */
export async function observationsAsKnownAt(
  store: Store,
  pack: Pack,
  day: DayNumber,
  tlpMax?: Tlp,
  lookbackDays = packLookbackDays(pack),
): Promise<StoredObservation[]> {
  const zone = getZone(pack.timeZone);
  const asOf = new Date(zone.endOfDay(day) - 1).toISOString();
  const from = new Date(zone.startOfDay(day - lookbackDays)).toISOString();
  // Periods starting after `day` are never read for it (nor for the earlier days its level looks back on).
  const to = new Date(zone.endOfDay(day)).toISOString();
  return store.queryObservations({ series: packSeries(pack), asOf, from, to, allRevisions: true, tlpMax });
}

/**
 * The assessment of `day` as known at its end. Most days are below ALERT and need only the level's look-back; a day
 * with an episode under way is assessed again over the longer window its start is searched in (the same result
 * either way).
 */
export async function assessAt(store: Store, pack: Pack, day: DayNumber, tlpMax?: Tlp): Promise<Assessment> {
  const coverage = await loadCoverage(store, pack);
  const first = await assessOver(store, pack, day, tlpMax, packLevelLookbackDays(pack), coverage);
  return first.episode === undefined ? first : assessOver(store, pack, day, tlpMax, packLookbackDays(pack), coverage);
}

async function assessOver(
  store: Store,
  pack: Pack,
  day: DayNumber,
  tlpMax: Tlp | undefined,
  lookbackDays: number,
  coverage: Coverage,
): Promise<Assessment> {
  const observations = await observationsAsKnownAt(store, pack, day, tlpMax, lookbackDays);
  return createAssessor(pack, new PointInTimeIndex(observations, getZone(pack.timeZone)), coverage).assess(day);
}

export interface DataSpan {
  /** First local day observed and latest local day published, among the pack's series. */
  first: DayNumber;
  latest: DayNumber;
}

/** The span of `summaries` (already restricted to the pack's series), or undefined when there are none. */
export function spanOf(summaries: readonly SeriesSummary[], pack: Pack): DataSpan | undefined {
  if (summaries.length === 0) return undefined;
  const zone = getZone(pack.timeZone);
  const first = summaries.map((s) => s.firstPeriodStart).sort()[0];
  const latest = summaries
    .map((s) => s.lastPublishedAt)
    .sort()
    .at(-1)!;
  return { first: zone.dayOf(Date.parse(first)), latest: zone.dayOf(Date.parse(latest)) };
}

/** First observed and latest published local days among the pack's series, or undefined when there is no data. */
async function dataSpan(store: Store, pack: Pack, tlpMax?: Tlp): Promise<DataSpan | undefined> {
  const series = new Set(packSeries(pack));
  return spanOf(
    (await store.listSeries({ tlpMax })).filter((s) => series.has(s.series)),
    pack,
  );
}

/**
 * `at` (YYYY-MM-DD; `what` names it in errors, e.g. `--at`) checked against the data span and the clock; omitted: the
 * latest data day. The one set of texts for the CLI, the API and the roles.
 */
export function resolveDayInSpan(
  span: DataSpan | undefined,
  pack: Pack,
  at: string | undefined,
  nowMs: number,
  what = '--at',
): DayNumber {
  if (span === undefined)
    throw vigilError(
      'VIGIL_NO_DATA',
      'the database holds no observations for this pack; run `vigil init` or `vigil ingest` first',
    );
  if (at === undefined) return span.latest;
  const day = parseDay(at, what.endsWith('date') ? what : `${what} date`);
  if (day > getZone(pack.timeZone).dayOf(nowMs))
    throw vigilError('VIGIL_DATE_INVALID', `${what} ${at} is in the future`);
  if (day < span.first)
    throw vigilError('VIGIL_NO_DATA', `${what} ${at} is before the first observation (${formatDay(span.first)})`);
  return day;
}

/** The local day of the latest publication among the pack's series: what "now" means on historical data. */
export async function latestDataDay(store: Store, pack: Pack): Promise<DayNumber | undefined> {
  return (await dataSpan(store, pack))?.latest;
}

/** Resolves `--at DATE` (or the latest data day) and checks it against the data the store holds. */
export async function resolveAssessDay(
  store: Store,
  pack: Pack,
  at: string | undefined,
  nowMs: number,
): Promise<DayNumber> {
  return resolveDayInSpan(await dataSpan(store, pack), pack, at, nowMs);
}
