// Derives the bundled Taiwan Strait data (data/taiwan-strait/) from the shared source snapshots.
//
//   npx tsx scripts/derive-taiwan-strait-data.ts [--shared ../shared] [--out data/taiwan-strait] [--report]
//
// Only numeric/factual fields are written; no source text is copied (sources without a licence may
// not be re-published). Deterministic: the same inputs give byte-identical outputs. --report also
// prints the evidence behind the date-convention table (docs/data.md).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { toCsv, type Cell } from './lib/csv-write.js';
import { normaliseTransit, type RawTransit, type Transit } from '../src/sources/naval-transits/normalise-transit.js';
import { jsoReleaseFacts, toJsonLines } from './lib/jso-release-facts.js';
import { crawlerDays, OFFICIAL_SHIPS_FROM } from './lib/mnd-crawler-figures.js';
import { mndCrawlerReports } from '../src/sources/mnd-crawler/parse-mnd-crawler.js';
import { parseMfaSpokesperson } from '../src/sources/mfa-spokesperson/parse-mfa-spokesperson.js';
import { gunzipSync } from 'node:zlib';
import { ATTRIBUTION, MIT_MADEYE, MIT_TWREPORTER } from './lib/taiwan-strait-texts.js';
import {
  FORMAT_ERAS,
  JNB_CONVENTIONS,
  MND_PRECEDENCE,
  TOTAL_DEFINITION_FROM,
  addDays,
  alignByTotal,
  compilerList,
  dateRange,
  formatFor,
  normaliseDate,
  parseBalloonCount,
  pickByPrecedence,
  placeRows,
  reportTiming,
  rocToIso,
  sumAircraftCounts,
  unreachablePublicationDates,
  validateConventionTable,
  type Count,
  type DateBasis,
} from './lib/taiwan-strait-dates.js';

// ---------------------------------------------------------------------------------------------
// Arguments and paths.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

const sharedDir = path.resolve(repoRoot, argValue('--shared') ?? '../shared');
const outDir = path.resolve(repoRoot, argValue('--out') ?? 'data/taiwan-strait');
const report = process.argv.includes('--report');
const src = (...p: string[]) => path.join(sharedDir, 'data', ...p);

if (!existsSync(src('SOURCES.md'))) {
  console.error(`shared data not found at ${src('')} (use --shared DIR)`);
  process.exit(2);
}

const FIRST_DATE = '2020-09-16'; // activity day of MND's first ADIZ announcement (posted 2020-09-17)
const LIONEER_SHIFTED = { from: '2026-03-11', to: '2026-04-02' }; // SOURCES.md: shifted one day vs madeye

const tableProblems = validateConventionTable(JNB_CONVENTIONS);
if (tableProblems.length > 0) throw new Error(`convention table: ${tableProblems.join('; ')}`);

// ---------------------------------------------------------------------------------------------
// Readers.

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(file), {
    bom: true,
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as Record<string, string>[];
}

