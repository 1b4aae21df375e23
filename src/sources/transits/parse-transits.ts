// Parses the `transits` CSV (foreign warship transits of the Taiwan Strait) into events on `naval.transit.foreign`.
import type { ObservationInput } from '../../model/index.js';
import {
  createDuplicateCheck,
  readChoice,
  readCsvTable,
  readDate,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
} from '../csv-table.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { transitKey, transitObservation, type TransitFacts } from './transit-observation.js';

const COLUMNS = ['date', 'country', 'hull_number', 'ship_type', 'date_precision'];
const PRECISIONS = ['exact', 'approximate'] as const;

export function parseTransits(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, COLUMNS);
  rejectUnknownColumns(table, COLUMNS);
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const facts: TransitFacts = {
      date: required(row, 'date', readDate(row, 'date')),
      country: required(row, 'country', readText(row, 'country')),
      hullNumber: readText(row, 'hull_number'),
      shipType: readText(row, 'ship_type'),
      datePrecision: required(row, 'date_precision', readChoice(row, 'date_precision', PRECISIONS)),
    };
    checkDuplicate(row, '(row)', transitKey(facts));
    out.push(transitObservation(facts));
  }
  return out;
}

export const transitsParser: SourceParser = {
  kind: 'transits',
  description: 'Foreign warship transits of the Taiwan Strait (CSV), one event per transit',
  parse: parseTransits,
};
