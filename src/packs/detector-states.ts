// The states each detector kind can produce: a fact of the pack format, used to validate packs and alerting rules,
// to build the indicator matrix, and by the detectors that produce them.
import type { Detector } from './pack-schema.js';

export const INSUFFICIENT_DATA = 'insufficient-data';
export const MISSING = 'missing';

export function detectorStates(detector: Detector): string[] {
  switch (detector.kind) {
    case 'robust-z':
      return ['normal', ...detector.levels.map((l) => l.state), ...detector.lowLevels.map((l) => l.state), INSUFFICIENT_DATA, MISSING];
    case 'threshold':
      return ['normal', ...detector.levels.map((l) => l.state), MISSING];
    case 'presence':
      return ['present', 'absent'];
    case 'decay':
      return ['none', ...detector.levels.map((l) => l.state)];
    case 'change-point':
      return ['stable', 'spike', 'shift-up', 'shift-down', INSUFFICIENT_DATA, MISSING];
  }
}