/** "12.0" → 12; "" → undefined; anything else non-integer throws. */
function intOrUndefined(raw: string | undefined, what: string): number | undefined {
  const s = (raw ?? '').trim();
  if (s === '') return undefined;
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what}: not a non-negative integer: ${raw}`);
  return n;
}

// pla-data-dashboard / JapanandBattleship.csv
interface JnbValues {
  aircraft?: number;
  ships?: number;
}
const jnbRaw = readCsv(src('pla-data-dashboard', 'JapanandBattleship.csv'));
const jnbByDate = new Map<string, Record<string, string>>();
for (const r of jnbRaw) {
  const d = normaliseDate(r.date);
  if (jnbByDate.has(d)) throw new Error(`JapanandBattleship.csv: duplicate date ${d}`);
  jnbByDate.set(d, r);
}
const jnbValues = new Map<string, JnbValues>();
for (const [d, r] of jnbByDate) {
  jnbValues.set(d, {
    aircraft: intOrUndefined(r.pla_aircraft_sorties, `JapanandBattleship ${d} pla_aircraft_sorties`),
    ships: intOrUndefined(r.plan_vessel_sorties, `JapanandBattleship ${d} plan_vessel_sorties`),
  });
}

// g0v / reports.jsonl: old-format announcements, grouped by the day they report on.
interface G0vDay {
  aircraft: number;
  announcedOn: string;
  url: string;
  p: number;
}
const g0v = new Map<string, G0vDay>();
let g0vSkipped = 0;
for (const line of readFileSync(src('g0v-plaaf-intrusion', 'reports.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { p: number; url: string; publishedAt: string; text: string };
  const day = /中華民國\s*(\d+)\s*年\s*(\d+)\s*月\s*(\d+)\s*日/.exec(r.text);
  if (!day) {
    g0vSkipped++; // e.g. a monthly summary without a report day
    continue;
  }
  const activity = rocToIso(Number(day[1]), Number(day[2]), Number(day[3]));
  const [py, pm, pd] = r.publishedAt.split('/').map(Number);
  const announced = rocToIso(py, pm, pd);
  const start = r.text.indexOf('機型');
  const end = r.text.indexOf('活動概要');
  if (start < 0 || end < start) throw new Error(`g0v p=${r.p}: no aircraft-type section`);
  const n = sumAircraftCounts(r.text.slice(start, end));
  const prev = g0v.get(activity);
  if (prev) {
    prev.aircraft += n;
    if (announced > prev.announcedOn) prev.announcedOn = announced;
    if (r.p < prev.p) {
      prev.p = r.p;
      prev.url = r.url;
    }
  } else {
    g0v.set(activity, { aircraft: n, announcedOn: announced, url: r.url, p: r.p });
  }
}

// madeye / daily/*.json (MIT): the best-defined series, explicit periods.
interface MadeyeDay {
  periodStart: string;
  periodEnd: string;
  total: number;
  crossedMedian: number;
  enteredAdiz: number;
  naval: number;
  official: number;
  sourceUrl: string;
}
const madeye = new Map<string, MadeyeDay>();
const madeyeDir = src('madeye-taiwan-strait-monitor', 'daily');
for (const f of readdirSync(madeyeDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const j = JSON.parse(readFileSync(path.join(madeyeDir, f), 'utf8')) as {
    date: string;
    period: { start: string; end: string };
    aircraft: { total: number; crossed_median: number; entered_adiz: number };
    vessels: { naval: number; official: number };
    source_url: string;
  };
  const d = normaliseDate(j.date);
  if (`${d}.json` !== f) throw new Error(`madeye ${f}: date field ${j.date}`);
  if (!j.period.end.startsWith(d))
    throw new Error(`madeye ${f}: period ends ${j.period.end}, not on the publication date`);
  madeye.set(d, {
    periodStart: j.period.start,
    periodEnd: j.period.end,
    total: j.aircraft.total,
    crossedMedian: j.aircraft.crossed_median,
    enteredAdiz: j.aircraft.entered_adiz,
    naval: j.vessels.naval,
    official: j.vessels.official,
    sourceUrl: j.source_url,
  });
}
let madeyeSummaryMismatch = 0;
for (const r of readCsv(src('madeye-taiwan-strait-monitor', 'summary.csv'))) {
  const m = madeye.get(normaliseDate(r.date));
  const same =
    m &&
    m.total === Number(r.aircraft_total) &&
    m.crossedMedian === Number(r.crossed_median) &&
    m.enteredAdiz === Number(r.entered_adiz) &&
    m.naval === Number(r.vessels_naval) &&
    m.official === Number(r.vessels_official);
  if (!same) madeyeSummaryMismatch++;
}

// lioneer / records.csv: median-line crossings and balloons (dates sometimes shifted).
interface LioneerRow {
  rowDate: string;
  total?: number;
  median?: number;
  balloons?: number;
}
const lioneer: LioneerRow[] = readCsv(src('lioneer-pla-tracker', 'records.csv')).map((r) => ({
  rowDate: normaliseDate(r.date),
  total: intOrUndefined(r.aircraft_total, `lioneer ${r.date} aircraft_total`),
  median: intOrUndefined(r.median_line_cross, `lioneer ${r.date} median_line_cross`),
  balloons: parseBalloonCount(r.special_event ?? ''),
}));

// viviankoko/mnd_crawler: the text of every MND report, each dated by the period it states (mnd-crawler kind).
const crawlerFile = src('mnd-crawler-viviankoko', 'mnd_pla.csv');
const crawlerRowTexts = new Map<string, string[]>();
for (const r of readCsv(crawlerFile)) {
  const d = normaliseDate(r['日期']);
  crawlerRowTexts.set(d, [...(crawlerRowTexts.get(d) ?? []), r['公告內容'].replace(/\s+/g, '')]);
}
const crawler = crawlerDays(
  mndCrawlerReports(readFileSync(crawlerFile, 'utf8'), { file: crawlerFile }),
  crawlerRowTexts,
);

// twreporter (MIT): aircraft drawn on the MND map, by publication date; used only as a cross-check.
const twMapped = new Map<string, number>();
for (const r of readCsv(src('twreporter-pla-path', 'Taiwan', 'data.csv'))) {
  const d = normaliseDate(r['時間']);
  twMapped.set(d, (twMapped.get(d) ?? 0) + Number(r.Num));
}
const twTracks2 = new Map<string, number>();
{
  const g = JSON.parse(readFileSync(src('twreporter-pla-path', 'Taiwan', '20230918-20240115.geojson'), 'utf8')) as {
    features: { properties: { date: string; num: string } }[];
  };
  for (const f of g.features) {
    const d = normaliseDate(f.properties.date);
    twTracks2.set(d, (twTracks2.get(d) ?? 0) + Number(f.properties.num));
  }
}
// From 2024-01-16 MND maps show activity areas for all aircraft; "#each"/"#separate" polygons (not "#multi") sum to the total.
const twPolygons = new Map<string, number>();
{
  const g = JSON.parse(readFileSync(src('twreporter-pla-path', 'Taiwan', '20240116-20240731_v2.geojson'), 'utf8')) as {
    features: { properties: { date: string; category: string; description: string | null } }[];
  };
  for (const f of g.features) {
    const d = normaliseDate(f.properties.date);
    if (!twPolygons.has(d)) twPolygons.set(d, 0);
    if (f.properties.category !== 'polygon_#each' && f.properties.category !== 'polygon_#separate') continue;
    const desc = f.properties.description ?? '';
    let n = 0;
    for (const m of desc.matchAll(/計(\d+)架/g)) n += Number(m[1]);
    for (const m of desc.matchAll(/([^；，]*?)各(\d+)架/g)) n += m[1].split(/及|、/).length * Number(m[2]);
    twPolygons.set(d, (twPolygons.get(d) ?? 0) + n);
  }
}

// ---------------------------------------------------------------------------------------------
// Place the compiler's rows on publication dates.

const lastDate = [...jnbValues.keys(), ...madeye.keys()].sort().at(-1)!;
const jnbRows = [...jnbValues.entries()]
  .filter(([d]) => d >= FIRST_DATE)
  .map(([rowDate, values]) => ({ rowDate, values }));
const droppedEarly = [...jnbValues.keys()].filter((d) => d < FIRST_DATE).length;
const placement = placeRows(jnbRows, (a: JnbValues, b: JnbValues) => a.aircraft === b.aircraft && a.ships === b.ships);
if (placement.outside.length > 0)
  throw new Error(`rows outside the convention table: ${placement.outside.map((r) => r.rowDate).join(', ')}`);
const placed = placement.rows;
const lostAtSwitch = new Set(unreachablePublicationDates());

// ---------------------------------------------------------------------------------------------
// Build one mnd-daily row per publication date.

const FIELDS = [
  'aircraft_total',
  'aircraft_adiz',
  'median_line',
  'plan_ships',
  'official_ships',
  'balloons',
  'joint_patrol',
] as const;
type Field = (typeof FIELDS)[number];

interface MndRow {
  date: string; // the publication date (old format: the reported day, announced the same day)
  published: string;
  periodStart: string;
  periodEnd: string;
  values: Partial<Record<Field, Count>>;
  reasons: string[];
  dateBasis: DateBasis | '';
  sourceRef: string;
  compilers: string[];
}

const CRISIS_AMBIGUOUS = new Set(['2022-08-03', '2022-08-04', '2022-08-05']);
const SWITCH_GAP = { from: '2022-11-14', to: '2022-11-19' };
const MADEYE_FROM = [...madeye.keys()].sort()[0];

function noRowReason(d: string): string {
  if (d >= SWITCH_GAP.from && d <= SWITCH_GAP.to) {
    return "no row in pla-data-dashboard: its gap (rows 2022-11-14..18) falls on MND's switch from same-day 17:00 reports to 06:00-06:00 reports, so even this report's period is unknown";
  }
  if (lostAtSwitch.has(d)) {
    return 'no row in pla-data-dashboard can hold this report: the compiler switched from publication to activity dating here, so this report and the previous one competed for one row date';
  }
  if (d < '2024-01-01')
    return 'no row in pla-data-dashboard; 2022-2023 have no rows with 0 aircraft, so probably 0 aircraft, but not reported';
  return 'no row in pla-data-dashboard';
}

// Which figures each era's reports carry (a missing one becomes NA; balloons are optional).
function expectedFields(d: string): Field[] {
  if (d < TOTAL_DEFINITION_FROM) return ['aircraft_adiz'];
  if (d < OFFICIAL_SHIPS_FROM) return ['aircraft_total', 'plan_ships'];
  if (d < MADEYE_FROM) return ['aircraft_total', 'plan_ships', 'official_ships'];
  return ['aircraft_total', 'aircraft_adiz', 'median_line', 'plan_ships', 'official_ships'];
}

/** What one compiler says about one publication date. */
type Figures = Partial<Record<Field, number>>;

function madeyeFigures(d: string): Figures | undefined {
  const m = madeye.get(d);
  return (
    m && {
      aircraft_total: m.total,
      aircraft_adiz: m.enteredAdiz,
      median_line: m.crossedMedian,
      plan_ships: m.naval,
      official_ships: m.official,
    }
  );
}

function g0vFigures(d: string): Figures | undefined {
  const g = g0v.get(d);
  return g && d < TOTAL_DEFINITION_FROM ? { aircraft_adiz: g.aircraft } : undefined;
}

/** The compiler's placed row, read with the definition in force on that date. */
function jnbFigures(d: string): Figures | undefined {
  const j = placed.get(d);
  if (!j) return undefined;
  if (d < TOTAL_DEFINITION_FROM) {
    // 2022-08-03..05: the figure's definition is unknown (see the NA reason), so it is not used.
    return CRISIS_AMBIGUOUS.has(d) || j.values.aircraft === undefined ? {} : { aircraft_adiz: j.values.aircraft };
  }
  const f: Figures = {};
  if (j.values.aircraft !== undefined) f.aircraft_total = j.values.aircraft;
  if (j.values.ships !== undefined) f.plan_ships = j.values.ships;
  return f;
}

// lioneer: aligned to publication dates by its aircraft total against madeye / the placed compiler rows.
const lioneerByDate = new Map<string, Figures>();
const lioneerStats = { aligned: 0, shifted: 0, unaligned: [] as string[], medianUsed: [] as string[], balloons: 0 };
{
  const knownTotal = (d: string) => madeyeFigures(d)?.aircraft_total ?? jnbFigures(d)?.aircraft_total;
  for (const l of lioneer) {
    if (l.total === undefined) continue;
    const preferShifted = l.rowDate >= LIONEER_SHIFTED.from && l.rowDate <= LIONEER_SHIFTED.to;
    const pub = alignByTotal(l.rowDate, l.total, knownTotal, preferShifted);
    if (!pub) {
      lioneerStats.unaligned.push(l.rowDate);
      continue;
    }
    lioneerStats.aligned++;
    if (pub !== l.rowDate) lioneerStats.shifted++;
    const f: Figures = {};
    if (l.median !== undefined) f.median_line = l.median; // used only where madeye is absent (precedence)
    if (l.balloons !== undefined) f.balloons = l.balloons;
    lioneerByDate.set(pub, f);
  }
}

// Dating check: each MND report text (mnd-crawler, dated by its own period) against what the other compilers give for
// the same publication date, grouped by who gave that figure (and, for pla-data-dashboard, the stretch of its dating table).
const OLD_PRECEDENCE = ['madeye', 'g0v', 'lioneer', 'pla-data-dashboard'] as const;
type CheckOutcome = 'agree' | 'filled' | 'redated' | 'differ';
interface CheckGroup {
  agree: number;
  filled: number;
  redated: number;
  differ: number;
  examples: Record<CheckOutcome, string[]>;
}
const datingCheck = new Map<string, CheckGroup>();
const repeatedParaphrases = crawler.repeated;

function beforeFigures(d: string): { figures: Figures; by: Partial<Record<Field, string>> } {
  const byCompiler: Record<string, Figures | undefined> = {
    madeye: madeyeFigures(d),
    g0v: g0vFigures(d),
    lioneer: lioneerByDate.get(d),
    'pla-data-dashboard': jnbFigures(d),
  };
  const figures: Figures = {};
  const by: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) {
    const pick = pickByPrecedence(OLD_PRECEDENCE.map((c) => ({ compiler: c, value: byCompiler[c]?.[field] })));
    if (typeof pick.value === 'number') {
      figures[field] = pick.value;
      by[field] = pick.compiler;
    }
  }
  return { figures, by };
}

function checkDating(
  d: string,
  crawlerFigures: Figures,
  stated: boolean,
  _byCompiler: Record<string, Figures | undefined>,
): void {
  const keys: Field[] = d < TOTAL_DEFINITION_FROM ? ['aircraft_adiz'] : ['aircraft_total', 'plan_ships'];
  const mine = keys.filter((k) => crawlerFigures[k] !== undefined);
  if (mine.length === 0) return;
  const before = beforeFigures(d);
  const giver = before.by[keys[0]] ?? before.by[keys[1]];
  const seg = giver === 'pla-data-dashboard' ? placed.get(d)!.segment : undefined;
  const group = `${d < TOTAL_DEFINITION_FROM ? 'ADIZ ' : ''}${giver === undefined ? '(no figure)' : giver}${seg ? ` ${seg.convention} ${seg.confidence} ${seg.from}..${seg.to}` : ''}${stated ? '' : ' [paraphrase]'}`;
  const g = datingCheck.get(group) ?? {
    agree: 0,
    filled: 0,
    redated: 0,
    differ: 0,
    examples: { agree: [], filled: [], redated: [], differ: [] },
  };
  datingCheck.set(group, g);
  const common = mine.filter((k) => before.figures[k] !== undefined);
  const equalAt = (date: string) => {
    const b = beforeFigures(date).figures;
    return common.length > 0 && common.every((k) => b[k] === crawlerFigures[k]);
  };
  let outcome: CheckOutcome;
  if (common.length === 0) outcome = 'filled';
  else if (equalAt(d)) outcome = 'agree';
  else if (equalAt(addDays(d, -1)) || equalAt(addDays(d, 1))) outcome = 'redated';
  else outcome = 'differ';
  g[outcome]++;
  const fmt = (f: Figures) => mine.map((k) => f[k] ?? '-').join('/');
  g.examples[outcome].push(
    `${d} text ${fmt(crawlerFigures)} had ${fmt(before.figures)} (D-1 ${fmt(beforeFigures(addDays(d, -1)).figures)}, D+1 ${fmt(beforeFigures(addDays(d, 1)).figures)})`,
  );
}

const rows: MndRow[] = [];
const agreement = {
  g0vVsJnb: { same: 0, differ: 0, g0vOnly: 0, jnbOnly: 0 },
  madeyeVsJnb: { same: 0, differ: [] as string[] },
};

for (const d of dateRange(FIRST_DATE, lastDate)) {
  const format = formatFor(d)!;
  const j = placed.get(d);
  const m = madeye.get(d);
  const g = d < TOTAL_DEFINITION_FROM ? g0v.get(d) : undefined;
  const c = crawler.days.get(d);
  const byCompiler: Record<string, Figures | undefined> = {
    // MND's own text first. Old format: only where no other compiler has the day (the crawler misses some day or
    // night announcements: 2021-09-23 holds 5 of g0v's 24, 2022-03-01 only the night announcement).
    'mnd-crawler':
      c && (d >= TOTAL_DEFINITION_FROM || (!g0vFigures(d) && jnbFigures(d)?.aircraft_adiz === undefined))
        ? c.figures
        : undefined,
    madeye: madeyeFigures(d),
    g0v: g0vFigures(d),
    lioneer: lioneerByDate.get(d),
    'pla-data-dashboard': jnbFigures(d),
  };
  if (c) checkDating(d, c.figures, c.report.facts.periodStated, byCompiler);
  const row: MndRow = {
    date: d,
    published: '',
    periodStart: '',
    periodEnd: '',
    values: {},
    reasons: [],
    dateBasis: '',
    sourceRef: '',
    compilers: [],
  };

  // Figures: per field, the first compiler in precedence order that gives a number.
  const expected = expectedFields(d);
  for (const field of FIELDS) {
    const pick = pickByPrecedence(MND_PRECEDENCE.map((c) => ({ compiler: c, value: byCompiler[c]?.[field] })));
    if (typeof pick.value === 'number') {
      row.values[field] = pick.value;
      row.compilers.push(pick.compiler!);
    } else if (expected.includes(field)) {
      row.values[field] = 'NA';
    }
  }

  // Timing, date basis and reference: from the compiler that dated the report best (madeye, g0v, then MND's own text).
  if (m) {
    row.published = d;
    row.periodStart = m.periodStart;
    row.periodEnd = m.periodEnd;
    row.dateBasis = 'publication';
    row.sourceRef = m.sourceUrl;
  } else {
    const t = reportTiming(d, format, g?.announcedOn);
    row.published = t.published;
    row.periodStart = t.periodStart;
    row.periodEnd = t.periodEnd;
    if (
      c &&
      c.report.facts.format === 'daily-0600' &&
      c.report.facts.periodStated &&
      row.compilers.includes('mnd-crawler')
    ) {
      const f = c.report.facts;
      const defaultPeriod =
        Date.parse(f.periodEnd) - Date.parse(f.periodStart) === 86_400_000 && f.periodEnd.endsWith('T22:00:00.000Z');
      if (!defaultPeriod) {
        row.periodStart = f.periodStart;
        row.periodEnd = f.periodEnd;
      }
    }
    if (g) {
      row.dateBasis = 'publication';
      row.sourceRef = g.url;
    } else if (row.compilers.includes('mnd-crawler')) {
      row.dateBasis = 'publication';
    } else if (row.compilers.includes('pla-data-dashboard')) {
      row.dateBasis = j!.dateBasis;
    }
  }

  // Why any expected figure is missing.
  const na = expected.filter((f) => row.values[f] === 'NA');
  if (na.length > 0) {
    if (d < TOTAL_DEFINITION_FROM) {
      if (CRISIS_AMBIGUOUS.has(d) && j?.values.aircraft !== undefined) {
        const v = j.values.aircraft;
        const mapped = twMapped.get(d);
        row.reasons.push(
          mapped !== undefined && v > mapped
            ? `pla-data-dashboard gives ${v}, more than the ${mapped} aircraft MND mapped that day (twreporter), so not an ADIZ-entry count; MND changed its reporting during the August 2022 crisis and the figure's definition is unknown`
            : `pla-data-dashboard gives ${v}, equal to the aircraft MND mapped that day (median-line crossings and ADIZ entries, twreporter), not an ADIZ-only count; MND changed its reporting during the August 2022 crisis and the figure's definition is unknown`,
        );
      } else if (j && !CRISIS_AMBIGUOUS.has(d)) {
        row.reasons.push('pla-data-dashboard has a row for this date but no aircraft figure');
      } else if (d >= '2022-08-01') {
        row.reasons.push(
          'no row in pla-data-dashboard for the first day of the August 2022 crisis (MND changed its reporting that week)',
        );
      } else if (d <= '2021-10-04') {
        row.reasons.push(
          'no MND announcement: the old format was published only on days with ADIZ entries (g0v holds every announcement), so probably none, but no figure was published',
        );
      } else {
        row.reasons.push(
          'no row in pla-data-dashboard; the old format was published only on days with ADIZ entries, so probably none, but not reported (no announcement archive to confirm)',
        );
      }
    } else {
      const core: Field[] = na.filter((f) => f === 'aircraft_total' || f === 'plan_ships');
      if (core.length === 2)
        row.reasons.push(
          j
            ? 'pla-data-dashboard has no figures for this report (its row for the date holds only Japan strait flags)'
            : noRowReason(d),
        );
      else if (core.length === 1)
        row.reasons.push(
          `pla-data-dashboard gives no ${core[0] === 'aircraft_total' ? 'aircraft' : 'ship'} figure for this report`,
        );
      const detail = na.filter((f) => !core.includes(f));
      if (detail.length > 0 && d < MADEYE_FROM) {
        // Only official_ships is expected here (from 2024-07-16, when MND's reports began naming them).
        row.reasons.push(
          c && !c.report.facts.periodStated
            ? 'official ships not stated: only a news paraphrase of this report is known (mnd-crawler, filled from news by its author), and it names none'
            : crawler.repeated.includes(d)
              ? 'official ships not known: the only text for this date (mnd-crawler) is a news paraphrase its author entered under several dates'
              : 'official ships not known: no MND report text for this date (mnd-crawler) and no other compiler gives them',
        );
      } else if (detail.length > 0) {
        const known = FIELDS.filter((f) => typeof row.values[f] === 'number');
        row.reasons.push(
          known.length > 0
            ? `madeye has no file for this report; only ${known.join(', ')} known (from ${compilerList(row.compilers)})`
            : 'madeye has no file for this report',
        );
      }
    }
  }

  // Cross-check counters (for the summary).
  if (g) {
    if (j?.values.aircraft === undefined) agreement.g0vVsJnb.g0vOnly++;
    else if (j.values.aircraft === g.aircraft) agreement.g0vVsJnb.same++;
    else agreement.g0vVsJnb.differ++;
  } else if (d <= '2021-10-04' && row.compilers.includes('pla-data-dashboard')) {
    agreement.g0vVsJnb.jnbOnly++;
  }
  if (m && j?.values.aircraft !== undefined) {
    if (j.values.aircraft === m.total && (j.values.ships === undefined || j.values.ships === m.naval))
      agreement.madeyeVsJnb.same++;
    else
      agreement.madeyeVsJnb.differ.push(
        `${d} madeye ${m.total}/${m.naval} pla-data-dashboard(row ${j.rowDate}) ${j.values.aircraft}/${j.values.ships ?? ''}`,
      );
  }
  if (row.compilers.includes('lioneer')) {
    if (typeof row.values.balloons === 'number') lioneerStats.balloons++;
    if (!m && byCompiler.lioneer?.median_line !== undefined) lioneerStats.medianUsed.push(d);
  }
  rows.push(row);
}

