// Decay since a trigger: each event's weight halves every `halfLifeDays`, so a fresh trigger counts most.
import type { Detector } from '../../packs/pack-schema.js';
import type { DetectorInput, DetectorResult } from './detector-types.js';
import { matchLevel } from './level-match.js';

type Decay = Extract<Detector, { kind: 'decay' }>;

/** `series` here is already weighted per source series by the caller (see indicator-evaluation). */
export function detectDecay(detector: Decay, input: DetectorInput): DetectorResult {
  let score = 0;
  for (let age = 0; age <= detector.maxAgeDays; age++) {
    const i = input.day - age - input.series.fromDay;
    if (i < 0) break;
    const v = i < input.series.values.length ? input.series.values[i] : Number.NaN;
    if (Number.isFinite(v) && v !== 0) score += v * Math.pow(0.5, age / detector.halfLifeDays);
  }
  const level = matchLevel(detector.levels, { value: score });
  return { state: level?.state ?? 'none', value: score, score };
}
