// Presence of events within the last N local days (a carrier sighting, a closure notice, a warship transit).
import type { Detector } from '../../packs/pack-schema.js';
import type { DetectorInput, DetectorResult } from './detector-types.js';

type Presence = Extract<Detector, { kind: 'presence' }>;

export function detectPresence(detector: Presence, input: DetectorInput): DetectorResult {
  let total = 0;
  for (let d = input.day - detector.withinDays + 1; d <= input.day; d++) {
    const i = d - input.series.fromDay;
    const v = i >= 0 && i < input.series.values.length ? input.series.values[i] : Number.NaN;
    if (Number.isFinite(v)) total += v;
  }
  return { state: total >= detector.min ? 'present' : 'absent', value: total };
}
