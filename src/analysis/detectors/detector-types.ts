// What every detector receives and returns: a daily series as known at T, and a state with its evidence.
import type { DailySeries } from '../point-in-time-index.js';
import type { DayNumber } from '../../time/zone.js';

export interface DetectorInput {
  /** The daily series, covering at least the detector's look-back before `day`. */
  series: DailySeries;
  /** The local day being judged (the latest day with data, or the assessed day for event detectors). */
  day: DayNumber;
  /** Local days at which the series changed definition; baselines never reach back across them. */
  breaks: readonly DayNumber[];
}

export interface BaselineSummary {
  median: number;
  scale: number;
  /** Number of samples the baseline rests on. */
  n: number;
  /** The normal band: values inside it are `normal`. */
  low: number;
  high: number;
}

export interface DetectorResult {
  state: string;
  /** The value judged (a count, a window sum, a decayed score). NaN when not known. */
  value: number;
  baseline?: BaselineSummary;
  /** Robust z (or CUSUM statistic) behind the state, when there is one. */
  score?: number;
  /** Why the state is what it is, in a few words, when not obvious (insufficient data, stale…). */
  reason?: string;
}

/** Value at a day of a daily series (NaN outside the covered range). */
export function valueAt(series: DailySeries, day: DayNumber): number {
  const i = day - series.fromDay;
  return i >= 0 && i < series.values.length ? series.values[i] : Number.NaN;
}

/** Values on [from, to] that lie after the latest break at or before `to` (baselines never cross a break). */
export function windowValues(
  series: DailySeries,
  from: DayNumber,
  to: DayNumber,
  breaks: readonly DayNumber[],
): Float64Array {
  let start = from;
  for (const b of breaks) if (b <= to + 1 && b > start) start = b;
  const lo = Math.max(start - series.fromDay, 0);
  const hi = Math.min(to - series.fromDay + 1, series.values.length);
  return hi > lo ? series.values.subarray(lo, hi) : new Float64Array(0);
}
