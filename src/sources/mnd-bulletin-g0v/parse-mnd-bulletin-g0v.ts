// Parses the `mnd-bulletin-g0v` JSONL (raw old-format MND announcements, g0v/plaaf-intrusion reports.jsonl) into
// per-day ADIZ counts: the total and one series per aircraft type, day and night announcements of a day summed.
import { inputError } from '../../errors/index.js';
import { parseStrictJson } from '../located-json/located-json.js';
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import { addDays, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import {
  AnnouncementProblem,
  isDailyAnnouncement,
  parseAdizAnnouncement,
  rocDate,
  type AdizAnnouncement,
} from './parse-adiz-announcement.js';

/** `archivedAt` is when the g0v crawler saved the page (no time zone given); it is accepted and not used. */
const FIELDS = ['p', 'url', 'publishedAt', 'archivedAt', 'title', 'links', 'text'];

interface DayTotals {
  day: string;
  /** Latest posting date of an announcement for this day. */
  postedOn: string;
  /** URL and id of the earliest announcement (lowest MND id, else first in the file). */
  url?: string;
  mndId?: number;
  announcements: number;
  dayParts: string[];
  total: number;
  byType: Map<string, number>;
}

export function parseMndBulletinG0v(text: string, ctx: ParseContext): ObservationInput[] {
  const days = new Map<string, DayTotals>();
  const seenIds = new Map<number, number>();
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  lines.forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === '') return;
    const record = readRecord(content, ctx.file, line);
    if (record.p !== undefined) {
      const first = seenIds.get(record.p);
      if (first !== undefined) throw inputError(ctx.file, line, 'p', `duplicates line ${first}`);
      seenIds.set(record.p, line);
    }
    if (!isDailyAnnouncement(record.text)) return; // e.g. a monthly CSV notice: no day, no aircraft
    let announcement: AdizAnnouncement;
    try {
      announcement = parseAdizAnnouncement(record.text);
    } catch (error) {
      if (error instanceof AnnouncementProblem) throw inputError(ctx.file, line, 'text', error.message);
      throw error;
    }
    if (announcement.day > record.postedOn) {
      throw inputError(
        ctx.file,
        line,
        'text',
        `reports on ${announcement.day}, after its publishedAt date ${record.postedOn}`,
      );
    }
    addToDay(days, announcement, record);
  });
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)).flatMap(dayObservations);
}

export const mndBulletinG0vParser: SourceParser = {
  kind: 'mnd-bulletin-g0v',
  description:
    'Old-format (2020–2021) MND ADIZ announcements as JSONL (g0v reports.jsonl): ADIZ entries per day and aircraft type',
  parse: parseMndBulletinG0v,
};

interface AnnouncementRecord {
  p?: number;
  url?: string;
  postedOn: string;
  text: string;
}

function readRecord(content: string, file: string, line: number): AnnouncementRecord {
  const raw: unknown = parseStrictJson(content, file, line);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw inputError(file, line, '(record)', 'must be a JSON object');
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!FIELDS.includes(key)) throw inputError(file, line, key, `unknown field; expected ${FIELDS.join(', ')}`);
  }
  const { p, url, publishedAt, text } = record;
  if (p !== undefined && !(typeof p === 'number' && Number.isSafeInteger(p) && p > 0))
    throw inputError(file, line, 'p', 'must be a positive whole number (the MND id)');
  if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\//.test(url)))
    throw inputError(file, line, 'url', 'must be an http(s) URL');
  if (typeof publishedAt !== 'string')
    throw inputError(file, line, 'publishedAt', 'is required (ROC date YYY/MM/DD, e.g. 109/09/17)');
  const postedOn = rocDate(publishedAt);
  if (postedOn === undefined)
    throw inputError(
      file,
      line,
      'publishedAt',
      `must be a real ROC date YYY/MM/DD (e.g. 109/09/17), got ${JSON.stringify(publishedAt)}`,
    );
  if (typeof text !== 'string' || text.trim() === '') throw inputError(file, line, 'text', 'is required');
  return { p: p as number | undefined, url: url as string | undefined, postedOn, text };
}

function addToDay(days: Map<string, DayTotals>, announcement: AdizAnnouncement, record: AnnouncementRecord): void {
  let totals = days.get(announcement.day);
  if (!totals) {
    totals = {
      day: announcement.day,
      postedOn: record.postedOn,
      announcements: 0,
      dayParts: [],
      total: 0,
      byType: new Map(),
    };
    days.set(announcement.day, totals);
  }
  totals.announcements++;
  if (record.postedOn > totals.postedOn) totals.postedOn = record.postedOn;
  if (announcement.dayPart !== undefined) totals.dayParts.push(announcement.dayPart);
  const earlier =
    totals.url === undefined || (record.p !== undefined && (totals.mndId === undefined || record.p < totals.mndId));
  if (record.url !== undefined && earlier) {
    totals.url = record.url;
    totals.mndId = record.p;
  }
  for (const { slug, count } of announcement.aircraft) {
    totals.total += count;
    totals.byType.set(slug, (totals.byType.get(slug) ?? 0) + count);
  }
}

/**
 * The same-day announcement format covers the calendar day up to the posting (00:00 → 23:59, published 23:59 that
 * day; the posting hour is not in the text, and 23:59 never lets a backtest see a figure early). A night report
 * posted the next day extends the period to 24:00 and the publication to 23:59 of the posting day. This is the
 * convention of data/taiwan-strait/mnd-daily.csv (docs/data.md), so both describe a day with the same period.
 */
function dayObservations(totals: DayTotals): ObservationInput[] {
  const postedLater = totals.postedOn > totals.day;
  const base = {
    unit: 'aircraft',
    periodStart: localInstant(totals.day, 0),
    periodEnd: postedLater ? localInstant(addDays(totals.day, 1), 0) : localInstant(totals.day, 23, 59),
    publishedAt: localInstant(totals.postedOn, 23, 59),
    source: 'mnd',
    reliability: 'A',
    credibility: 1,
    tlp: 'clear',
    ...(totals.url !== undefined ? { sourceRef: totals.url } : {}),
  } as const;
  const attributes: Record<string, AttributeValue> = { compiler: 'g0v', announcements: totals.announcements };
  if (totals.dayParts.length > 0) attributes.dayParts = totals.dayParts.join('+');
  if (totals.mndId !== undefined) attributes.mndId = totals.mndId;
  const out: ObservationInput[] = [
    { series: 'mnd.aircraft.adiz', value: totals.total, ...base, attributes: { ...attributes } },
  ];
  for (const [slug, count] of [...totals.byType].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push({ series: `mnd.aircraft.type.${slug}`, value: count, ...base, attributes: { ...attributes } });
  }
  return out;
}
