// Pure date-convention logic for deriving the bundled Taiwan Strait data (no file access here).
//
// The Taiwan MND daily report published on the morning of day D covers 06:00 D-1 → 06:00 D
// (+08:00). The long compiled series (pla-data-dashboard's JapanandBattleship.csv) dates its rows
// by publication date in some stretches and by activity date (D-1) in others. The table below says,
// for each stretch of the compiler's row dates, which convention it uses and how we know.
// docs/data.md gives the evidence figures; scripts/derive-taiwan-strait-data.ts --report recomputes them.

/** How a compiler dated a row: by the day the report came out, or by the day before (activity). */
export type Convention = 'publication' | 'activity';

/** Whether a convention was checked against another series/published figures or only inferred. */
export type Confidence = 'confirmed' | 'inferred';

/** The `date_basis` column of the mnd-daily format. */
export type DateBasis = 'publication' | 'activity-shifted' | 'inferred';

/**
 * The kind of MND report, which fixes the period a row covers:
 * - `calendar-day`: the old format (to Aug 2022): ADIZ entries on one calendar day, announced the
 *   same day (g0v shows the announcement date equals the activity date in 252 of 254 cases);
 * - `same-day-1700`: Aug–Nov 2022: aircraft/ships around Taiwan "today, as of 17:00", posted that evening;
 * - `daily-0600`: from Nov 2022: 06:00 D-1 → 06:00 D, posted the morning of D (the mnd-daily default).
 */
export type ReportFormat = 'calendar-day' | 'same-day-1700' | 'daily-0600';

export interface ConventionSegment {
  /** First compiler row date (inclusive), YYYY-MM-DD. */
  from: string;
  /** Last compiler row date (inclusive), YYYY-MM-DD. */
  to: string;
  convention: Convention;
  confidence: Confidence;
  /** One-line summary of the evidence (details in docs/data.md). */
  evidence: string;
}

/**
 * Dating convention of pla-data-dashboard/JapanandBattleship.csv, by the compiler's row date.
 * Contiguous, sorted, covering 2020-09-16 → 2026-08-22.
 */
export const JNB_CONVENTIONS: readonly ConventionSegment[] = [
  {
    from: '2020-09-16',
    to: '2021-10-04',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'g0v announcement texts: old format announced the same calendar day; rows equal g0v at lag 0',
  },
  {
    from: '2021-10-05',
    to: '2022-07-31',
    convention: 'publication',
    confidence: 'inferred',
    evidence: 'no cross-check source; same old same-day format as the g0v period',
  },
  {
    from: '2022-08-01',
    to: '2022-11-13',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'twreporter (publication-dated) agrees at lag 0; MND posted same-day 17:00 reports',
  },
  {
    from: '2022-11-14',
    to: '2024-03-31',
    convention: 'activity',
    confidence: 'confirmed',
    evidence: 'twreporter agrees at lag 1 (row = publication - 1) every month',
  },
  {
    from: '2024-04-01',
    to: '2024-05-28',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'twreporter activity polygons equal the row totals at lag 0',
  },
  {
    from: '2024-05-29',
    to: '2024-07-31',
    convention: 'activity',
    confidence: 'confirmed',
    evidence: 'twreporter activity polygons equal the row totals at lag 1',
  },
  {
    from: '2024-08-01',
    to: '2024-09-30',
    convention: 'activity',
    confidence: 'inferred',
    evidence: 'no series to check; neighbours Jul and Oct 2024 are activity-dated',
  },
  {
    from: '2024-10-01',
    to: '2024-10-31',
    convention: 'activity',
    confidence: 'confirmed',
    evidence: 'SOURCES.md (checked against published MND figures)',
  },
  {
    from: '2024-11-01',
    to: '2024-11-30',
    convention: 'activity',
    confidence: 'inferred',
    evidence: 'no series to check; neighbours Oct and Dec 2024 are activity-dated',
  },
  {
    from: '2024-12-01',
    to: '2024-12-31',
    convention: 'activity',
    confidence: 'confirmed',
    evidence: 'SOURCES.md (checked against published MND figures)',
  },
  {
    from: '2025-01-01',
    to: '2025-02-02',
    convention: 'activity',
    confidence: 'inferred',
    evidence: 'neighbour Dec 2024 is activity-dated; the hole at 2025-02-03 marks the switch to publication',
  },
  {
    from: '2025-02-03',
    to: '2025-02-28',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'SOURCES.md (checked against published MND figures)',
  },
  {
    from: '2025-03-01',
    to: '2025-03-31',
    convention: 'publication',
    confidence: 'inferred',
    evidence: 'no series to check; neighbours Feb and Apr 2025 are publication-dated',
  },
  {
    from: '2025-04-01',
    to: '2025-04-30',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'SOURCES.md (checked against published MND figures)',
  },
  {
    from: '2025-05-01',
    to: '2025-09-30',
    convention: 'publication',
    confidence: 'inferred',
    evidence: 'no series to check; neighbours Apr and Oct 2025 are publication-dated',
  },
  {
    from: '2025-10-01',
    to: '2025-11-23',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'madeye (explicit periods) equals the row at lag 0',
  },
  {
    from: '2025-11-24',
    to: '2026-01-01',
    convention: 'activity',
    confidence: 'confirmed',
    evidence: 'madeye equals the row at lag 1',
  },
  {
    from: '2026-01-02',
    to: '2026-02-08',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'madeye equals the row at lag 0',
  },
  {
    from: '2026-02-09',
    to: '2026-02-14',
    convention: 'activity',
    confidence: 'confirmed',
    evidence: 'madeye equals the row at lag 1 (SOURCES.md lists 02-09..14)',
  },
  {
    from: '2026-02-15',
    to: '2026-08-22',
    convention: 'publication',
    confidence: 'confirmed',
    evidence: 'madeye equals the row at lag 0',
  },
];

