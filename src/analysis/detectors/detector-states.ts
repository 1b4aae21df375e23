// The states each detector kind can produce, used to validate packs and to build the indicator matrix.
import type { Detector } from '../../packs/pack-schema.js';

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
