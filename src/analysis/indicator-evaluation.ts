// Evaluates one indicator as known at the end of a local day: reads its daily series, runs its detector, prices the state.
import type { Observation } from '../model/index.js';
import type { Indicator } from '../packs/pack-schema.js';
import { formatDay, type DayNumber } from '../time/zone.js';
import { isCovered, windowAt, type DayWindow, type IndicatorCoverage } from './coverage.js';
import { KNOWLEDGE_STATES, MISSING, NO_COVERAGE, STALE } from '../packs/detector-states.js';
import type { DetectorResult } from './detectors/detector-types.js';
import { detectorLookback, runDetector } from './detectors/run-detector.js';
import { GAP_REASONS } from './gap-reasons.js';
import type { DailySeries, PointInTimeIndex } from './point-in-time-index.js';

export interface IndicatorEvaluation {
  indicator: Indicator;
  result: DetectorResult;
  /** Local day whose data was judged; undefined when there is none. */
  dataDay: DayNumber | undefined;
  weight: number;
  /** log LR vs baseline per hypothesis, already multiplied by the grading weight. */
  logLr: Record<string, number>;
  observations: () => Observation[];
}

/** Event-like detectors judge the assessed day itself; count detectors judge the latest day with a report. */
const EVENT_DETECTORS = new Set(['presence', 'decay']);
/** The state of an event detector when nothing happened: only meaningful inside coverage. */
const QUIET_STATES = new Set(['absent', 'none']);

/** Why the source is late on `day`, or undefined: inside a live collector's coverage, past the cadence since it last delivered. */
function staleness(cov: IndicatorCoverage, day: DayNumber): string | undefined {
  if (isCovered(cov.declared, day) || cov.lastSuccess === undefined || day - cov.lastSuccess <= cov.staleAfterDays)
    return undefined;
  return GAP_REASONS.collectionOld(day - cov.lastSuccess, cov.staleAfterDays);
}

function noCoverageReason(cov: IndicatorCoverage): string {
  if (cov.sources.length === 0) return GAP_REASONS.noSource();
  return GAP_REASONS.notCollectedThatDay(cov.sources);
}

export function evaluateIndicator(
  indicator: Indicator,
  index: PointInTimeIndex,
  day: DayNumber,
  asOfMs: number,
  breaks: readonly DayNumber[],
  coverage: IndicatorCoverage,
): IndicatorEvaluation {
  const detector = indicator.detector;
  const cov = coverage;
  const windows = cov.windows;
  const covered = isCovered(windows, day);
  const isEvent = EVENT_DETECTORS.has(detector.kind);
  // Inside coverage an event series without a report is a quiet day (absentIsZero); a count series is judged on its
  // latest report.
  const judgesDay = isEvent || (indicator.absentIsZero && covered);
  if (!judgesDay) {
    const last = index.lastObservedDay(indicator.series, asOfMs, day);
    const cadence = Math.max(indicator.staleAfterDays, cov.staleAfterDays);
    // A fresh report is judged wherever it comes from (a file ingested after the bundled period, an analyst entry);
    // without one, outside coverage nothing is known.
    if (!covered && (last === undefined || day - last > cadence)) {
      return price(
        indicator,
        { state: NO_COVERAGE, value: Number.NaN, reason: noCoverageReason(cov) },
        undefined,
        1,
        () => [],
      );
    }
    const window = covered ? windowAt(windows, day)! : { from: last as DayNumber, to: day };
    const lastDay = last !== undefined && last >= window.from ? last : undefined;
    // The first days of a window, before its first report is due, are not yet covered in fact.
    if (lastDay === undefined && day - window.from <= cadence) {
      return price(
        indicator,
        {
          state: NO_COVERAGE,
          value: Number.NaN,
          reason: GAP_REASONS.coverageBegins(formatDay(window.from)),
        },
        undefined,
        1,
        () => [],
      );
    }
    if (lastDay === undefined || day - lastDay > cadence) {
      const reason =
        lastDay === undefined
          ? GAP_REASONS.noReportSinceCoverage(formatDay(window.from))
          : GAP_REASONS.dataOld(day - lastDay);
      return price(indicator, { state: STALE, value: Number.NaN, reason }, lastDay, 1, () => []);
    }
  }
  const judged = judgesDay ? day : (index.lastObservedDay(indicator.series, asOfMs, day) as DayNumber);
  const sumDays = indicator.sumDays ?? 1;
  const from = judged - detectorLookback(detector) - sumDays;
  const series = rollingSum(readSeries(indicator, index, asOfMs, from, judged, windows), sumDays);
  const slot = judged - from;
  if (!isEvent && Number.isNaN(series.values[slot])) {
    const obs = index.observationsOn(indicator.series, asOfMs, judged);
    if (obs.length === 0 && !covered)
      return price(
        indicator,
        { state: NO_COVERAGE, value: Number.NaN, reason: noCoverageReason(cov) },
        undefined,
        1,
        () => [],
      );
    const reason =
      obs.find((o) => o.missingReason)?.missingReason ??
      (obs.length ? GAP_REASONS.valueNotKnown() : GAP_REASONS.windowIncomplete());
    return price(indicator, { state: MISSING, value: Number.NaN, reason }, judged, 1, () => obs);
  }
  const result = runDetector(detector, { series, day: judged, breaks });
  // An event seen counts wherever it was seen; "nothing happened" is only known where the source was collected.
  if (QUIET_STATES.has(result.state) || (judgesDay && !isEvent)) {
    if (!covered)
      return price(
        indicator,
        { state: NO_COVERAGE, value: Number.NaN, reason: noCoverageReason(cov) },
        undefined,
        1,
        () => [],
      );
    const late = staleness(cov, day);
    if (late !== undefined)
      return price(indicator, { state: STALE, value: Number.NaN, reason: late }, day, 1, () => []);
  }
  const weight = isEvent ? 1 : series.weights[slot];
  return price(indicator, result, judged, weight, () =>
    evidenceObservations(indicator, index, asOfMs, judged, isEvent),
  );
}

