// The states each detector kind can produce: a fact of the pack format, used to validate packs and alerting rules,
// to build the indicator matrix, and by the detectors that produce them.
import type { Detector } from './pack-schema.js';

export const INSUFFICIENT_DATA = 'insufficient-data';
/** Inside coverage, a report exists but its value is null (with a reason). */
export const MISSING = 'missing';
/** Outside every window in which a source fed the indicator's series: nothing is known, no evidence either way. */
export const NO_COVERAGE = 'no-coverage';
/** Inside coverage but the latest report is older than the cadence allows. */
export const STALE = 'stale';
/** What any indicator can be whatever its detector: these states never carry a likelihood ratio. */
export const KNOWLEDGE_STATES = [NO_COVERAGE, STALE, MISSING] as const;

export function detectorStates(detector: Detector): string[] {
  return [...ownStates(detector), ...KNOWLEDGE_STATES.filter((s) => !ownStates(detector).includes(s))];
}

function ownStates(detector: Detector): string[] {
  switch (detector.kind) {
    case 'robust-z':
      return [
        'normal',
        ...detector.levels.map((l) => l.state),
        ...detector.lowLevels.map((l) => l.state),
        INSUFFICIENT_DATA,
      ];
    case 'threshold':
      return ['normal', ...detector.levels.map((l) => l.state)];
    case 'presence':
      return ['present', 'absent'];
    case 'decay':
      return ['none', ...detector.levels.map((l) => l.state)];
    case 'change-point':
      return ['stable', 'spike', 'shift-up', 'shift-down', INSUFFICIENT_DATA];
  }
}
