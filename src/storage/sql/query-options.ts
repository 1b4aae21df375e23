// Validates and normalises store query options once, so every SQL dialect builds from the same clean values.
import { inputError, vigilError } from '../../errors/index.js';
import { isTlp, tlpRank } from '../../model/index.js';
import type { ObservationQuery, SeriesListQuery } from '../store.js';

/** An ObservationQuery with instants in canonical UTC form and the TLP ceiling as a rank. */
export interface NormalisedQuery {
  series?: readonly string[];
  seriesPrefix?: string;
  from?: string;
  to?: string;
  asOf?: string;
  allRevisions: boolean;
  tlpRank?: number;
  source?: string;
  afterSeq?: number;
  limit?: number;
}

export function normaliseQuery(query: ObservationQuery = {}): NormalisedQuery {
  return {
    series: maybeSeriesList(query.series),
    seriesPrefix: query.seriesPrefix === '' ? undefined : maybeString('seriesPrefix', query.seriesPrefix),
    from: maybeInstant('from', query.from),
    to: maybeInstant('to', query.to),
    asOf: maybeInstant('asOf', query.asOf),
    allRevisions: query.allRevisions === true,
    tlpRank: maybeTlpRank(query.tlpMax),
    source: maybeString('source', query.source),
    afterSeq: maybeInteger('afterSeq', query.afterSeq),
    limit: maybeInteger('limit', query.limit),
  };
}

export function normaliseSeriesListQuery(query: SeriesListQuery = {}): NormalisedQuery {
  return { asOf: maybeInstant('asOf', query.asOf), tlpRank: maybeTlpRank(query.tlpMax), allRevisions: false };
}

/**
 * Canonical stored form of an instant: UTC with milliseconds (`2024-05-24T22:00:00.000Z`), so that string order is
 * time order. Already-canonical strings (the usual case: the schema normalises) pass through without a Date.
 */
export function canonicalInstant(field: string, value: string): string {
  if (typeof value !== 'string')
    throw vigilError('VIGIL_DATE_INVALID', `invalid ${field}: ${String(value)} (expected an ISO 8601 instant)`);
  if (value.length === 24 && value.charCodeAt(23) === 90 /* Z */ && value.charCodeAt(19) === 46 /* . */) return value;
  const ms = /T.*([Zz]|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) {
    throw vigilError(
      'VIGIL_DATE_INVALID',
      `invalid ${field}: ${JSON.stringify(value)} (expected an ISO 8601 instant with a time zone)`,
    );
  }
  return new Date(ms).toISOString();
}

function maybeInstant(field: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : canonicalInstant(field, value);
}

function maybeTlpRank(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!isTlp(value))
    throw vigilError(
      'VIGIL_UNKNOWN_KIND',
      `invalid tlpMax: ${JSON.stringify(value)} (expected clear, green, amber, amber+strict or red)`,
    );
  return tlpRank(value);
}

function maybeInteger(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw inputError('query', undefined, field, `must be a non-negative integer, got ${String(value)}`);
  return value as number;
}

function maybeString(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw inputError('query', undefined, field, `must be a string, got ${typeof value}`);
  return value;
}

function maybeSeriesList(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((s) => typeof s !== 'string'))
    throw inputError('query', undefined, 'series', 'must be a list of series names');
  return value as readonly string[];
}
