// Evaluates one indicator as known at the end of a local day: reads its daily series, runs its detector, prices the state.
import type { Observation } from '../model/index.js';
import type { Indicator } from '../packs/pack-schema.js';
import type { DayNumber } from '../time/zone.js';
import { MISSING } from '../packs/detector-states.js';
import type { DetectorResult } from './detectors/detector-types.js';
import { detectorLookback, runDetector } from './detectors/run-detector.js';
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

export function evaluateIndicator(
  indicator: Indicator, index: PointInTimeIndex, day: DayNumber, asOfMs: number, breaks: readonly DayNumber[],
): IndicatorEvaluation {
  const detector = indicator.detector;
  const isEvent = EVENT_DETECTORS.has(detector.kind);
  const lastDay = isEvent ? day : index.lastObservedDay(indicator.series, asOfMs, day);
  const stale = lastDay === undefined || day - lastDay > indicator.staleAfterDays;
  if (!isEvent && stale) {
    const reason = lastDay === undefined ? 'no observations' : `latest data is ${day - lastDay} days old`;
    return price(indicator, { state: MISSING, value: Number.NaN, reason }, lastDay, 1, () => []);
  }
  const judged = lastDay as DayNumber;
  const sumDays = indicator.sumDays ?? 1;
  const from = judged - detectorLookback(detector) - sumDays;
  const series = rollingSum(readSeries(indicator, index, asOfMs, from, judged), sumDays);
  const slot = judged - from;
  if (!isEvent && Number.isNaN(series.values[slot])) {
    const obs = index.observationsOn(indicator.series, asOfMs, judged);
    const reason = obs.find((o) => o.missingReason)?.missingReason ?? 'value not known';
    return price(indicator, { state: MISSING, value: Number.NaN, reason }, judged, 1, () => obs);
  }
  const result = runDetector(detector, { series, day: judged, breaks });
  const weight = isEvent ? 1 : series.weights[slot];
  return price(indicator, result, judged, weight, () => evidenceObservations(indicator, index, asOfMs, judged, isEvent));
}

function readSeries(indicator: Indicator, index: PointInTimeIndex, asOfMs: number, from: DayNumber, to: DayNumber): DailySeries {
  const detector = indicator.detector;
  if (detector.kind !== 'decay' || Object.keys(detector.weights).length === 0) {
    return index.daily(indicator.series, asOfMs, from, to, indicator.aggregate, indicator.absentIsZero);
  }
  // Decay weights differ per source series: sum the weighted daily series.
  let combined: DailySeries | undefined;
  for (const name of indicator.series) {
    const one = index.daily([name], asOfMs, from, to, 'sum', true);
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

function evidenceObservations(indicator: Indicator, index: PointInTimeIndex, asOfMs: number, day: DayNumber, isEvent: boolean): Observation[] {
  if (!isEvent) return index.observationsOn(indicator.series, asOfMs, day);
  const lookback = detectorLookback(indicator.detector);
  const out: Observation[] = [];
  for (let d = day - lookback + 1; d <= day; d++) out.push(...index.observationsOn(indicator.series, asOfMs, d));
  return out;
}

function price(
  indicator: Indicator, result: DetectorResult, dataDay: DayNumber | undefined, weight: number, observations: () => Observation[],
): IndicatorEvaluation {
  const logLr: Record<string, number> = {};
  const ratios = indicator.likelihoods[result.state] ?? {};
  for (const [hypothesis, lr] of Object.entries(ratios)) logLr[hypothesis] = weight * Math.log(lr);
  return { indicator, result, dataDay, weight, logLr, observations };
}
