// Dispatches to the detector a pack names; adding a detector kind is one case here plus its file.
import type { Detector } from '../../packs/pack-schema.js';
import { detectChangePoint } from './change-point-detector.js';
import { detectDecay } from './decay-detector.js';
import type { DetectorInput, DetectorResult } from './detector-types.js';
import { detectPresence } from './presence-detector.js';
import { detectRobustZ } from './robust-z-detector.js';
import { detectThreshold } from './threshold-detector.js';

export function runDetector(detector: Detector, input: DetectorInput): DetectorResult {
  switch (detector.kind) {
    case 'robust-z':
      return detectRobustZ(detector, input);
    case 'threshold':
      return detectThreshold(detector, input);
    case 'presence':
      return detectPresence(detector, input);
    case 'decay':
      return detectDecay(detector, input);
    case 'change-point':
      return detectChangePoint(detector, input);
  }
}

/** Days of history before the judged day that a detector reads. */
export function detectorLookback(detector: Detector): number {
  switch (detector.kind) {
    case 'robust-z':
      return detector.baselineDays;
    case 'threshold':
      return 0;
    case 'presence':
      return detector.withinDays;
    case 'decay':
      return detector.maxAgeDays;
    case 'change-point':
      return detector.baselineDays + detector.recentDays;
  }
}