/** Publication dates (inclusive) of each report format; later dates are `daily-0600`. */
export const FORMAT_ERAS: readonly { from: string; to: string; format: ReportFormat }[] = [
  { from: '2020-09-16', to: '2022-08-05', format: 'calendar-day' },
  { from: '2022-08-06', to: '2022-11-13', format: 'same-day-1700' },
  { from: '2022-11-14', to: '9999-12-31', format: 'daily-0600' },
];

/** First publication date on which pla_aircraft_sorties is "all aircraft around Taiwan" (not ADIZ entries). */
export const TOTAL_DEFINITION_FROM = '2022-08-06';

// ---------------------------------------------------------------------------------------------
// Calendar helpers on YYYY-MM-DD strings (UTC arithmetic, so no time-zone or DST surprises).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, inclusive. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Normalises `2020/9/16`, `2020/09/16`, `20200916` or `2020-09-16` to `2020-09-16` (shared with the naval-transits kind). */
export { normaliseDate } from '../../src/sources/naval-transits/compiler-date.js';

/** ROC-era date "109/09/17" or (year, month, day) → Gregorian YYYY-MM-DD (year + 1911). */
export function rocToIso(rocYear: number, month: number, day: number): string {
  const out = `${rocYear + 1911}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(out)) throw new Error(`not a real ROC date: ${rocYear}/${month}/${day}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Convention lookup and shifting.

/** The segment whose row-date range contains `rowDate`, or undefined outside the table. */
export function conventionFor(
  rowDate: string,
  table: readonly ConventionSegment[] = JNB_CONVENTIONS,
): ConventionSegment | undefined {
  for (const seg of table) if (rowDate >= seg.from && rowDate <= seg.to) return seg;
  return undefined;
}

/** Publication date of a row dated `rowDate` under `convention`: activity-dated rows move +1 day. */
export function shiftToPublication(rowDate: string, convention: Convention): string {
  return convention === 'activity' ? addDays(rowDate, 1) : rowDate;
}

/** The `date_basis` a row gets from its segment. */
export function dateBasisFor(seg: Pick<ConventionSegment, 'convention' | 'confidence'>): DateBasis {
  if (seg.confidence === 'inferred') return 'inferred';
  return seg.convention === 'activity' ? 'activity-shifted' : 'publication';
}

/**
 * Publication dates that no row of the compiler can land on: where the convention switches from
 * publication (row D → D) to activity (row D+1 → D+2), nothing maps to D+1. Such a report was lost
 * by the compiler (two reports competed for one row date).
 */
export function unreachablePublicationDates(table: readonly ConventionSegment[] = JNB_CONVENTIONS): string[] {
  const out: string[] = [];
  for (let i = 1; i < table.length; i++) {
    const prev = table[i - 1];
    const next = table[i];
    if (prev.convention === 'publication' && next.convention === 'activity') out.push(next.from);
  }
  return out;
}

/**
 * Publication dates that two rows of the compiler land on: where the convention switches from
 * activity (row D-1 → D) to publication (row D → D).
 */
export function doublyReachablePublicationDates(table: readonly ConventionSegment[] = JNB_CONVENTIONS): string[] {
  const out: string[] = [];
  for (let i = 1; i < table.length; i++) {
    const prev = table[i - 1];
    const next = table[i];
    if (prev.convention === 'activity' && next.convention === 'publication') out.push(next.from);
  }
  return out;
}

/** Checks that a convention table is sorted, contiguous and well-formed; returns problems found. */
export function validateConventionTable(table: readonly ConventionSegment[]): string[] {
  const problems: string[] = [];
  table.forEach((seg, i) => {
    if (!isIsoDate(seg.from) || !isIsoDate(seg.to)) problems.push(`segment ${i}: bad date`);
    else if (seg.to < seg.from) problems.push(`segment ${i}: to < from`);
    if (i > 0 && isIsoDate(table[i - 1].to) && isIsoDate(seg.from) && addDays(table[i - 1].to, 1) !== seg.from) {
      problems.push(`segment ${i}: not contiguous with the previous one (${table[i - 1].to} → ${seg.from})`);
    }
  });
  return problems;
}

export function formatFor(publicationDate: string): ReportFormat | undefined {
  for (const era of FORMAT_ERAS) if (publicationDate >= era.from && publicationDate <= era.to) return era.format;
  return undefined;
}

export interface ReportTiming {
  /** The `published` cell: a date (09:00 local implied) or an ISO instant. */
  published: string;
  /** Empty when the mnd-daily default (06:00 D-1 → 06:00 D) applies. */
  periodStart: string;
  periodEnd: string;
}

/**
 * Period and publication instant for a report published on `publicationDate`.
 * Same-day formats get explicit calendar periods and a conservative end-of-day publication instant
 * (the exact posting time is not in the sources; 23:59 never lets a backtest see a figure early).
 * `announcedOn` (old format only) is the latest day an announcement for that day was posted, when
 * later than the day itself (g0v: two night reports were posted the next day).
 */
export function reportTiming(publicationDate: string, format: ReportFormat, announcedOn?: string): ReportTiming {
  switch (format) {
    case 'calendar-day': {
      // Posted the same day, so the period cannot run past the posting (the period never ends after `published`).
      const postedLater = announcedOn !== undefined && announcedOn > publicationDate;
      return {
        published: `${postedLater ? announcedOn : publicationDate}T23:59:00+08:00`,
        periodStart: `${publicationDate}T00:00:00+08:00`,
        periodEnd: postedLater ? `${addDays(publicationDate, 1)}T00:00:00+08:00` : `${publicationDate}T23:59:00+08:00`,
      };
    }
    case 'same-day-1700':
      return {
        published: `${publicationDate}T23:59:00+08:00`,
        periodStart: `${publicationDate}T00:00:00+08:00`,
        periodEnd: `${publicationDate}T17:00:00+08:00`,
      };
    case 'daily-0600':
      return { published: publicationDate, periodStart: '', periodEnd: '' };
  }
}

// ---------------------------------------------------------------------------------------------
// Placing a compiler's rows on publication dates, with explicit collision handling.

export interface DatedRow<V> {
  /** The compiler's own date for the row. */
  rowDate: string;
  values: V;
}

export interface PlacedRow<V> {
  publicationDate: string;
  rowDate: string;
  values: V;
  segment: ConventionSegment;
  dateBasis: DateBasis;
}

export interface Collision<V> {
  publicationDate: string;
  kept: PlacedRow<V>;
  dropped: PlacedRow<V>[];
  /** `identical`: the rows carry the same figures (one report entered twice). */
  kind: 'identical' | 'conflicting';
}

export interface Placement<V> {
  rows: Map<string, PlacedRow<V>>;
  collisions: Collision<V>[];
  /** Rows whose date lies outside the convention table (not placed). */
  outside: DatedRow<V>[];
}

/**
 * Puts each row on its publication date. When two rows land on one date (a switch from activity
 * to publication dating), identical figures are merged; otherwise the row from a confirmed segment
 * wins over an inferred one, then the publication-dated row (its date needs no shift) wins.
 */
export function placeRows<V>(
  rows: readonly DatedRow<V>[],
  sameValues: (a: V, b: V) => boolean,
  table: readonly ConventionSegment[] = JNB_CONVENTIONS,
): Placement<V> {
  const groups = new Map<string, PlacedRow<V>[]>();
  const outside: DatedRow<V>[] = [];
  const sorted = [...rows].sort((a, b) => (a.rowDate < b.rowDate ? -1 : a.rowDate > b.rowDate ? 1 : 0));
  for (const row of sorted) {
    const segment = conventionFor(row.rowDate, table);
    if (!segment) {
      outside.push(row);
      continue;
    }
    const publicationDate = shiftToPublication(row.rowDate, segment.convention);
    const placed: PlacedRow<V> = {
      publicationDate,
      rowDate: row.rowDate,
      values: row.values,
      segment,
      dateBasis: dateBasisFor(segment),
    };
    const list = groups.get(publicationDate) ?? [];
    list.push(placed);
    groups.set(publicationDate, list);
  }
  const out = new Map<string, PlacedRow<V>>();
  const collisions: Collision<V>[] = [];
  for (const [date, list] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length === 1) {
      out.set(date, list[0]);
      continue;
    }
    const ranked = [...list].sort(compareForCollision);
    const kept = ranked[0];
    const dropped = ranked.slice(1);
    const kind = dropped.every((d) => sameValues(d.values, kept.values)) ? 'identical' : 'conflicting';
    collisions.push({ publicationDate: date, kept, dropped, kind });
    out.set(date, kept);
  }
  return { rows: out, collisions, outside };
}

