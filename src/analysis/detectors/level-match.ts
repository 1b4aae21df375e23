// Picks the most extreme state level whose every given condition (z, ratio, absolute minimum) holds.
import type { StateLevel } from '../../packs/pack-schema.js';

export interface LevelFacts {
  value: number;
  z?: number;
  ratio?: number;
}

/** The last level in the list whose conditions all hold, or undefined. `sign` -1 mirrors z and ratio for low levels. */
export function matchLevel(levels: readonly StateLevel[], facts: LevelFacts, sign: 1 | -1 = 1): StateLevel | undefined {
  let matched: StateLevel | undefined;
  for (const level of levels) {
    if (level.z !== undefined && (facts.z === undefined || sign * facts.z < level.z)) continue;
    if (level.ratio !== undefined) {
      if (facts.ratio === undefined) continue;
      if (sign === 1 ? facts.ratio < level.ratio : facts.ratio > level.ratio) continue;
    }
    if (level.min !== undefined && (sign === 1 ? facts.value < level.min : facts.value > level.min)) continue;
    matched = level;
  }
  return matched;
}
