// Who may see what: a reader's effective TLP ceiling and the TLP 2.0 rules for passing on what partners gave us.
import { TLP_LEVELS, tlpRank, type Tlp } from '../../model/index.js';

/** Sources of observations that came from outside this organisation (a TAXII partner or an imported bundle). */
export const PARTNER_SOURCE_PREFIX = 'partner:';
export const IMPORTED_SOURCE_PREFIX = 'stix:';

/**
 * The most restrictive TLP at which something received from another organisation may be passed to a third one.
 * TLP 2.0: GREEN may go to peers and partner organisations in the community; AMBER only to the recipient's own
 * organisation and its clients; AMBER+STRICT only inside the recipient's organisation; RED only to the people it was
 * given to. Partners are other organisations, so only CLEAR and GREEN received data is ever re-shared.
 */
export const RESHARE_CEILING: Tlp = 'green';

/** TLP for received objects that carry no TLP marking: AMBER, so they are never passed on to other partners. */
export const UNMARKED_TLP: Tlp = 'amber';

export function partnerSource(partnerName: string): string {
  return `${PARTNER_SOURCE_PREFIX}${partnerName}`;
}

export function isExternalSource(source: string): boolean {
  return source.startsWith(PARTNER_SOURCE_PREFIX) || source.startsWith(IMPORTED_SOURCE_PREFIX);
}

/** The more restrictive of two markings is the less permissive ceiling. */
export function minTlp(a: Tlp, b: Tlp): Tlp {
  return tlpRank(a) <= tlpRank(b) ? a : b;
}

export function maxTlp(levels: Iterable<Tlp>, floor: Tlp = 'clear'): Tlp {
  let rank = tlpRank(floor);
  for (const t of levels) rank = Math.max(rank, tlpRank(t));
  return TLP_LEVELS[rank];
}

export function isWithin(tlp: Tlp, ceiling: Tlp): boolean {
  return tlpRank(tlp) <= tlpRank(ceiling);
}

/**
 * Whether an observation from `source` marked `tlp` may go to `partnerName`: never back to the partner it came from
 * (an echo), and never above GREEN when it came from outside. The ceiling itself is applied in the store query.
 */
export function mayReshare(source: string, tlp: Tlp, partnerName: string): boolean {
  if (source === partnerSource(partnerName)) return false;
  return !isExternalSource(source) || isWithin(tlp, RESHARE_CEILING);
}