// ---------------------------------------------------------------------------------------------
// Write outputs.

mkdirSync(path.join(outDir, 'geo'), { recursive: true });
const written: Record<string, number> = {};
function write(rel: string, content: string, count: number): void {
  writeFileSync(path.join(outDir, rel), content);
  written[rel] = count;
}
// Byte copy through write (not copyFile), so the read-only mode of the shared snapshot is not carried over.
function copy(from: string, rel: string): void {
  const target = path.join(outDir, rel);
  rmSync(target, { force: true });
  writeFileSync(target, readFileSync(from));
  written[rel] = rel.endsWith('.csv') ? parse(readFileSync(from), { bom: true, columns: true }).length : 1;
}

const cell = (v: Count): Cell => (v === undefined ? '' : v);
const MND_HEADER = [
  'published',
  'period_start',
  'period_end',
  'aircraft_total',
  'aircraft_adiz',
  'median_line',
  'plan_ships',
  'official_ships',
  'balloons',
  'joint_patrol',
  'missing_reason',
  'date_basis',
  'source_ref',
  'compiler',
];
for (const r of rows) {
  const hasNa = FIELDS.some((f) => r.values[f] === 'NA');
  if (hasNa && r.reasons.length === 0) throw new Error(`${r.date}: NA without a reason`);
  if (!hasNa) r.reasons = [];
}
write(
  'mnd-daily.csv',
  toCsv(
    MND_HEADER,
    rows.map((r) => [
      r.published,
      r.periodStart,
      r.periodEnd,
      ...FIELDS.map((f) => cell(r.values[f])),
      r.reasons.join('; '),
      r.dateBasis,
      r.sourceRef,
      compilerList(r.compilers),
    ]),
  ),
  rows.length,
);

