// Parses the `triggers` CSV (political trigger calendar) into one event per row on `political.trigger.<category>`, plus
// one on `political.trigger.<category>.<subkind>` for categories with objective sub-kinds (trigger-subkind.ts).
import type { AttributeValue, Credibility, ObservationInput, Reliability } from '../../model/index.js';
import {
  createDuplicateCheck,
  quote,
  readChoice,
  readCsvTable,
  readDate,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
} from '../csv-table.js';
import { eventSubject } from '../event-subject.js';
import { addDays, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { triggerSubkind } from './trigger-subkind.js';

const COLUMNS = ['date', 'end_date', 'category', 'title', 'country', 'source_url', 'confidence'];
/** Optional: the local date the event became public, when later than `date` (never known before it). */
const OPTIONAL_COLUMNS = ['known_date'];
const CONFIDENCES = ['high', 'medium', 'low'] as const;
type Confidence = (typeof CONFIDENCES)[number];

/** The calendar's own confidence in a row becomes its Admiralty grading. */
const GRADING: Record<Confidence, { reliability: Reliability; credibility: Credibility }> = {
  high: { reliability: 'A', credibility: 2 },
  medium: { reliability: 'B', credibility: 3 },
  low: { reliability: 'C', credibility: 4 },
};

/** Lower-case words joined by hyphens, so the category is a valid series segment (e.g. `us-arms-sale`). */
const CATEGORY_PATTERN = /^[a-z]+(-[a-z]+)*$/;

export function parseTriggers(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, COLUMNS);
  rejectUnknownColumns(table, [...COLUMNS, ...OPTIONAL_COLUMNS]);
  const checkDuplicate = createDuplicateCheck();
  const out: ObservationInput[] = [];
  for (const row of table.rows) {
    const date = required(row, 'date', readDate(row, 'date'));
    const endDate = readDate(row, 'end_date');
    if (endDate !== undefined && endDate < date) throw row.error('end_date', `is before date (${date})`);
    const knownDate = readDate(row, 'known_date');
    if (knownDate !== undefined && knownDate < date) throw row.error('known_date', `is before date (${date})`);
    const category = required(row, 'category', readText(row, 'category'));
    if (!CATEGORY_PATTERN.test(category)) {
      throw row.error(
        'category',
        `must be lower-case words joined by hyphens (e.g. us-arms-sale), got ${quote(category)}`,
      );
    }
    const title = required(row, 'title', readText(row, 'title'));
    const confidence = required(row, 'confidence', readChoice(row, 'confidence', CONFIDENCES));
    const country = readText(row, 'country');
    const sourceUrl = readText(row, 'source_url');
    if (sourceUrl !== undefined && !/^https?:\/\/\S+$/.test(sourceUrl)) {
      throw row.error('source_url', `must be an http(s) URL, got ${quote(sourceUrl)}`);
    }
    checkDuplicate(row, 'title', `${date}|${category}|${title}`);

    const attributes: Record<string, AttributeValue> = { category, confidence };
    if (country !== undefined) attributes.country = country;
    if (endDate !== undefined) attributes.endDate = endDate;
    if (knownDate !== undefined) attributes.knownDate = knownDate;
    const sub = triggerSubkind(category, title);
    if (sub !== undefined) Object.assign(attributes, { subkind: sub.subkind }, sub.facts);
    const observation: ObservationInput = {
      series: `political.trigger.${category}`,
      subject: eventSubject(date, category, title),
      value: 1,
      unit: 'events',
      text: title,
      periodStart: localInstant(date, 0),
      periodEnd: localInstant(addDays(endDate ?? date, 1), 0),
      // Outcome-blind calendar: an event counts from its first local day, known from its start, or from the day it
      // became public when that is later (e.g. a warship transit announced afterwards).
      publishedAt: localInstant(knownDate ?? date, 0),
      source: 'triggers',
      ...GRADING[confidence],
      tlp: 'clear',
      attributes,
    };
    if (sourceUrl !== undefined) observation.sourceRef = sourceUrl;
    out.push(observation);
    if (sub !== undefined) {
      out.push({
        ...observation,
        series: `political.trigger.${category}.${sub.subkind}`,
        attributes: { ...attributes },
      });
    }
  }
  return out;
}

export const triggersParser: SourceParser = {
  kind: 'triggers',
  description: 'Political trigger calendar (CSV): arms sales, visits, transits, elections, speeches… as dated events',
  parse: parseTriggers,
};