function compareForCollision<V>(a: PlacedRow<V>, b: PlacedRow<V>): number {
  const conf = (r: PlacedRow<V>) => (r.segment.confidence === 'confirmed' ? 0 : 1);
  if (conf(a) !== conf(b)) return conf(a) - conf(b);
  const pub = (r: PlacedRow<V>) => (r.segment.convention === 'publication' ? 0 : 1);
  if (pub(a) !== pub(b)) return pub(a) - pub(b);
  return a.rowDate < b.rowDate ? -1 : 1;
}

// ---------------------------------------------------------------------------------------------
// Merging figures from several compilers with a fixed precedence.

export type Count = number | 'NA' | undefined;

export interface FieldSource {
  /** Compiler id as written in the `compiler` column. */
  compiler: string;
  value: Count;
}

/**
 * Picks a figure from compilers listed in precedence order: the first with a number wins; else
 * the first `NA`; else undefined (no compiler gives this figure). Returns the value and who gave it.
 */
export function pickByPrecedence(sources: readonly FieldSource[]): { value: Count; compiler?: string } {
  for (const s of sources) if (typeof s.value === 'number') return { value: s.value, compiler: s.compiler };
  for (const s of sources) if (s.value === 'NA') return { value: 'NA' };
  return { value: undefined };
}

