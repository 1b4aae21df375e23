// Parses the `mnd-lioneer` CSV (MND daily reports hand-transcribed from the MND images, lioneer pla-tracker layout):
// aircraft total, median-line crossings, and balloons read from the free-text special_event column.
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import {
  createDuplicateCheck,
  quote,
  readCount,
  readCsvTable,
  readDate,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from '../csv-table.js';
import { addDays, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

const COLUMNS = [
  'date',
  'aircraft_total',
  'median_line_cross',
  'cross_rate',
  'aircraft_type',
  'ships_total',
  'activity_start',
  'activity_end',
  'special_event',
];
/** `aircraft_type` values; the source writes them in mixed case ("manned", "Manned"), so case is ignored. */
const AIRCRAFT_MIXES = ['manned', 'mixed', 'uav', 'helicopter', 'zero'];
/** MND's balloon sentence: "中共空飄氣球計偵獲2顆" (2 balloons detected). */
const BALLOONS = /空飄氣球計偵獲\s*(\d+)\s*顆/;

export function parseMndLioneer(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, ['date', 'aircraft_total', 'median_line_cross']);
  rejectUnknownColumns(table, COLUMNS);
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const date = required(row, 'date', readDate(row, 'date'));
    checkDuplicate(row, 'date', date);
    const total = readWholeCount(row, 'aircraft_total');
    const median = readWholeCount(row, 'median_line_cross');
    if (total !== undefined && median !== undefined && median > total)
      throw row.error('median_line_cross', `must not exceed aircraft_total (${total})`);
    readPercent(row, 'cross_rate');
    readWholeCount(row, 'ships_total'); // validated; not used (PLAN only on some rows, PLAN + official ships on others)
    const mix = readMix(row, total);
    const activityStart = readClock(row, 'activity_start');
    const activityEnd = readClock(row, 'activity_end');
    const balloons = readBalloons(row);

    const base = {
      periodStart: localInstant(addDays(date, -1), 6),
      periodEnd: localInstant(date, 6),
      publishedAt: localInstant(date, 9),
      source: 'mnd',
      reliability: 'A',
      // Figures are MND's, transcribed by hand from the report images: a transcription step lowers credibility.
      credibility: 2,
      tlp: 'clear',
    } as const;
    const attributes: Record<string, AttributeValue> = { compiler: 'lioneer', dateBasis: 'inferred' };
    const totalAttributes: Record<string, AttributeValue> = { ...attributes };
    if (mix !== undefined) totalAttributes.aircraftMix = mix;
    if (activityStart !== undefined) totalAttributes.activityStart = activityStart;
    if (activityEnd !== undefined) totalAttributes.activityEnd = activityEnd;
    if (total !== undefined)
      out.push({ series: 'mnd.aircraft.total', value: total, unit: 'aircraft', ...base, attributes: totalAttributes });
    if (median !== undefined)
      out.push({
        series: 'mnd.aircraft.median_line',
        value: median,
        unit: 'aircraft',
        ...base,
        attributes: { ...attributes },
      });
    if (balloons !== undefined)
      out.push({ series: 'mnd.balloons', value: balloons, unit: 'balloons', ...base, attributes: { ...attributes } });
  }
  return out;
}

export const mndLioneerParser: SourceParser = {
  kind: 'mnd-lioneer',
  description:
    'MND daily reports hand-transcribed from the report images (lioneer records.csv): aircraft, median line, balloons',
  parse: parseMndLioneer,
};

/** A count; NA is not part of this format, so only whole numbers or empty. */
function readWholeCount(row: CsvRow, column: string): number | undefined {
  const value = readCount(row, column);
  if (value === null) throw row.error(column, 'must be a whole number or empty, got "NA"');
  return value;
}

function readPercent(row: CsvRow, column: string): void {
  const text = readText(row, column);
  if (text === undefined) return;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || value > 100)
    throw row.error(column, `must be a percentage 0–100 or empty, got ${quote(text)}`);
}

function readMix(row: CsvRow, total: number | undefined): string | undefined {
  const text = readText(row, 'aircraft_type');
  if (text === undefined) return undefined;
  const mix = text.toLowerCase();
  if (!AIRCRAFT_MIXES.includes(mix))
    throw row.error('aircraft_type', `must be one of ${AIRCRAFT_MIXES.join(', ')} (any case), got ${quote(text)}`);
  if ((mix === 'zero') !== (total === 0) && total !== undefined) {
    throw row.error(
      'aircraft_type',
      mix === 'zero' ? `is zero but aircraft_total is ${total}` : `is ${quote(text)} but aircraft_total is 0`,
    );
  }
  return mix;
}

function readClock(row: CsvRow, column: string): string | undefined {
  const text = readText(row, column);
  if (text === undefined) return undefined;
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match || Number(match[1]) > 24 || Number(match[2]) > 59)
    throw row.error(column, `must be a local time HH:MM or empty, got ${quote(text)}`);
  return text;
}

/** The balloon count MND's sentence gives, or undefined when the row does not state one (never 0 by default). */
function readBalloons(row: CsvRow): number | undefined {
  const text = readText(row, 'special_event');
  if (text === undefined) return undefined;
  const match = BALLOONS.exec(text.replace(/\s+/g, ''));
  return match ? Number(match[1]) : undefined;
}
