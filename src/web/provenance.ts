// Where an observation comes from, said as the source said it: a publication time the source did not state is shown
// as assumed, the grading as the one given for the source (and the compilation it came through), the reference linked.
// Pure.
import type { ObservationView } from './api-types.js';
import { localTime } from './format.js';

/**
 * Times of day the parsers put on a publication known only by its date (docs/data.md): 09:00 for a morning report
 * (MND, the compilations of it), 23:59 for a report known by the end of its day (evening releases, activity-dated rows).
 */
export const ASSUMED_TIMES = ['09:00', '23:59'] as const;

export interface Provenance {
  /** The publication as a local time; `assumed` when the source gave only a day and the time is a parser's convention. */
  published: { day: string; time: string; assumed: boolean };
  /** Admiralty grading as given for the source (e.g. `A1`), never re-graded here. */
  grade: string;
  source: string;
  /** The compilation the observation came through (`attributes.compiler`), when there is one. */
  compiler?: string;
  /** The reference as a link when it is a URL; otherwise as text (e.g. `file:line`). */
  link?: string;
  ref?: string;
}

export function provenance(o: ObservationView, timeZone: string): Provenance {
  const [day, time] = localTime(o.publishedAt, timeZone).split(' ');
  const attributes = o.attributes ?? {};
  const compiler = typeof attributes.compiler === 'string' ? attributes.compiler : undefined;
  // Only rows that came through a compilation or a date convention have a time of day put on them by a parser.
  const dated = compiler !== undefined || typeof attributes.dateBasis === 'string';
  const out: Provenance = {
    published: { day, time, assumed: dated && (ASSUMED_TIMES as readonly string[]).includes(time) },
    grade: `${o.reliability}${o.credibility}`,
    source: o.source,
  };
  if (compiler !== undefined) out.compiler = compiler;
  if (o.sourceRef && /^https?:\/\//.test(o.sourceRef)) out.link = o.sourceRef;
  else if (o.sourceRef) out.ref = o.sourceRef;
  return out;
}
