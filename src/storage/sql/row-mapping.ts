// Maps observations to SQL parameter lists and result rows back to StoredObservation, for every relational dialect.
import type { Credibility, Observation, Reliability, Tlp } from '../../model/index.js';
import { TLP_LEVELS } from '../../model/index.js';
import type { SeriesSummary, StoredObservation } from '../store.js';
import { canonicalInstant } from './query-options.js';

/** A row of `observations` as drivers return it (PostgreSQL may hand back bigint seq as a string, JSON as objects). */
export interface ObservationRow {
  seq: number | string | bigint;
  id: string;
  series: string;
  subject: string;
  value: number | null;
  missing_reason: string | null;
  unit: string;
  text: string | null;
  geometry: string | object | null;
  period_start: string;
  period_end: string;
  published_at: string;
  retrieved_at: string | null;
  source: string;
  source_ref: string | null;
  reliability: string;
  credibility: number;
  tlp: string;
  attributes: string | object | null;
  ingested_at: string;
}

const TLP_RANKS: Readonly<Record<string, number>> = Object.fromEntries(TLP_LEVELS.map((tlp, rank) => [tlp, rank]));

/**
 * Parameters in OBSERVATION_COLUMNS order. This is the ingest hot path: no validation beyond what the schema's
 * constraints do, JSON only when present. `undefined` binds as NULL, so an absent tlp rank trips NOT NULL.
 */
export function observationParams(o: Observation, ingestedAt: string): unknown[] {
  return [
    o.id, o.series, o.subject ?? '', o.value, o.missingReason, o.unit, o.text,
    o.geometry === undefined ? undefined : JSON.stringify(o.geometry),
    canonicalInstant('periodStart', o.periodStart), canonicalInstant('periodEnd', o.periodEnd),
    canonicalInstant('publishedAt', o.publishedAt),
    o.retrievedAt === undefined ? undefined : canonicalInstant('retrievedAt', o.retrievedAt),
    o.source, o.sourceRef, o.reliability, o.credibility, o.tlp, TLP_RANKS[o.tlp],
    o.attributes === undefined ? undefined : JSON.stringify(o.attributes),
    ingestedAt,
  ];
}

/** Rebuilds the observation; absent optional fields are left out (not set to undefined), as the parser produces them. */
export function rowToObservation(row: ObservationRow): StoredObservation {
  const o: Partial<StoredObservation> = { id: row.id, series: row.series };
  if (row.subject !== '') o.subject = row.subject;
  o.value = row.value;
  if (row.missing_reason !== null) o.missingReason = row.missing_reason;
  o.unit = row.unit;
  if (row.text !== null) o.text = row.text;
  if (row.geometry !== null) o.geometry = parseJson(row.geometry) as StoredObservation['geometry'];
  o.periodStart = row.period_start;
  o.periodEnd = row.period_end;
  o.publishedAt = row.published_at;
  if (row.retrieved_at !== null) o.retrievedAt = row.retrieved_at;
  o.source = row.source;
  if (row.source_ref !== null) o.sourceRef = row.source_ref;
  o.reliability = row.reliability as Reliability;
  o.credibility = Number(row.credibility) as Credibility;
  o.tlp = row.tlp as Tlp;
  if (row.attributes !== null) o.attributes = parseJson(row.attributes) as StoredObservation['attributes'];
  o.seq = Number(row.seq);
  o.ingestedAt = row.ingested_at;
  return o as StoredObservation;
}

export interface SeriesSourceRow {
  series: string;
  source: string;
  count: number | string | bigint;
  first_period_start: string;
  last_period_end: string;
  last_published_at: string;
}

/** Folds per-(series, source) rows, ordered by series, into one summary per series. */
export function foldSeriesRows(rows: readonly SeriesSourceRow[]): SeriesSummary[] {
  const out: SeriesSummary[] = [];
  for (const row of rows) {
    const last = out.at(-1);
    if (last === undefined || last.series !== row.series) {
      out.push({
        series: row.series, count: Number(row.count), firstPeriodStart: row.first_period_start,
        lastPeriodEnd: row.last_period_end, lastPublishedAt: row.last_published_at, sources: [row.source],
      });
      continue;
    }
    last.count += Number(row.count);
    if (row.first_period_start < last.firstPeriodStart) last.firstPeriodStart = row.first_period_start;
    if (row.last_period_end > last.lastPeriodEnd) last.lastPeriodEnd = row.last_period_end;
    if (row.last_published_at > last.lastPublishedAt) last.lastPublishedAt = row.last_published_at;
    last.sources.push(row.source);
  }
  return out;
}

function parseJson(value: string | object): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