/** Precedence of compilers for the MND daily figures (best first). */
export const MND_PRECEDENCE = ['mnd-crawler', 'madeye', 'g0v', 'lioneer', 'pla-data-dashboard'] as const;

/** Joins the distinct compilers that supplied figures, in precedence order, with `+`. */
export function compilerList(compilers: Iterable<string | undefined>): string {
  const set = new Set<string>();
  for (const c of compilers) if (c) set.add(c);
  const order = (c: string) => {
    const i = (MND_PRECEDENCE as readonly string[]).indexOf(c);
    return i < 0 ? MND_PRECEDENCE.length : i;
  };
  return [...set].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1)).join('+');
}

// ---------------------------------------------------------------------------------------------
// Aligning a second compiler (lioneer) whose dates are sometimes shifted.

/**
 * Finds the publication date of a row dated `rowDate` whose aircraft total is `total`, given the
 * totals already known per publication date. Tries the row's own date and the next day; a unique
 * match wins; if both match, `preferShifted` decides; if neither, returns undefined (row not used).
 */
export function alignByTotal(
  rowDate: string,
  total: number,
  knownTotal: (publicationDate: string) => number | undefined,
  preferShifted: boolean,
): string | undefined {
  const same = knownTotal(rowDate) === total;
  const next = knownTotal(addDays(rowDate, 1)) === total;
  if (same && next) return preferShifted ? addDays(rowDate, 1) : rowDate;
  if (same) return rowDate;
  if (next) return addDays(rowDate, 1);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Small parsers for facts inside source text (numbers only; no text is carried over).

/** Sum of "N架" / "N架次" counts in the aircraft-type section of an old-format MND announcement. */
export function sumAircraftCounts(section: string): number {
  let n = 0;
  for (const m of section.matchAll(/(\d+)\s*架/g)) n += Number(m[1]);
  return n;
}

/** Number of balloons in an MND sentence like "中共空飄氣球計偵獲2顆", or undefined. */
export function parseBalloonCount(text: string): number | undefined {
  const m = /空飄氣球計偵獲\s*(\d+)\s*顆/.exec(text);
  return m ? Number(m[1]) : undefined;
}
