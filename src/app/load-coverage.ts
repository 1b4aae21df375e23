// The coverage the live path passes to the analysis: the pack's declarations and what the collectors' health says.
import { combineCoverage, declaredCoverage, type Coverage } from '../analysis/coverage.js';
import { listCollectorHealth } from '../collectors/collector-health.js';
import { learnedCoverage } from '../collectors/learned-coverage.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import { getZone } from '../time/zone.js';

export async function loadCoverage(store: Store, pack: Pack): Promise<Coverage> {
  return combineCoverage(
    declaredCoverage(pack),
    learnedCoverage(await listCollectorHealth(store), getZone(pack.timeZone)),
  );
}
