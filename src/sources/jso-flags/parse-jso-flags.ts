// Parses the `jso-flags` CSV (Japan Joint Staff release flags) into one 0/1 observation per stated flag per day.
import type { ObservationInput } from '../../model/index.js';
import {
  createDuplicateCheck,
  readChoice,
  readCsvTable,
  readDate,
  readFlag,
  rejectUnknownColumns,
  requireColumns,
  required,
} from '../csv-table.js';
import { addDays, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

/** Flag columns, in the order observations are emitted for a row; each becomes series `jso.<flag>`. */
const FLAGS = [
  'air',
  'joint_exercise',
  'ship_transit',
  'carrier',
  'yonaguni',
  'miyako',
  'osumi',
  'tsushima',
  'inbound',
  'outbound',
];
const COUNTRIES = ['china', 'russia', 'both'] as const;
/**
 * `release` (default): the row is dated by the release day. `activity`: the row is dated by the day of the activity a
 * release reported (hand entries); the Joint Staff reports the same day or the next, so the row is known by the end of
 * the following local day.
 */
const DATE_BASES = ['release', 'activity'] as const;

/** Releases are dated by the local day and come out in the evening: 18:00 local. */
const PUBLISHED_HOUR = 18;

function publishedAt(date: string, basis: (typeof DATE_BASES)[number]): string {
  return basis === 'activity' ? localInstant(addDays(date, 1), 23, 59) : localInstant(date, PUBLISHED_HOUR);
}

export function parseJsoFlags(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, ['date', ...FLAGS]);
  rejectUnknownColumns(table, ['date', ...FLAGS, 'country', 'date_basis']);
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const date = required(row, 'date', readDate(row, 'date'));
    checkDuplicate(row, 'date', date);
    const country = readChoice(row, 'country', COUNTRIES);
    const basis = readChoice(row, 'date_basis', DATE_BASES) ?? 'release';
    const periodStart = localInstant(date, 0);
    const periodEnd = localInstant(date, 24);
    const known = publishedAt(date, basis);
    for (const flag of FLAGS) {
      const value = readFlag(row, flag);
      if (value === undefined) continue;
      const base = {
        unit: 'flag',
        periodStart,
        periodEnd,
        publishedAt: known,
        source: 'jso',
        reliability: 'A',
        credibility: 2,
        tlp: 'clear',
      } as const;
      const attrs = {
        ...(country !== undefined ? { country } : {}),
        ...(basis === 'activity' ? { dateBasis: basis } : {}),
      };
      const attributes = Object.keys(attrs).length > 0 ? { attributes: attrs } : {};
      if (country === 'russia') {
        // A release about Russian forces only: its flags are Russian activity, and Chinese activity that day is 0.
        // The 0 also revises the jso.<flag> = 1 that earlier versions of this parser stored for such rows.
        out.push({ series: `jso.russia.${flag}`, value, ...base, ...attributes });
        out.push({ series: `jso.${flag}`, value: 0, ...base, ...attributes });
      } else {
        out.push({ series: `jso.${flag}`, value, ...base, ...attributes });
      }
    }
  }
  return out;
}

export const jsoFlagsParser: SourceParser = {
  kind: 'jso-flags',
  description:
    'Japan Joint Staff release flags (CSV): PLA air activity, exercises, carrier and strait transits, 0/1 per release or activity day',
  parse: parseJsoFlags,
};
