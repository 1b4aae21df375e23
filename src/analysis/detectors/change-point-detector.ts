// CUSUM change point: tells a sustained new level (a new normal) from a one-day spike.
import type { Detector } from '../../packs/pack-schema.js';
import { robustBaseline } from './robust-z-detector.js';
import { type DetectorInput, type DetectorResult, valueAt } from './detector-types.js';
import { INSUFFICIENT_DATA } from '../../packs/detector-states.js';
import { GAP_REASONS } from '../gap-reasons.js';

type ChangePoint = Extract<Detector, { kind: 'change-point' }>;

export function detectChangePoint(detector: ChangePoint, input: DetectorInput): DetectorResult {
  const value = valueAt(input.series, input.day);
  // The reference level ends where the recent stretch begins, so a shift in progress does not raise its own baseline.
  const reference = { ...input, day: input.day - detector.recentDays + 1 };
  const baseline = robustBaseline(reference, detector.baselineDays, detector.minScale, 2);
  if (baseline.n < detector.minSamples) {
    return {
      state: INSUFFICIENT_DATA,
      value,
      baseline,
      reason: GAP_REASONS.shortBaseline(baseline.n, detector.minSamples),
    };
  }
  let up = 0;
  let down = 0;
  let daysAbove = 0;
  let daysBelow = 0;
  for (let d = reference.day; d <= input.day; d++) {
    const v = valueAt(input.series, d);
    if (!Number.isFinite(v)) continue;
    const z = (v - baseline.median) / baseline.scale;
    up = Math.max(0, up + z - detector.k);
    down = Math.max(0, down - z - detector.k);
    if (z > detector.k) daysAbove++;
    if (z < -detector.k) daysBelow++;
  }
  let state = 'stable';
  if (up >= detector.h) state = daysAbove >= detector.minRunDays ? 'shift-up' : 'spike';
  else if (down >= detector.h && daysBelow >= detector.minRunDays) state = 'shift-down';
  return { state, value, baseline, score: up >= down ? up : -down };
}
