// Parses pla-data-dashboard's raw naval_transits.csv (foreign warship transits of the Taiwan Strait) into the same
// `naval.transit.foreign` events the `transits` kind writes from the derived data/taiwan-strait/transits.csv.
import type { ObservationInput } from '../../model/index.js';
import {
  createDuplicateCheck,
  quote,
  readChoice,
  readCsvTable,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from '../csv-table.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { transitKey, transitObservation, type TransitFacts } from '../transits/transit-observation.js';
import { readCompilerDate } from './compiler-date.js';
import { normaliseTransit } from './normalise-transit.js';

/** The compiler's header ends with a comma: its last column (URLs on some rows) has no name. */
const UNNAMED_LAST = '(unnamed last column)';
/** Read for the facts of a transit; the other columns are accepted and ignored (see docs/data-formats.md). */
const REQUIRED = ['Date', 'Ships', 'Country', 'Ship_Type', 'Hull_Number', 'Date_Precision'];
const KNOWN = [
  'Date',
  'Year',
  'Ships',
  'Country',
  'Sorties_D0',
  'Sorties_Total_5d',
  'Sorties_Prev_5d',
  'Increase',
  'Unnamed: 8',
  'Ship_Type',
  'Hull_Number',
  'Mission_Note',
  'Date_Precision',
  'Date_Note',
  'Source',
  'Country_Confidence',
  UNNAMED_LAST,
];
/** `range` (a transit over two days) is read as approximate. */
const PRECISIONS = ['exact', 'approximate', 'range'] as const;
/** Columns that hold a source URL on some rows, in order of preference. */
const URL_COLUMNS = [UNNAMED_LAST, 'Unnamed: 8'];

export function parseNavalTransits(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(nameUnnamedLastColumn(text), ctx.file);
  requireColumns(table, REQUIRED);
  rejectUnknownColumns(table, KNOWN);
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const facts = readTransit(row);
    if (facts === undefined) continue;
    checkDuplicate(row, '(row)', transitKey(facts));
    out.push(transitObservation(facts, sourceUrl(row)));
  }
  return out;
}

/** The transit's facts, or undefined for a well-formed row that is not a foreign transit of the strait. */
function readTransit(row: CsvRow): TransitFacts | undefined {
  const rawDate = required(row, 'Date', readText(row, 'Date'));
  const date = readCompilerDate(rawDate);
  if ('problem' in date) {
    throw row.error(
      'Date',
      date.problem === 'calendar'
        ? `is not a real calendar date, got ${quote(rawDate)}`
        : `must be a date YYYY/M/D, got ${quote(rawDate)}`,
    );
  }
  const precision = readChoice(row, 'Date_Precision', PRECISIONS);
  const unknownShipTypes: string[] = [];
  const result = normaliseTransit(
    {
      Date: rawDate,
      Ships: row.get('Ships'),
      Country: row.get('Country'),
      Ship_Type: row.get('Ship_Type'),
      Hull_Number: row.get('Hull_Number'),
      Date_Precision: row.get('Date_Precision'),
    },
    (word) => unknownShipTypes.push(word),
  );
  if (result.kind === 'excluded') return undefined;
  if (unknownShipTypes.length > 0) {
    throw row.error('Ship_Type', `has no English ship class for ${unknownShipTypes.map(quote).join(', ')}`);
  }
  required(row, 'Date_Precision', precision);
  const { transit } = result;
  if (transit.country === '') {
    throw row.error(
      'Country',
      `is not a navy Vigil recognises, got ${quote(result.compilerCountry)}, and Ships names none`,
    );
  }
  return {
    date: transit.date,
    country: transit.country,
    hullNumber: transit.hull_number || undefined,
    shipType: transit.ship_type || undefined,
    datePrecision: transit.date_precision,
  };
}

function sourceUrl(row: CsvRow): string | undefined {
  for (const column of URL_COLUMNS) {
    const text = row.get(column);
    if (/^https?:\/\/\S+$/.test(text)) return text;
  }
  return undefined;
}

/** Names the header's last column when it is empty (the header line ends with a comma), leaving line numbers as they are. */
function nameUnnamedLastColumn(text: string): string {
  return text.replace(/^(\uFEFF?[^\r\n]*),(?=\r|\n|$)/, `$1,${UNNAMED_LAST}`);
}

export const navalTransitsParser: SourceParser = {
  kind: 'naval-transits',
  description:
    'Foreign warship transits of the Taiwan Strait, raw pla-data-dashboard naval_transits.csv, one event per transit',
  parse: parseNavalTransits,
};
