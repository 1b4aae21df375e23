// Reads the `time_periods` cell of the MSA navigation-warning scrape ("03/16-03/17 每日 1000-1800；03/18 0800 至 03/25 2400")
// into validity windows as UTC instants.
import { addDays, isLocalDate, localInstant } from '../local-time.js';

export interface Window {
  /** ISO instants (UTC), start inclusive, end exclusive. */
  start: string;
  end: string;
}

export interface TimePeriods {
  windows: Window[];
  /** The scraper cut the list short ("…等 9 段"): more windows exist than are listed. */
  truncated: boolean;
}

export class TimePeriodProblem extends Error {}

const MD = '(\\d{1,2})/(\\d{1,2})';
const HM = '(\\d{4})';
const PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray, ctx: Ctx) => Window[]]> = [
  // 03/18 0800 至 03/25 2400
  [
    new RegExp(`^${MD}\\s*${HM}\\s*至\\s*${MD}\\s*${HM}$`),
    (m, c) => [window(c, c.at(m[1], m[2], m[3]), c.at(m[4], m[5], m[6]))],
  ],
  // 03/16-03/17 每日 1000-1800 (daily; an end at or before the start runs past midnight)
  [
    new RegExp(`^${MD}\\s*-\\s*${MD}\\s*每日\\s*${HM}\\s*-\\s*${HM}$`),
    (m, c) => daily(c, c.date(m[1], m[2]), c.date(m[3], m[4]), m[5], m[6]),
  ],
  // 07/14 每日 1200-1330
  [
    new RegExp(`^${MD}\\s*每日\\s*${HM}\\s*-\\s*${HM}$`),
    (m, c) => daily(c, c.date(m[1], m[2]), c.date(m[1], m[2]), m[3], m[4]),
  ],
  // 07/14 1200-1330
  [
    new RegExp(`^${MD}\\s*${HM}\\s*-\\s*${HM}$`),
    (m, c) => daily(c, c.date(m[1], m[2]), c.date(m[1], m[2]), m[3], m[4]),
  ],
  // 03/28 至 03/29 (whole days)
  [new RegExp(`^${MD}\\s*至\\s*${MD}$`), (m, c) => [window(c, c.at(m[1], m[2], '0000'), c.at(m[3], m[4], '2400'))]],
  // 08/05 (a whole day)
  [new RegExp(`^${MD}$`), (m, c) => [window(c, c.at(m[1], m[2], '0000'), c.at(m[1], m[2], '2400'))]],
];

interface Ctx {
  date(month: string, day: string): string;
  at(month: string, day: string, hhmm: string): string;
}

/**
 * Parses the cell. Dates carry no year: the year is the one that puts the date nearest the publication date (a
 * December notice may name January). `offsetMinutes` is the clock the times are written in: +480 for Chinese notices,
 * 0 for English notices that say UTC.
 */
export function parseTimePeriods(cell: string, publishDate: string, offsetMinutes: number): TimePeriods {
  let text = cell.trim();
  const truncated = /…\s*等\s*\d+\s*段$/.test(text);
  text = text.replace(/…\s*等\s*\d+\s*段$/, '');
  const ctx = context(publishDate, offsetMinutes);
  const windows: Window[] = [];
  for (const part of text.split('；').map((p) => p.trim())) {
    const pattern = PATTERNS.find(([re]) => re.test(part));
    if (!pattern) throw new TimePeriodProblem(`cannot read the period ${JSON.stringify(part)}`);
    windows.push(...pattern[1](pattern[0].exec(part)!, ctx));
  }
  return { windows, truncated };
}

function context(publishDate: string, offsetMinutes: number): Ctx {
  const publishYear = Number(publishDate.slice(0, 4));
  const publishMonth = Number(publishDate.slice(5, 7));
  const date = (month: string, day: string): string => {
    const m = Number(month);
    const year = m - publishMonth > 6 ? publishYear - 1 : publishMonth - m > 6 ? publishYear + 1 : publishYear;
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (!isLocalDate(iso)) throw new TimePeriodProblem(`names an impossible date ${month}/${day}`);
    return iso;
  };
  const at = (month: string, day: string, hhmm: string): string => clock(date(month, day), hhmm, offsetMinutes);
  return { date, at };
}

function clock(date: string, hhmm: string, offsetMinutes: number): string {
  const hours = Number(hhmm.slice(0, 2));
  const minutes = Number(hhmm.slice(2));
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes > 0))
    throw new TimePeriodProblem(`names an impossible time ${hhmm}`);
  return localInstant(date, hours, minutes, offsetMinutes);
}

function window(_ctx: Ctx, start: string, end: string): Window {
  if (end <= start) throw new TimePeriodProblem(`has a period that ends (${end}) before it starts (${start})`);
  return { start, end };
}

function daily(ctx: Ctx, from: string, to: string, startHm: string, endHm: string): Window[] {
  if (to < from) throw new TimePeriodProblem(`has a day range that ends (${to}) before it starts (${from})`);
  const windows: Window[] = [];
  for (let day = from, guard = 0; day <= to && guard < 366; day = addDays(day, 1), guard++) {
    const [month, dayOfMonth] = [day.slice(5, 7), day.slice(8, 10)];
    const start = ctx.at(month, dayOfMonth, startHm);
    let end = ctx.at(month, dayOfMonth, endHm);
    if (end <= start) end = ctx.at(addDays(day, 1).slice(5, 7), addDays(day, 1).slice(8, 10), endHm);
    windows.push({ start, end });
  }
  return windows;
}
