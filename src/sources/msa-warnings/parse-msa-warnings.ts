// Parses China MSA navigation warnings (the pla-data-dashboard military_exercises.csv scrape) into closure events with
// their areas, and a per-day count of closures near Taiwan (`msa.closure.near-taiwan`).
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import {
  quote,
  readCsvTable,
  readDate,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from '../csv-table.js';
import { eventSubject } from '../event-subject.js';
import { addDays, localDateOf, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import {
  areaKey,
  closureGeometry,
  CoordinateProblem,
  coordinatesFromText,
  parseCoordinateCell,
} from './closure-area.js';
import { MEDIAN_LINE, nearestPortKm, shapeDistanceKm, TAIWAN } from './geo-distance.js';
import { parseTimePeriods, TimePeriodProblem, type Window } from './time-periods.js';
import { cancelledId, warningId, warningKind } from './warning-kind.js';

export interface MsaWarningsOptions {
  /** A closure whose area lies within this distance of Taiwan's main island counts as near Taiwan; default 200 km. */
  nearKm?: number;
  /**
   * A closure within this distance of Taiwan's coast or of a main port is close to Taiwan: default 44.4 km (24 nautical
   * miles, the edge of the contiguous zone), the waters a quarantine or blockade would close.
   */
  closeKm?: number;
}

const COLUMNS = [
  'publish_date',
  'title',
  'channel',
  'time_periods',
  'coordinate_count',
  'coordinates',
  'coordinates_raw',
  'content_preview',
  'url',
  'scraped_at',
  'start_date',
  'end_date',
];
const REQUIRED = ['publish_date', 'title', 'channel', 'time_periods', 'coordinates'];
const GRADING = { source: 'msa', reliability: 'A', credibility: 2, tlp: 'clear' } as const;

export function createMsaWarningsParser(options: MsaWarningsOptions = {}): SourceParser {
  const nearKm = options.nearKm ?? 200;
  const closeKm = options.closeKm ?? 44.4;
  if (!(nearKm > 0 && Number.isFinite(nearKm))) throw new RangeError(`nearKm must be a positive number, got ${nearKm}`);
  if (!(closeKm > 0 && Number.isFinite(closeKm)))
    throw new RangeError(`closeKm must be a positive number, got ${closeKm}`);
  return {
    kind: 'msa-warnings',
    description: `China MSA navigation warnings (CSV scrape): closure and live-fire areas, and closures within ${nearKm} km of Taiwan per day`,
    parse: (text, ctx) => parseMsaWarnings(text, ctx, nearKm, closeKm),
  };
}

export const msaWarningsParser = createMsaWarningsParser();

interface Closure {
  row: CsvRow;
  observation: ObservationInput;
  /** Local days on which the closure is in force (for the near-Taiwan count), empty unless near Taiwan. */
  nearDays: string[];
  areaKey: string;
  /** Within `closeKm` of Taiwan's coast or a main port. */
  close: boolean;
}

function parseMsaWarnings(text: string, ctx: ParseContext, nearKm: number, closeKm: number): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, REQUIRED);
  rejectUnknownColumns(table, COLUMNS);
  const out: ObservationInput[] = [];
  const seen = new Map<string, { line: number; json: string }>();
  const near: Closure[] = [];
  let firstDay: string | undefined;
  let lastDay: string | undefined;
  for (const row of table.rows) {
    const publishDate = required(row, 'publish_date', readDate(row, 'publish_date'));
    if (firstDay === undefined || publishDate < firstDay) firstDay = publishDate;
    if (lastDay === undefined || publishDate > lastDay) lastDay = publishDate;
    const closure = readWarning(row, publishDate, nearKm, closeKm);
    // The scraper sometimes stores one notice twice (same content, a later scraped_at): identical claims are kept
    // once; the same warning number with different content is an error.
    const key = closure.observation.subject!;
    const json = JSON.stringify(closure.observation);
    const previous = seen.get(`${closure.observation.series}|${key}`);
    if (previous !== undefined) {
      if (previous.json !== json)
        throw row.error('title', `warning ${key} duplicates line ${previous.line} with different content`);
      continue;
    }
    seen.set(`${closure.observation.series}|${key}`, { line: row.line, json });
    out.push(closure.observation);
    if (closure.nearDays.length > 0) near.push(closure);
  }
  out.push(...nearTaiwanDays(near, firstDay, lastDay, nearKm), ...nearTaiwanNotices(near, nearKm, closeKm));
  return out;
}

