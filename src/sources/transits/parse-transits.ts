// Parses the `transits` CSV (foreign warship transits of the Taiwan Strait) into events on `naval.transit.foreign`.
import type { AttributeValue, ObservationInput } from '../../model/index.js';
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
import { eventSubject } from '../event-subject.js';
import { localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

const COLUMNS = ['date', 'country', 'hull_number', 'ship_type', 'date_precision'];
const PRECISIONS = ['exact', 'approximate'] as const;

export function parseTransits(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, COLUMNS);
  rejectUnknownColumns(table, COLUMNS);
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const date = required(row, 'date', readDate(row, 'date'));
    const country = required(row, 'country', readText(row, 'country'));
    const hullNumber = readText(row, 'hull_number');
    const shipType = readText(row, 'ship_type');
    const datePrecision = required(row, 'date_precision', readChoice(row, 'date_precision', PRECISIONS));
    // Two rows naming the same ships on the same day would collapse into one event (same subject).
    const identity = [date, country, hullNumber ?? '', shipType ?? ''];
    checkDuplicate(row, '(row)', identity.join('|'));

    const attributes: Record<string, AttributeValue> = { country, datePrecision };
    if (hullNumber !== undefined) attributes.hullNumber = hullNumber;
    if (shipType !== undefined) attributes.shipType = shipType;
    out.push({
      series: 'naval.transit.foreign',
      subject: eventSubject(...identity),
      value: 1,
      unit: 'events',
      periodStart: localInstant(date, 0),
      periodEnd: localInstant(date, 24),
      publishedAt: localInstant(date, 23, 59),
      source: 'transits',
      reliability: 'B',
      credibility: 2,
      tlp: 'clear',
      attributes,
    });
  }
  return out;
}

export const transitsParser: SourceParser = {
  kind: 'transits',
  description: 'Foreign warship transits of the Taiwan Strait (CSV), one event per transit',
  parse: parseTransits,
};
