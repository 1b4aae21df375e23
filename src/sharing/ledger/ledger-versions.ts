// How re-publishing one of our objects is versioned, the same for every ledger adapter: unchanged content (and TLP)
// is a no-op; changed content keeps `created` and gets a `modified` later than the previous version's.
import type { Tlp } from '../../model/index.js';
import { canonicalJson } from '../signing/canonical-json.js';
import { stixVersion, type StixObject } from '../stix/stix-types.js';

/** The latest version of the id we published, as the ledger stored it. */
export interface PreviousVersion {
  object: StixObject;
  tlp: Tlp;
  dateAdded: string;
}

/** `changed: false` with the stored object when nothing changed; otherwise the version to store. */
export function nextVersion(
  previous: PreviousVersion,
  object: StixObject,
  tlp: Tlp,
  now: string,
): { changed: boolean; object: StixObject } {
  const before = previous.object;
  if (contentOf(before) === contentOf(object) && previous.tlp === tlp) return { changed: false, object: before };
  const prevVersion = stixVersion(before) ?? previous.dateAdded;
  const proposed = object.modified ?? now;
  const modified = proposed > prevVersion ? proposed : laterThan(prevVersion, now);
  return { changed: true, object: { ...object, created: before.created ?? object.created, modified } };
}

/** Content without its version stamps, to tell a real change from a re-publication. */
const contentOf = (o: StixObject) => canonicalJson({ ...o, created: undefined, modified: undefined });

/** A version stamp after `previous`: now, or one millisecond after it when the clock has not moved past it. */
function laterThan(previous: string, now: string): string {
  if (now > previous) return now;
  return new Date(Date.parse(previous) + 1).toISOString();
}