function readWarning(row: CsvRow, publishDate: string, nearKm: number, closeKm: number): Closure {
  const title = required(row, 'title', readText(row, 'title'));
  const bureau = required(row, 'channel', readText(row, 'channel'));
  const content = readText(row, 'content_preview') ?? '';
  const url = canonicalUrl(row);
  const kind = warningKind(title);
  const id = warningId(title) ?? eventSubject(publishDate, title);
  const publishedAt = readPublishedAt(content, publishDate);
  const language = /[\u4e00-\u9fff]/.test(title) ? 'zh' : 'en';
  const base = { ...GRADING, ...(url !== undefined ? { sourceRef: url } : {}) };

  if (kind === 'cancellation') {
    const cancels = cancelledId(content) ?? cancelledId(title);
    const attributes: Record<string, AttributeValue> = { bureau, kind, warningId: id, language };
    if (cancels !== undefined) attributes.cancels = cancels;
    const observation: ObservationInput = {
      series: 'msa.cancellation',
      subject: id,
      value: 1,
      unit: 'events',
      text: title,
      periodStart: publishedAt,
      periodEnd: publishedAt,
      publishedAt,
      ...base,
      attributes,
    };
    return { row, observation, nearDays: [], areaKey: '', close: false };
  }

  const { vertices, from } = readVertices(row, content);
  const area = closureGeometry(vertices);
  const validity = readValidity(row, publishDate, content);
  const attributes: Record<string, AttributeValue> = {
    bureau,
    kind,
    warningId: id,
    language,
    validity: validity.stated,
    timeZone: validity.timeZone,
    windows: validity.windows.length,
  };
  // What the map's notice table shows beside the area: the period as the notice states it, and its text.
  const stated = readText(row, 'time_periods');
  if (stated !== undefined) attributes.period = stated;
  if (content !== '') attributes.notice = content;
  if (validity.truncated) attributes.windowsTruncated = true;
  if (from !== undefined) attributes.coordinatesFrom = from;
  let nearTaiwan = false;
  let close = false;
  if (area !== undefined) {
    const toTaiwan = shapeDistanceKm(area.shape, TAIWAN);
    const port = nearestPortKm(area.shape);
    attributes.distanceToTaiwanKm = Math.round(toTaiwan * 10) / 10;
    attributes.distanceToMedianLineKm = Math.round(shapeDistanceKm(area.shape, MEDIAN_LINE) * 10) / 10;
    attributes.nearestPort = port.port;
    attributes.distanceToPortKm = Math.round(port.km * 10) / 10;
    close = toTaiwan <= closeKm || port.km <= closeKm;
    nearTaiwan = toTaiwan <= nearKm || close;
  }
  const [periodStart, periodEnd] =
    validity.windows.length > 0
      ? [
          validity.windows.reduce((m, w) => (w.start < m ? w.start : m), validity.windows[0].start),
          validity.windows.reduce((m, w) => (w.end > m ? w.end : m), validity.windows[0].end),
        ]
      : [localInstant(publishDate, 0), localInstant(publishDate, 24)];
  const observation: ObservationInput = {
    series: 'msa.closure',
    subject: id,
    value: 1,
    unit: 'events',
    text: title,
    ...(area !== undefined ? { geometry: area.geometry } : {}),
    periodStart,
    periodEnd,
    publishedAt,
    ...base,
    attributes,
  };
  const days = validity.windows.length > 0 ? windowDays(validity.windows) : [publishDate];
  return { row, observation, nearDays: nearTaiwan ? days : [], areaKey: areaKey(vertices), close };
}

/**
 * The notice URL without the `hav` query token the MSA site appends per visit, so the same notice scraped twice keeps
 * one URL (and one content hash).
 */
