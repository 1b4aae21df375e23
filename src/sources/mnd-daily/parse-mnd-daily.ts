// Parses the `mnd-daily` CSV (Taiwan MND daily PLA activity reports) into one observation per stated count.
import { inputError } from '../../errors/index.js';
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import {
  createDuplicateCheck,
  quote,
  readChoice,
  readCount,
  readCsvTable,
  readDate,
  readInstant,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from '../csv-table.js';
import { addDays, localDateOf, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

/** Count column → series and unit, in the order observations are emitted for a row (independent of column order). */
const COUNTS = [
  { column: 'aircraft_total', series: 'mnd.aircraft.total', unit: 'aircraft' },
  { column: 'aircraft_adiz', series: 'mnd.aircraft.adiz', unit: 'aircraft' },
  { column: 'median_line', series: 'mnd.aircraft.median_line', unit: 'aircraft' },
  { column: 'plan_ships', series: 'mnd.ships.plan', unit: 'ships' },
  { column: 'official_ships', series: 'mnd.ships.official', unit: 'ships' },
  { column: 'balloons', series: 'mnd.balloons', unit: 'balloons' },
  { column: 'joint_patrol', series: 'mnd.joint_patrol', unit: 'flag' },
] as const;

const DATE_BASES = ['publication', 'activity-shifted', 'inferred'] as const;
const OTHER_COLUMNS = [
  'published',
  'period_start',
  'period_end',
  'missing_reason',
  'date_basis',
  'source_ref',
  'compiler',
];
const KNOWN_COLUMNS = [...OTHER_COLUMNS, ...COUNTS.map((c) => c.column)];

/** Reports come out in the morning: 09:00 local on the publication date. */
const PUBLISHED_HOUR = 9;
/** A report covers 06:00 the day before publication to 06:00 on the publication day. */
const PERIOD_HOUR = 6;

export function parseMndDaily(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, ['published']);
  rejectUnknownColumns(table, KNOWN_COLUMNS);
  if (!COUNTS.some((c) => table.columns.includes(c.column))) {
    const expected = COUNTS.map((c) => c.column).join(', ');
    throw inputError(
      ctx.file,
      table.headerLine,
      '(header)',
      `has no count column; expected at least one of ${expected}`,
    );
  }
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const { publishedAt, periodStart, periodEnd } = readTimes(row);
    checkDuplicate(row, 'published', `${publishedAt}|${periodStart}|${periodEnd}`);
    const values = COUNTS.map((c) => readCount(row, c.column));
    const naIndex = values.indexOf(null);
    const missingReason = readMissingReason(row, naIndex < 0 ? undefined : COUNTS[naIndex].column);
    const sourceRef = readText(row, 'source_ref');
    const attributes = readAttributes(row);
    COUNTS.forEach(({ series, unit }, i) => {
      const value = values[i];
      if (value === undefined) return;
      const observation: ObservationInput = {
        series,
        value,
        unit,
        periodStart,
        periodEnd,
        publishedAt,
        source: 'mnd',
        reliability: 'A',
        credibility: 1,
        tlp: 'clear',
      };
      // Optional fields are added only when present, so the content hash never sees `undefined` keys.
      if (value === null) observation.missingReason = missingReason;
      if (sourceRef !== undefined) observation.sourceRef = sourceRef;
      if (attributes !== undefined) observation.attributes = { ...attributes };
      out.push(observation);
    });
  }
  return out;
}

export const mndDailyParser: SourceParser = {
  kind: 'mnd-daily',
  description: 'Taiwan MND daily PLA activity reports (CSV): aircraft, median-line crossings, ships, balloons',
  parse: parseMndDaily,
};

function readTimes(row: CsvRow): { publishedAt: string; periodStart: string; periodEnd: string } {
  const published = required(row, 'published', readText(row, 'published'));
  let publishedAt: string;
  let day: string;
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    day = required(row, 'published', readDate(row, 'published'));
    publishedAt = localInstant(day, PUBLISHED_HOUR);
  } else if (published.includes('T')) {
    publishedAt = required(row, 'published', readInstant(row, 'published'));
    day = localDateOf(publishedAt);
  } else {
    throw row.error(
      'published',
      `must be a date YYYY-MM-DD or an ISO 8601 instant with a time zone, got ${quote(published)}`,
    );
  }
  const start = readInstant(row, 'period_start');
  const end = readInstant(row, 'period_end');
  if (start === undefined && end === undefined) {
    return {
      publishedAt,
      periodStart: localInstant(addDays(day, -1), PERIOD_HOUR),
      periodEnd: localInstant(day, PERIOD_HOUR),
    };
  }
  if (start === undefined) throw row.error('period_start', 'is required when period_end is given');
  if (end === undefined) throw row.error('period_end', 'is required when period_start is given');
  if (end <= start) throw row.error('period_end', 'must be after period_start');
  return { publishedAt, periodStart: start, periodEnd: end };
}

/** NA needs a reason (missing is never zero); a reason with no NA is most likely an NA typed as an empty cell. */
function readMissingReason(row: CsvRow, firstNaColumn: string | undefined): string | undefined {
  const reason = readText(row, 'missing_reason');
  if (firstNaColumn !== undefined && reason === undefined) {
    throw row.error('missing_reason', `is required when a count is NA (${firstNaColumn})`);
  }
  if (firstNaColumn === undefined && reason !== undefined) {
    throw row.error('missing_reason', 'is given but no count in the row is NA');
  }
  return reason;
}

function readAttributes(row: CsvRow): Record<string, AttributeValue> | undefined {
  const dateBasis = readChoice(row, 'date_basis', DATE_BASES);
  const compiler = readText(row, 'compiler');
  if (dateBasis === undefined && compiler === undefined) return undefined;
  const attributes: Record<string, AttributeValue> = {};
  if (dateBasis !== undefined) attributes.dateBasis = dateBasis;
  if (compiler !== undefined) attributes.compiler = compiler;
  return attributes;
}
