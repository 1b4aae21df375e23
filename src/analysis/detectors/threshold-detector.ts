// Fixed thresholds on the latest value, e.g. "45 aircraft or more" — the simple rule analysts already use.
import type { Detector } from '../../packs/pack-schema.js';
import { type DetectorInput, type DetectorResult, valueAt } from './detector-types.js';
import { matchLevel } from './level-match.js';

type Threshold = Extract<Detector, { kind: 'threshold' }>;

export function detectThreshold(detector: Threshold, input: DetectorInput): DetectorResult {
  const value = valueAt(input.series, input.day);
  const level = matchLevel(detector.levels, { value });
  return { state: level?.state ?? 'normal', value };
}
