// Parses `mnd-crawler`: a CSV of MND daily report texts (columns 日期 = the day the crawler found the report, 公告內容 = the
// report's full text; viviankoko/mnd_crawler's mnd_pla.csv) into the MND series, dated by the period the text states.
import { inputError } from '../../errors/index.js';
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import {
  readCsvTable,
  readDate,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from '../csv-table.js';
import { localDateOf, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { MndTextProblem, readMndReportText, type MndReportFacts } from './read-mnd-report-text.js';

const DATE = '日期';
const TEXT = '公告內容';

/** 06:00 reports are posted in the morning (≈09:00 local) of the day their period ends. */
const MORNING_POST_HOUR = 9;

export interface DatedReport {
  facts: MndReportFacts;
  /** UTC instant the report became public. */
  publishedAt: string;
  /** The crawler's row date. */
  rowDate: string;
  line: number;
}

/** One report per row, with its publication instant; old-format day and night announcements stay separate. */
export function readMndCrawlerRows(text: string, ctx: ParseContext): DatedReport[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, [DATE, TEXT]);
  rejectUnknownColumns(table, [DATE, TEXT]);
  return table.rows.map((row) => {
    const rowDate = required(row, DATE, readDate(row, DATE));
    const facts = readFacts(row, rowDate);
    return { facts, publishedAt: publishedAt(facts, rowDate), rowDate, line: row.line };
  });
}

function readFacts(row: CsvRow, rowDate: string): MndReportFacts {
  const body = required(row, TEXT, readText(row, TEXT));
  try {
    return readMndReportText(body, rowDate);
  } catch (error) {
    if (error instanceof MndTextProblem) throw row.error(TEXT, error.message);
    throw error;
  }
}

/**
 * 06:00 reports: 09:00 local on the day the stated period ends (a crawler row found later is still that report).
 * Same-day formats (old ADIZ announcements, "as of 17:00"): 23:59 local of the row date or the period's last day,
 * whichever is later (the posting hour is not in the text; 23:59 never lets a backtest see a figure early).
 */
function publishedAt(facts: MndReportFacts, rowDate: string): string {
  if (facts.format === 'daily-0600') return localInstant(localDateOf(facts.periodEnd), MORNING_POST_HOUR);
  const lastDay = localDateOf(new Date(Date.parse(facts.periodEnd) - 1).toISOString());
  return localInstant(lastDay > rowDate ? lastDay : rowDate, 23, 59);
}

const SERIES: ReadonlyArray<[keyof MndReportFacts, string, string]> = [
  ['aircraft', 'mnd.aircraft.total', 'aircraft'],
  ['adiz', 'mnd.aircraft.adiz', 'aircraft'],
  ['medianLine', 'mnd.aircraft.median_line', 'aircraft'],
  ['planShips', 'mnd.ships.plan', 'ships'],
  ['officialShips', 'mnd.ships.official', 'ships'],
  ['balloons', 'mnd.balloons', 'balloons'],
  ['jointPatrol', 'mnd.joint_patrol', 'flag'],
  ['jointExercise', 'mnd.joint_exercise', 'flag'],
];

export interface MergedReport {
  facts: MndReportFacts;
  publishedAt: string;
  /** Distinct announcements summed into this one (old-format day and night reports); 1 otherwise. */
  announcements: number;
  /** The crawler row dates this report was found under. */
  rowDates: string[];
}

/**
 * One report per period, sorted by period end: the same text found twice counts once; old-format day and night
 * announcements of one day are summed (MND's ADIZ count for that day); two different 06:00/17:00 reports for one
 * period are an error.
 */
export function mndCrawlerReports(text: string, ctx: ParseContext): MergedReport[] {
  const byPeriod = new Map<string, DatedReport[]>();
  for (const report of readMndCrawlerRows(text, ctx)) {
    const key = `${report.facts.periodStart}|${report.facts.periodEnd}`;
    byPeriod.set(key, [...(byPeriod.get(key) ?? []), report]);
  }
  return [...byPeriod.values()]
    .sort((a, b) => (a[0].facts.periodEnd < b[0].facts.periodEnd ? -1 : 1))
    .map((reports) => ({
      ...mergeReports(reports, ctx),
      rowDates: [...new Set(reports.map((r) => r.rowDate))].sort(),
    }));
}

export function parseMndCrawler(text: string, ctx: ParseContext): ObservationInput[] {
  const out: ObservationInput[] = [];
  for (const merged of mndCrawlerReports(text, ctx)) {
    const attributes: Record<string, AttributeValue> = {
      compiler: 'mnd-crawler',
      periodStated: merged.facts.periodStated,
    };
    if (merged.announcements > 1) attributes.announcements = merged.announcements;
    for (const [field, series, unit] of SERIES) {
      const value = merged.facts[field];
      if (typeof value !== 'number') continue;
      // Old-format announcements do not speak of patrols or exercises: no flag then, rather than a 0 never stated.
      if (merged.facts.format === 'calendar-day' && unit === 'flag') continue;
      out.push({
        series,
        value,
        unit,
        periodStart: merged.facts.periodStart,
        periodEnd: merged.facts.periodEnd,
        publishedAt: merged.publishedAt,
        source: 'mnd',
        reliability: 'A',
        credibility: merged.facts.periodStated ? 1 : 2,
        tlp: 'clear',
        attributes: { ...attributes },
      });
    }
  }
  return out;
}

function mergeReports(
  reports: DatedReport[],
  ctx: ParseContext,
): { facts: MndReportFacts; publishedAt: string; announcements: number } {
  const first = reports[0];
  const latest = reports.reduce((a, b) => (b.publishedAt > a.publishedAt ? b : a)).publishedAt;
  const distinct = reports.filter((r, i) => reports.findIndex((s) => sameCounts(s.facts, r.facts)) === i);
  if (distinct.length === 1) return { facts: first.facts, publishedAt: latest, announcements: 1 };
  if (first.facts.format !== 'calendar-day') {
    throw inputError(
      ctx.file,
      distinct[1].line,
      TEXT,
      `states other counts than line ${first.line} for the same period`,
    );
  }
  const adiz = distinct.reduce((s, r) => s + (r.facts.adiz ?? 0), 0);
  const { dayPart: _part, ...facts } = first.facts;
  return { facts: { ...facts, adiz }, publishedAt: latest, announcements: distinct.length };
}

/** The same report found twice: same counts and (old format) the same part of the day. */
function sameCounts(a: MndReportFacts, b: MndReportFacts): boolean {
  return a.dayPart === b.dayPart && SERIES.every(([field]) => a[field] === b[field]);
}

export const mndCrawlerParser: SourceParser = {
  kind: 'mnd-crawler',
  description:
    'MND daily report texts (CSV 日期,公告內容; every format since 2020): aircraft, ADIZ, median line, ships, official ships, balloons, joint patrols, dated by the stated period',
  parse: parseMndCrawler,
};
