// The MND report texts of viviankoko/mnd_crawler (mnd-crawler kind) as figures per MND publication date, for the derive
// script: which report each publication date has, with its stated period, and which rows cannot be trusted.
import { localDateOf } from '../../src/sources/local-time.js';
import type { MergedReport } from '../../src/sources/mnd-crawler/parse-mnd-crawler.js';

/** MND reports name official (coast-guard) ships from the report published on this date. */
export const OFFICIAL_SHIPS_FROM = '2024-07-16';

export interface CrawlerFigures {
  aircraft_total?: number;
  aircraft_adiz?: number;
  plan_ships?: number;
  official_ships?: number;
  balloons?: number;
  joint_patrol?: number;
}

export interface CrawlerDay {
  publicationDate: string;
  report: MergedReport;
  figures: CrawlerFigures;
}

export interface CrawlerDays {
  days: Map<string, CrawlerDay>;
  /** Paraphrases without a period whose text the compiler entered under several dates: a copy, not that day's report. */
  repeated: string[];
}

/**
 * `rowTexts` maps each crawler row date to its texts (whitespace removed), to find paraphrases entered twice.
 * The publication date of a 06:00 or 17:00 report is the day its period ends; of an old-format announcement, its day.
 */
export function crawlerDays(
  reports: readonly MergedReport[],
  rowTexts: ReadonlyMap<string, readonly string[]>,
): CrawlerDays {
  const datesByText = new Map<string, Set<string>>();
  for (const [date, texts] of rowTexts)
    for (const t of texts) datesByText.set(t, (datesByText.get(t) ?? new Set()).add(date));
  const copied = new Set<string>();
  for (const dates of datesByText.values()) if (dates.size > 1) for (const d of dates) copied.add(d);

  const days = new Map<string, CrawlerDay>();
  const repeated: string[] = [];
  for (const report of reports) {
    const f = report.facts;
    const publicationDate = f.format === 'calendar-day' ? localDateOf(f.periodStart) : localDateOf(f.periodEnd);
    if (!f.periodStated && report.rowDates.every((d) => copied.has(d))) {
      repeated.push(publicationDate);
      continue;
    }
    const figures: CrawlerFigures = {};
    if (f.format === 'calendar-day') {
      if (f.adiz !== undefined) figures.aircraft_adiz = f.adiz;
    } else {
      if (f.aircraft !== undefined) figures.aircraft_total = f.aircraft;
      if (f.planShips !== undefined) figures.plan_ships = f.planShips;
      if (f.officialShips !== undefined) figures.official_ships = f.officialShips;
      // MND's own report names official ships whenever it saw any; a stated report that names none saw none.
      else if (f.periodStated && publicationDate >= OFFICIAL_SHIPS_FROM) figures.official_ships = 0;
      if (f.balloons !== undefined) figures.balloons = f.balloons;
      figures.joint_patrol = f.jointPatrol;
    }
    days.set(publicationDate, { publicationDate, report, figures });
  }
  return { days, repeated };
}
