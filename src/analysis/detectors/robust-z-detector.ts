// Robust z against a rolling median/MAD baseline: how unusual is the latest value, given the weeks before it?
import type { Detector } from '../../packs/pack-schema.js';
import { medianAndMad } from '../robust-stats.js';
import {
  type BaselineSummary,
  type DetectorInput,
  type DetectorResult,
  valueAt,
  windowValues,
} from './detector-types.js';
import { INSUFFICIENT_DATA } from '../../packs/detector-states.js';
import { matchLevel } from './level-match.js';
import { GAP_REASONS } from '../gap-reasons.js';

type RobustZ = Extract<Detector, { kind: 'robust-z' }>;

/** Baseline over the `days` local days before `day` (not including it), cut at definition breaks. */
export function robustBaseline(input: DetectorInput, days: number, minScale: number, bandZ: number): BaselineSummary {
  const samples = windowValues(input.series, input.day - days, input.day - 1, input.breaks);
  const { median, mad, n } = medianAndMad(samples);
  // Counts near zero have MAD 0; a Poisson-like floor keeps a 0→2 wiggle from reading as extreme.
  const scale = Math.max(mad, Math.sqrt(Math.max(median, 0)), minScale);
  return { median, scale, n, low: Math.max(0, median - bandZ * scale), high: median + bandZ * scale };
}

export function detectRobustZ(detector: RobustZ, input: DetectorInput): DetectorResult {
  const value = valueAt(input.series, input.day);
  const bandZ = detector.levels[0].z ?? 2;
  const baseline = robustBaseline(input, detector.baselineDays, detector.minScale, bandZ);
  if (baseline.n < detector.minSamples) {
    return {
      state: INSUFFICIENT_DATA,
      value,
      baseline,
      reason: GAP_REASONS.shortBaseline(baseline.n, detector.minSamples),
    };
  }
  const z = (value - baseline.median) / baseline.scale;
  const ratio = baseline.median > 0 ? value / baseline.median : value > 0 ? Infinity : 1;
  const high = matchLevel(detector.levels, { value, z, ratio });
  const low = high ? undefined : matchLevel(detector.lowLevels, { value, z, ratio }, -1);
  return { state: high?.state ?? low?.state ?? 'normal', value, baseline, score: z };
}