// jso-flags.csv: Japan Joint Staff flags, on the release date the compiler gives.
const JSO_COLUMNS: [string, string][] = [
  ['空中', 'air'],
  ['聯合演訓', 'joint_exercise'],
  ['艦通過', 'ship_transit'],
  ['航母活動', 'carrier'],
  ['與那國', 'yonaguni'],
  ['宮古', 'miyako'],
  ['大禹', 'osumi'],
  ['對馬', 'tsushima'],
  ['進', 'inbound'],
  ['出', 'outbound'],
];
const COUNTRY: Record<string, string> = { '': '', 中國: 'china', 俄羅斯: 'russia', '中國、俄羅斯': 'both' };
const flag = (raw: string, what: string): string => {
  const s = (raw ?? '').trim();
  if (s === '') return '';
  if (Number(s) === 1) return '1';
  if (Number(s) === 0) return '0';
  throw new Error(`${what}: not a 0/1 flag: ${raw}`);
};
// 2024-01-01 → 2025-12-31: hand entries dated by the day of the activity a release reported (SOURCES.md, "Japan Joint
// Staff flags in 2024–2025"), every row with a flag, `date_basis` activity (known by the end of the next day).
// Otherwise only rows with the full flag set (air filled) come from a JSO release; rows with only a few strait
// flags are hand entries whose dates do not follow JSO releases (see docs/data.md) and are left out.
const JSO_ACTIVITY_DATED = { from: '2024-01-01', to: '2025-12-31' };
const jsoRows: Cell[][] = [];
const jsoPartialDates: string[] = [];
const jsoActivity = { rows: 0, byYear: new Map<string, { transit: number; carrier: number }>() };
for (const [d, r] of [...jnbByDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
  if (JSO_COLUMNS.every(([zh]) => (r[zh] ?? '').trim() === '')) continue;
  const country = COUNTRY[(r['國家'] ?? '').trim()];
  if (country === undefined) throw new Error(`JapanandBattleship ${d}: unknown country ${r['國家']}`);
  const flags = JSO_COLUMNS.map(([zh, en]) => flag(r[zh], `${d} ${en}`));
  if (d >= JSO_ACTIVITY_DATED.from && d <= JSO_ACTIVITY_DATED.to) {
    jsoRows.push([d, ...flags, country, 'activity']);
    jsoActivity.rows++;
    const y = jsoActivity.byYear.get(d.slice(0, 4)) ?? { transit: 0, carrier: 0 };
    if (flags[2] === '1') y.transit++;
    if (flags[3] === '1') y.carrier++;
    jsoActivity.byYear.set(d.slice(0, 4), y);
    continue;
  }
  if ((r['空中'] ?? '').trim() === '') {
    jsoPartialDates.push(d);
    continue;
  }
  jsoRows.push([d, ...flags, country, 'release']);
}
write(
  'jso-flags.csv',
  toCsv(['date', ...JSO_COLUMNS.map(([, en]) => en), 'country', 'date_basis'], jsoRows),
  jsoRows.length,
);

// triggers.csv: compiled for this project, facts free to ship; copied unchanged.
copy(src('triggers', 'triggers.csv'), 'triggers.csv');

// transits.csv
const transitRaw = readCsv(src('pla-data-dashboard', 'naval_transits.csv')) as unknown as RawTransit[];
const transits: Transit[] = [];
const transitExcluded: string[] = [];
const countryMismatch: string[] = [];
const unknownShipWords = new Set<string>();
for (const raw of transitRaw) {
  const res = normaliseTransit(raw, (w) => unknownShipWords.add(w));
  if (res.kind === 'excluded') {
    transitExcluded.push(`${res.date}: ${res.reason}`);
    continue;
  }
  transits.push(res.transit);
  const compilerSays = res.compilerCountry
    .replace(/^Multi \((.*)\)$/, '$1')
    .replace('JP', 'Japan')
    .split('+')
    .sort()
    .join('+');
  if (compilerSays !== [...res.countries].sort().join('+'))
    countryMismatch.push(
      `${res.transit.date}: compiler ${res.compilerCountry}, ships named ${res.countries.join('+') || '?'}`,
    );
}
transits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
write(
  'transits.csv',
  toCsv(
    ['date', 'country', 'hull_number', 'ship_type', 'date_precision'],
    transits.map((t) => [t.date, t.country, t.hull_number, t.ship_type, t.date_precision]),
  ),
  transits.length,
);

// jso-releases.jsonl: Japan Joint Staff releases of 2022-08 → 2023-08 (The Reporter, MIT), as transit and carrier events.
const twreporterJapan = src('twreporter-pla-path', 'Japan', 'jp_data_cleaned.csv');
const jsoReleases = jsoReleaseFacts(readFileSync(twreporterJapan, 'utf8'), path.relative(repoRoot, twreporterJapan));
write('jso-releases.jsonl', toJsonLines(jsoReleases), jsoReleases.length);
write('LICENSE-twreporter', MIT_TWREPORTER, 1);

// mfa-rhetoric.jsonl: PRC MFA spokesperson pages 2020-09-02 → 2024-04-03 as per-page counts of Taiwan-related answers
// and of those with threat wording (numbers only; the page text is not shipped). Exactly what `vigil ingest
// mfa-spokesperson` gives for the parsed pages, so ingesting them again writes nothing new.
const mfaFile = src('mfa-spokesperson-zh', 'mfa_zh_parsed_2020-09_2024-04.jsonl.gz');
const mfaObservations = parseMfaSpokesperson(gunzipSync(readFileSync(mfaFile)).toString('utf8'), {
  file: mfaFile,
}).sort((a, b) =>
  a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.series < b.series ? -1 : 1,
);
if (mfaObservations.some((o) => o.text !== undefined)) throw new Error('mfa-rhetoric: an observation carries text');
write('mfa-rhetoric.jsonl', toJsonLines(mfaObservations), mfaObservations.length);
const mfaDays = new Map<string, { taiwan: number; threat: number }>();
for (const o of mfaObservations) {
  const day = o.periodStart.slice(0, 10);
  const c = mfaDays.get(day) ?? { taiwan: 0, threat: 0 };
  if (o.series === 'prc.mfa.taiwan_answers') c.taiwan += o.value ?? 0;
  else c.threat += o.value ?? 0;
  mfaDays.set(day, c);
}

// cn-holidays.csv
const holidays = [
  ...new Set(readCsv(src('pla-data-dashboard', 'cn_holidays.csv')).map((r) => normaliseDate(r.date))),
].sort();
write(
  'cn-holidays.csv',
  toCsv(
    ['date'],
    holidays.map((d) => [d]),
  ),
  holidays.length,
);

// geo/: madeye basemap (MIT, shipped with its licence) and the median line (built from MND's published endpoints).
copy(src('madeye-taiwan-strait-monitor', 'taiwan-strait.json'), 'geo/taiwan-strait.json');
copy(src('derived', 'median_line_mnd_2019.geojson'), 'geo/median-line.geojson');
write('geo/LICENSE-madeye', MIT_MADEYE, 1);
write('ATTRIBUTION.md', ATTRIBUTION, 1);

// ---------------------------------------------------------------------------------------------
// Summary.

const basisCounts = new Map<string, number>();
let naRows = 0;
let naCells = 0;
for (const r of rows) {
  basisCounts.set(r.dateBasis || '(none: NA row)', (basisCounts.get(r.dateBasis || '(none: NA row)') ?? 0) + 1);
  const n = FIELDS.filter((f) => r.values[f] === 'NA').length;
  if (n > 0) naRows++;
  naCells += n;
}
console.log(`derived Taiwan Strait data → ${path.relative(repoRoot, outDir) || '.'}`);
for (const [f, n] of Object.entries(written))
  console.log(`  ${f.padEnd(24)} ${n} ${n === 1 && !f.endsWith('.csv') ? 'file' : 'rows'}`);
console.log(
  `  mnd-daily: ${rows[0].date} → ${rows.at(-1)!.date}; date_basis: ${[...basisCounts].map(([k, v]) => `${k} ${v}`).join(', ')}`,
);
console.log(
  `  mnd-daily: ${naRows} rows with NA (${naCells} NA cells); compiler rows before ${FIRST_DATE} dropped: ${droppedEarly}`,
);
console.log(
  `  collisions: ${placement.collisions.map((c) => `${c.publicationDate} ${c.kind} (rows ${[c.kept, ...c.dropped].map((x) => x.rowDate).join(' & ')})`).join('; ') || 'none'}`,
);
console.log(
  `  cross-checks: g0v vs pla-data-dashboard same ${agreement.g0vVsJnb.same}, differ ${agreement.g0vVsJnb.differ}, g0v only ${agreement.g0vVsJnb.g0vOnly}, pla-data-dashboard only ${agreement.g0vVsJnb.jnbOnly}; madeye vs shifted pla-data-dashboard same ${agreement.madeyeVsJnb.same}, differ ${agreement.madeyeVsJnb.differ.length}; madeye summary.csv mismatches ${madeyeSummaryMismatch}`,
);
console.log(
  `  lioneer: aligned ${lioneerStats.aligned} (${lioneerStats.shifted} shifted), unaligned ${lioneerStats.unaligned.length}, balloons ${lioneerStats.balloons}, median used on ${lioneerStats.medianUsed.join(', ') || 'none'}; g0v entries without a report day: ${g0vSkipped}`,
);
console.log(
  `  jso-flags: activity-dated hand entries ${JSO_ACTIVITY_DATED.from}..${JSO_ACTIVITY_DATED.to}: ${jsoActivity.rows} rows (${[...jsoActivity.byYear].map(([y, c]) => `${y}: ${c.transit} transit days, ${c.carrier} carrier days`).join('; ')}); other rows with only some strait flags (not release-dated) left out: ${jsoPartialDates.length} (${jsoPartialDates[0] ?? '-'}..${jsoPartialDates.at(-1) ?? '-'}); transits left out: ${transitExcluded.length}`,
);
{
  const t = { agree: 0, filled: 0, redated: 0, differ: 0 };
  for (const g of datingCheck.values()) for (const k of ['agree', 'filled', 'redated', 'differ'] as const) t[k] += g[k];
  console.log(
    `  mnd-crawler dating check: ${crawler.days.size} publication dates with a report text; agree ${t.agree}, filled (no figure before) ${t.filled}, re-dated (figure was on D±1) ${t.redated}, differ ${t.differ}; paraphrases entered under several dates, left out: ${repeatedParaphrases.length} (${repeatedParaphrases.join(', ')})`,
  );
}
console.log(
  `  mfa-rhetoric: ${mfaObservations.length / 2} pages on ${mfaDays.size} days, ${mfaObservations[0].publishedAt} → ${mfaObservations.at(-1)!.publishedAt}; Taiwan-related answers ${[...mfaDays.values()].reduce((s, c) => s + c.taiwan, 0)}, with threat wording ${[...mfaDays.values()].reduce((s, c) => s + c.threat, 0)} (on ${[...mfaDays.values()].filter((c) => c.threat > 0).length} days)`,
);
if (unknownShipWords.size > 0) console.log(`  WARNING unknown ship-type words: ${[...unknownShipWords].join(', ')}`);

if (report) printReport();

// ---------------------------------------------------------------------------------------------
// Evidence report (--report): month-by-month agreement of the compiler's rows with other series.

function printReport(): void {
  const months = [...new Set(dateRange(FIRST_DATE, lastDate).map((d) => d.slice(0, 7)))];
  const jAircraft = (d: string) => jnbValues.get(d)?.aircraft;
  const pearson = (xs: number[], ys: number[]) => {
    const n = xs.length;
    if (n < 3) return NaN;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxy = 0,
      sxx = 0,
      syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) ** 2;
      syy += (ys[i] - my) ** 2;
    }
    return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
  };
  // ref: publication-dated reference; lag 0 compares row(d), lag 1 compares row(d-1) (activity-dated).
  const compare = (ref: Map<string, number>, month: string, mode: 'exact' | 'bound') => {
    const out: string[] = [];
    for (const lag of [0, 1]) {
      let n = 0,
        ok = 0;
      const xs: number[] = [],
        ys: number[] = [];
      for (const [d, v] of ref) {
        if (!d.startsWith(month)) continue;
        const j = jAircraft(addDays(d, -lag));
        if (j === undefined) continue;
        n++;
        if (mode === 'exact' ? j === v : v <= j) ok++;
        xs.push(v);
        ys.push(j);
      }
      if (n === 0) return '';
      const r = pearson(xs, ys);
      out.push(`lag${lag} ${ok}/${n}${mode === 'bound' ? ` r=${Number.isNaN(r) ? '-' : r.toFixed(2)}` : ''}`);
    }
    return out.join(', ');
  };
  const g0vRef = new Map([...g0v].map(([d, g]) => [d, g.aircraft]));
  const madeyeRef = new Map([...madeye].map(([d, m]) => [d, m.total]));
  console.log(
    '\n| month | convention (row date) | confidence | g0v = row (exact) | twreporter mapped ≤ row | twreporter polygons = row | madeye = row |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const month of months) {
    const segs = JNB_CONVENTIONS.filter((s) => s.from.slice(0, 7) <= month && s.to.slice(0, 7) >= month);
    const conv = segs
      .map((s) => (segs.length > 1 ? `${s.convention} ${s.from.slice(5)}..${s.to.slice(5)}` : s.convention))
      .join(' / ');
    const conf = [...new Set(segs.map((s) => s.confidence))].join(' / ');
    const tw = new Map([...twMapped, ...twTracks2]);
    console.log(
      `| ${month} | ${conv} | ${conf} | ${compare(g0vRef, month, 'exact')} | ${compare(tw, month, 'bound')} | ${compare(twPolygons, month, 'exact')} | ${compare(madeyeRef, month, 'exact')} |`,
    );
  }
  console.log('\nformat eras:', FORMAT_ERAS.map((e) => `${e.from}..${e.to} ${e.format}`).join('; '));
  console.log('unreachable publication dates (lost at a publication→activity switch):', [...lostAtSwitch].join(', '));
  console.log('madeye vs shifted pla-data-dashboard disagreements:');
  for (const s of agreement.madeyeVsJnb.differ) console.log(`  ${s}`);
  console.log(
    'lioneer rows not aligned (total matches neither the same nor the next publication date):',
    lioneerStats.unaligned.join(', '),
  );

  // JSO: compare flag rows with the Japan Joint Staff PDFs (named by release date) where they overlap.
  const texts = JSON.parse(readFileSync(src('pla-data-dashboard', 'japan_mod_texts.json'), 'utf8')) as {
    texts: Record<string, { text: string }>;
  };
  const pdfDays = new Set<string>();
  let firstPdf = '9999-12-31',
    lastPdf = '0000-01-01';
  for (const [name, t] of Object.entries(texts.texts)) {
    const m = /^p(\d{8})_/.exec(name);
    if (!m) continue;
    const d = normaliseDate(m[1]);
    if (d < firstPdf) firstPdf = d;
    if (d > lastPdf) lastPdf = d;
    if (/中国|ロシア/.test(t.text)) pdfDays.add(d);
  }
  const alignment = (dates: string[]) => {
    let same = 0,
      prev = 0,
      next = 0,
      none = 0,
      n = 0;
    for (const d of dates) {
      if (d < firstPdf || d > lastPdf) continue;
      n++;
      if (pdfDays.has(d)) same++;
      else if (pdfDays.has(addDays(d, -1))) prev++;
      else if (pdfDays.has(addDays(d, 1))) next++;
      else none++;
    }
    return `${n} rows; a China/Russia release PDF on the same day ${same}, only the day before ${prev}, only the day after ${next}, none within ±1 day ${none}`;
  };
  console.log(
    `JSO PDFs ${firstPdf}..${lastPdf}: full flag rows (shipped): ${alignment(jsoRows.filter((r) => r.at(-1) === 'release').map((r) => String(r[0])))}`,
  );
  console.log(`JSO PDFs ${firstPdf}..${lastPdf}: strait-only rows (left out): ${alignment(jsoPartialDates)}`);
  console.log('\nmnd-crawler dating check by who gave the figure before (agree / filled / re-dated / differ):');
  for (const [group, g] of [...datingCheck].sort(([a], [b]) => (a < b ? -1 : 1))) {
    console.log(`| ${group} | ${g.agree} | ${g.filled} | ${g.redated} | ${g.differ} |`);
    for (const k of ['redated', 'differ'] as const)
      for (const e of g.examples[k].slice(0, 40)) console.log(`    ${k}: ${e}`);
  }
  console.log('transits excluded:');
  for (const s of transitExcluded) console.log(`  ${s}`);
  console.log("transit countries differing from the compiler's Country column:");
  for (const s of countryMismatch) console.log(`  ${s}`);
}
