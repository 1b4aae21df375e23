// Objective sub-kinds of political triggers, read from a calendar row's category and title by explicit rules, never
// from what followed. A sub-kind becomes its own series (`political.trigger.<category>.<subkind>`) so a pack can weigh
// an inauguration or National Day address above a routine speech, a presidential US transit above a vice-presidential
// stopover elsewhere, a large arms sale above spare parts, a cabinet visit above a congressional one.

export interface TriggerSubkind {
  subkind: string;
  /** Facts the rule read (e.g. the arms-sale value in US$ million), kept as attributes. */
  facts: Record<string, string | number>;
}

/** Arms-sale size classes by notified value (US$ million): DSCA's own $1B threshold and a quarter of it. */
export const ARMS_SALE_CLASSES: readonly { subkind: string; minMusd: number }[] = [
  { subkind: 'large', minMusd: 1000 },
  { subkind: 'medium', minMusd: 250 },
  { subkind: 'small', minMusd: 0 },
];

/** Places named in transit titles: the continental US, US Pacific territories. Anything else is `elsewhere`. */
const US_MAINLAND =
  /\b(New York|Los Angeles|San Francisco|Houston|Dallas|Miami|Atlanta|Washington|Chicago|California|US transits?)\b/;
const US_PACIFIC = /\b(Hawaii|Honolulu|Guam)\b/;

/** The sub-kind of a trigger row, or undefined for categories that have none. */
export function triggerSubkind(category: string, title: string): TriggerSubkind | undefined {
  switch (category) {
    case 'speech':
      return { subkind: speechKind(title), facts: {} };
    case 'transit':
      return transitKind(title);
    case 'us-arms-sale':
      return armsSaleKind(title);
    case 'us-visit':
      return { subkind: visitKind(title), facts: {} };
    default:
      return undefined;
  }
}

/** The two annual set-piece addresses (National Day, New Year) against any other speech or remark. */
function speechKind(title: string): string {
  if (/National Day address/i.test(title)) return 'national-day';
  if (/New Year address/i.test(title)) return 'new-year';
  return 'other';
}

/** Who travels (president or vice-president) and where the stop is (US mainland, US Pacific territory, elsewhere). */
function transitKind(title: string): TriggerSubkind {
  const leader = /\b(VP|Vice[- ]President)\b/i.test(title)
    ? 'vice-president'
    : /\bPresident\b/.test(title)
      ? 'president'
      : 'other';
  const place = US_MAINLAND.test(title) ? 'us' : US_PACIFIC.test(title) ? 'us-pacific' : 'elsewhere';
  return { subkind: `${leader}-${place}`, facts: { leader, place } };
}

/**
 * The notified value: a stated total ("~$1.8B total", "$300M total", "~$11.1B") wins; otherwise the sum of every
 * amount in the title. No amount at all is `unknown` (never guessed).
 */
export function armsSaleValueMusd(title: string): number | undefined {
  const amounts = [...title.matchAll(/(~|up to )?\$(\d+(?:\.\d+)?)\s*([MB])\b(\s*total)?/g)].map((m) => ({
    musd: Number(m[2]) * (m[3] === 'B' ? 1000 : 1),
    total: m[1] === '~' || m[4] !== undefined,
  }));
  if (amounts.length === 0) return undefined;
  const total = amounts.find((a) => a.total);
  if (total) return total.musd;
  return Math.round(amounts.reduce((s, a) => s + a.musd, 0) * 10) / 10;
}

function armsSaleKind(title: string): TriggerSubkind {
  const musd = armsSaleValueMusd(title);
  if (musd === undefined) return { subkind: 'unknown', facts: {} };
  const cls = ARMS_SALE_CLASSES.find((c) => musd >= c.minMusd)!;
  return { subkind: cls.subkind, facts: { valueMusd: musd } };
}

/** A cabinet member, the House Speaker, or other members of Congress (delegations, committee chairs). */
function visitKind(title: string): string {
  if (/cabinet|Secretary\b/i.test(title)) return 'cabinet';
  if (/\bSpeaker\b/.test(title)) return 'speaker';
  return 'congressional';
}
