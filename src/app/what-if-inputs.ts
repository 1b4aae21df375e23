// What a what-if needs from the store for one day: the observations one assessment of that day reads (under the
// caller's TLP ceiling) and the coverage. The pack edits and the assessment are pure (src/analysis/what-if.ts).
import type { WhatIfInputs } from '../analysis/what-if.js';
import type { Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import type { DayNumber } from '../time/zone.js';
import { observationsAsKnownAt } from './assess-at.js';
import { loadCoverage } from './load-coverage.js';

export async function whatIfInputs(store: Store, pack: Pack, day: DayNumber, tlpMax?: Tlp): Promise<WhatIfInputs> {
  const [observations, coverage] = await Promise.all([
    observationsAsKnownAt(store, pack, day, tlpMax),
    loadCoverage(store, pack),
  ]);
  return { day, observations, coverage };
}