function canonicalUrl(row: CsvRow): string | undefined {
  const url = readText(row, 'url');
  if (url === undefined) return undefined;
  if (!/^https?:\/\/\S+$/.test(url)) throw row.error('url', `must be an http(s) URL, got ${quote(url)}`);
  return url
    .replace(/([?&])hav=[^&#]*(&?)/, (_m, lead: string, trail: string) => (trail ? lead : ''))
    .replace(/[?&]$/, '');
}

/** The notice's own "发布时间：2026-03-15 13:35" (+08:00) when it falls on the publish date; else 23:59 that day. */
function readPublishedAt(content: string, publishDate: string): string {
  const match = /发布时间：\s*(\d{4}-\d{2}-\d{2})\s+(\d{2}):(\d{2})/.exec(content);
  if (match && match[1] === publishDate && Number(match[2]) < 24 && Number(match[3]) < 60) {
    return localInstant(publishDate, Number(match[2]), Number(match[3]));
  }
  return localInstant(publishDate, 23, 59);
}

function readVertices(
  row: CsvRow,
  content: string,
): { vertices: ReturnType<typeof parseCoordinateCell>; from?: string } {
  const cell = readText(row, 'coordinates') ?? '';
  let vertices;
  try {
    vertices = parseCoordinateCell(cell);
  } catch (error) {
    if (error instanceof CoordinateProblem) throw row.error('coordinates', error.message);
    throw error;
  }
  const count = readText(row, 'coordinate_count');
  if (count !== undefined && (!/^\d+$/.test(count) || Number(count) !== vertices.length)) {
    throw row.error('coordinate_count', `is ${quote(count)} but coordinates lists ${vertices.length} points`);
  }
  if (vertices.length > 0) return { vertices };
  const fromText = coordinatesFromText(content);
  return fromText.length > 0 ? { vertices: fromText, from: 'text' } : { vertices: [] };
}

interface Validity {
  windows: Window[];
  truncated: boolean;
  stated: 'windows' | 'dates' | 'not-stated';
  timeZone: string;
}

/** English notices give times in UTC when their text says so; Chinese ones in Beijing time (+08:00). */
function readValidity(row: CsvRow, publishDate: string, content: string): Validity {
  const utc = /UTC/.test(content) && !/[\u4e00-\u9fff]/.test(required(row, 'title', readText(row, 'title')));
  const offset = utc ? 0 : 480;
  const timeZone = utc ? 'UTC' : '+08:00';
  const cell = readText(row, 'time_periods');
  const startDate = readDate(row, 'start_date');
  const endDate = readDate(row, 'end_date');
  if (startDate !== undefined && endDate !== undefined && endDate < startDate)
    throw row.error('end_date', `is before start_date (${startDate})`);
  if (cell !== undefined) {
    try {
      const { windows, truncated } = parseTimePeriods(cell, publishDate, offset);
      if (truncated && endDate !== undefined) {
        // The listed windows stop early; end_date still bounds the whole notice.
        const end = localInstant(addDays(endDate, 1), 0, 0, offset);
        if (end > windows[windows.length - 1].end) windows.push({ start: windows[windows.length - 1].end, end });
      }
      return { windows, truncated, stated: 'windows', timeZone };
    } catch (error) {
      if (error instanceof TimePeriodProblem) throw row.error('time_periods', `${error.message} in ${quote(cell)}`);
      throw error;
    }
  }
  if (startDate !== undefined) {
    const end = localInstant(addDays(endDate ?? startDate, 1), 0, 0, offset);
    return {
      windows: [{ start: localInstant(startDate, 0, 0, offset), end }],
      truncated: false,
      stated: 'dates',
      timeZone,
    };
  }
  return { windows: [], truncated: false, stated: 'not-stated', timeZone };
}

/** Local (+08:00) days touched by any window. */
function windowDays(windows: readonly Window[]): string[] {
  const days = new Set<string>();
  for (const w of windows) {
    const last = localDateOf(new Date(Date.parse(w.end) - 1).toISOString());
    for (let d = localDateOf(w.start), guard = 0; d <= last && guard < 400; d = addDays(d, 1), guard++) days.add(d);
  }
  return [...days].sort();
}

/**
 * One observation per closure per local day in force, on `msa.closure.near-taiwan` (value 1; daily sum = count), plus
 * a 0 for every day the file covers (first to last publication date), so a day without closures reads 0 and a day
 * outside the scrape reads "no data". The subject is bureau + area + day, so the Chinese and English notices of one
 * closure (different numbers, same area) count once.
 */
function nearTaiwanDays(
  near: readonly Closure[],
  firstDay: string | undefined,
  lastDay: string | undefined,
  nearKm: number,
): ObservationInput[] {
  const out: ObservationInput[] = [];
  const base = { unit: 'closures', ...GRADING };
  for (
    let d = firstDay, guard = 0;
    d !== undefined && lastDay !== undefined && d <= lastDay && guard < 4000;
    d = addDays(d, 1), guard++
  ) {
    out.push({
      series: 'msa.closure.near-taiwan',
      subject: 'coverage',
      value: 0,
      ...base,
      periodStart: localInstant(d, 0),
      periodEnd: localInstant(d, 24),
      publishedAt: localInstant(d, 23, 59),
      attributes: { withinKm: nearKm },
    });
  }
  const seen = new Set<string>();
  for (const closure of near) {
    const o = closure.observation;
    const attributes = o.attributes!;
    for (const day of closure.nearDays) {
      const subject = eventSubject(String(attributes.bureau), closure.areaKey, day);
      const key = `${subject}|${o.publishedAt}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        series: 'msa.closure.near-taiwan',
        subject,
        value: 1,
        ...base,
        periodStart: localInstant(day, 0),
        periodEnd: localInstant(day, 24),
        publishedAt: o.publishedAt,
        ...(o.sourceRef !== undefined ? { sourceRef: o.sourceRef } : {}),
        attributes: {
          withinKm: nearKm,
          warningId: attributes.warningId,
          kind: attributes.kind,
          bureau: attributes.bureau,
          distanceToTaiwanKm: attributes.distanceToTaiwanKm,
        },
      });
    }
  }
  return out;
}

/**
 * Same-day signal: one event per closure near Taiwan on the local day its notice was published (the days in force may
 * start later, so `msa.closure.near-taiwan` only shows it then), on `msa.notice.near-taiwan`, and also on
 * `msa.notice.close-to-taiwan` when it lies within `closeKm` of the coast or a main port. The Chinese and English
 * notices of one closure (same bureau and area, same day) count once.
 */
function nearTaiwanNotices(near: readonly Closure[], nearKm: number, closeKm: number): ObservationInput[] {
  const out: ObservationInput[] = [];
  const seen = new Set<string>();
  for (const closure of near) {
    const o = closure.observation;
    const attributes = o.attributes!;
    const day = localDateOf(o.publishedAt);
    const subject = eventSubject(String(attributes.bureau), closure.areaKey, day);
    if (seen.has(subject)) continue;
    seen.add(subject);
    const series = closure.close
      ? ['msa.notice.near-taiwan', 'msa.notice.close-to-taiwan']
      : ['msa.notice.near-taiwan'];
    for (const name of series) {
      out.push({
        series: name,
        subject,
        value: 1,
        unit: 'notices',
        ...GRADING,
        text: o.text,
        periodStart: localInstant(day, 0),
        periodEnd: localInstant(day, 24),
        publishedAt: o.publishedAt,
        ...(o.sourceRef !== undefined ? { sourceRef: o.sourceRef } : {}),
        attributes: {
          withinKm: name === 'msa.notice.near-taiwan' ? nearKm : closeKm,
          warningId: attributes.warningId,
          kind: attributes.kind,
          bureau: attributes.bureau,
          distanceToTaiwanKm: attributes.distanceToTaiwanKm,
          distanceToPortKm: attributes.distanceToPortKm,
          nearestPort: attributes.nearestPort,
        },
      });
    }
  }
  return out;
}
