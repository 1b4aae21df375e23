// Assessments fit to share: computed only from observations the recipient may see, and marked with the most
// restrictive TLP among them, so an assessment never carries more than its inputs allow.
import { createAssessor } from '../analysis/assessor.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { observationsAsKnownAt } from '../app/assess-at.js';
import { loadCoverage } from '../app/load-coverage.js';
import type { Assessment, Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store, StoredObservation } from '../storage/store.js';
import { getZone, type DayNumber } from '../time/zone.js';
import { maxTlp, mayReshare } from './tlp/tlp-ceiling.js';

export interface ShareableAssessment {
  assessment: Assessment;
  /** The most restrictive marking among the observations it read (CLEAR when it read none). */
  tlp: Tlp;
}

/** What assessAt reads for `day`, restricted to `tlpMax` (in the store query) and to re-shareable observations. */
export async function observationsForDay(
  store: Store,
  pack: Pack,
  day: DayNumber,
  tlpMax?: Tlp,
): Promise<StoredObservation[]> {
  const rows = await observationsAsKnownAt(store, pack, day, tlpMax);
  return tlpMax === undefined ? rows : rows.filter((o) => mayReshare(o.source, o.tlp, ''));
}

/**
 * The assessment of `day` as a recipient cleared for `tlpMax` could have made it from our data: the same pure
 * assessor as assessAt, over only the observations at or below the ceiling that may be passed on.
 */
export async function assessWithinCeiling(
  store: Store,
  pack: Pack,
  day: DayNumber,
  tlpMax: Tlp,
): Promise<ShareableAssessment> {
  const observations = await observationsForDay(store, pack, day, tlpMax);
  const assessment = createAssessor(
    pack,
    new PointInTimeIndex(observations, getZone(pack.timeZone)),
    await loadCoverage(store, pack),
  ).assess(day);
  return { assessment, tlp: maxTlp(observations.map((o) => o.tlp)) };
}