/**
 * The same reading priced with another definition of the indicator that detects alike (only its likelihood ratios or
 * watch states differ): what a what-if reuses instead of running the detector again.
 */
export function repriceEvaluation(e: IndicatorEvaluation, indicator: Indicator): IndicatorEvaluation {
  return price(indicator, e.result, e.dataDay, e.weight, e.observations);
}

/** What decides an indicator's reading (everything but how its states are priced and watched), as a string key. */
export function detectionKey(indicator: Indicator, breaks: readonly DayNumber[]): string {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { likelihoods, watchStates, watchAtOnce, name, nameZh, description, ...detects } = indicator;
  return JSON.stringify([detects, breaks]);
}

/** An indicator read as `state` on `day` whatever the data say (a what-if), priced like any state it could reach. */
export function forcedEvaluation(indicator: Indicator, state: string, day: DayNumber): IndicatorEvaluation {
  return price(indicator, { state, value: Number.NaN, reason: 'set by a what-if' }, day, 1, () => []);
}

function readSeries(
  indicator: Indicator,
  index: PointInTimeIndex,
  asOfMs: number,
  from: DayNumber,
  to: DayNumber,
  covered: readonly DayWindow[],
): DailySeries {
  const detector = indicator.detector;
  if (detector.kind !== 'decay' || Object.keys(detector.weights).length === 0) {
    return index.daily(indicator.series, asOfMs, from, to, indicator.aggregate, indicator.absentIsZero, covered);
  }
  // Decay weights differ per source series: sum the weighted daily series.
  let combined: DailySeries | undefined;
  for (const name of indicator.series) {
    const one = index.daily([name], asOfMs, from, to, 'sum', true, covered);
    const w = detector.weights[name] ?? 1;
    if (!combined) {
      combined = one;
      for (let i = 0; i < one.values.length; i++) one.values[i] *= w;
    } else {
      for (let i = 0; i < one.values.length; i++) combined.values[i] += w * one.values[i];
    }
  }
  return combined as DailySeries;
}

/** Replaces each day's value by the sum of the last `days` days (NaN if any of them is unknown). */
function rollingSum(series: DailySeries, days: number): DailySeries {
  if (days === 1) return series;
  const values = new Float64Array(series.values.length).fill(Number.NaN);
  for (let i = days - 1; i < values.length; i++) {
    let sum = 0;
    for (let j = i - days + 1; j <= i; j++) sum += series.values[j];
    values[i] = sum;
  }
  return { ...series, values };
}

function evidenceObservations(
  indicator: Indicator,
  index: PointInTimeIndex,
  asOfMs: number,
  day: DayNumber,
  isEvent: boolean,
): Observation[] {
  if (!isEvent) return index.observationsOn(indicator.series, asOfMs, day);
  const lookback = detectorLookback(indicator.detector);
  const out: Observation[] = [];
  for (let d = day - lookback + 1; d <= day; d++) out.push(...index.observationsOn(indicator.series, asOfMs, d));
  return out;
}

function price(
  indicator: Indicator,
  result: DetectorResult,
  dataDay: DayNumber | undefined,
  weight: number,
  observations: () => Observation[],
): IndicatorEvaluation {
  const logLr: Record<string, number> = {};
  // Not knowing is never evidence: these states carry no likelihood ratio whatever the pack says.
  const ratios = (KNOWLEDGE_STATES as readonly string[]).includes(result.state)
    ? {}
    : (indicator.likelihoods[result.state] ?? {});
  for (const [hypothesis, lr] of Object.entries(ratios)) logLr[hypothesis] = weight * Math.log(lr);
  return { indicator, result, dataDay, weight, logLr, observations };
}
