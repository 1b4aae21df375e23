// Builds the observation SQL every relational adapter runs: portable SQL (window functions, ON CONFLICT), with only
// the parameter placeholder left to the dialect.
import type { NormalisedQuery } from './query-options.js';

/** What a dialect decides about the SQL text; everything else is shared. */
export interface SqlDialect {
  /** Placeholder for the 1-based parameter `index`: `?` for SQLite, `$1`… for PostgreSQL. */
  param(index: number): string;
}

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

/** Stored columns in insert order; `observationParams` (row-mapping.ts) yields values in the same order. */
export const OBSERVATION_COLUMNS = [
  'id', 'series', 'subject', 'value', 'missing_reason', 'unit', 'text', 'geometry', 'period_start', 'period_end',
  'published_at', 'retrieved_at', 'source', 'source_ref', 'reliability', 'credibility', 'tlp', 'tlp_rank', 'attributes',
  'ingested_at',
] as const;

const SELECT_COLUMNS = ['seq', ...OBSERVATION_COLUMNS].join(', ');
/** One "claim": its revisions share these columns. */
const REVISION_KEY = 'series, period_start, period_end, subject';
const ORDER = `${REVISION_KEY}, published_at, seq`;

/** Insert that skips an observation already stored under the same content hash (and only that: other violations fail). */
export function buildInsertObservation(dialect: SqlDialect): string {
  const params = OBSERVATION_COLUMNS.map((_, i) => dialect.param(i + 1)).join(', ');
  return `INSERT INTO observations (${OBSERVATION_COLUMNS.join(', ')}) VALUES (${params}) ON CONFLICT (id) DO NOTHING`;
}

export function buildGetObservation(dialect: SqlDialect): string {
  return `SELECT ${SELECT_COLUMNS} FROM observations WHERE id = ${dialect.param(1)}`;
}

/**
 * The point-in-time query. Visibility filters (asOf, series, period, TLP, source) go inside, before the latest
 * revision of each claim is picked with ROW_NUMBER; afterSeq and limit page through the result outside.
 * (A correlated NOT EXISTS gives the same rows; ROW_NUMBER measured faster, see docs/storage.md.)
 */
export function buildObservationQuery(query: NormalisedQuery, dialect: SqlDialect): SqlQuery {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return dialect.param(params.length);
  };
  const visible = visibilityConditions(query, bind);
  const paging: string[] = [];
  if (query.afterSeq !== undefined) paging.push(`seq > ${bind(query.afterSeq)}`);
  let sql: string;
  if (query.allRevisions) {
    sql = `SELECT ${SELECT_COLUMNS} FROM observations${where([...visible, ...paging])} ORDER BY ${ORDER}`;
  } else {
    sql =
      `SELECT ${SELECT_COLUMNS} FROM (${latestRevisions(visible)}) latest` +
      `${where(['revision_rank = 1', ...paging])} ORDER BY ${ORDER}`;
  }
  if (query.limit !== undefined) sql += ` LIMIT ${bind(query.limit)}`;
  return { sql, params };
}

/**
 * One row per (series, source) of the point-in-time view; the adapter folds them into SeriesSummary values
 * (`foldSeriesRows`), which keeps string aggregation (GROUP_CONCAT vs string_agg) out of the SQL.
 */
export function buildSeriesSourceQuery(query: NormalisedQuery, dialect: SqlDialect): SqlQuery {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return dialect.param(params.length);
  };
  const sql =
    `SELECT series, source, COUNT(*) AS count, MIN(period_start) AS first_period_start, ` +
    `MAX(period_end) AS last_period_end, MAX(published_at) AS last_published_at ` +
    `FROM (${latestRevisions(visibilityConditions(query, bind))}) latest WHERE revision_rank = 1 ` +
    `GROUP BY series, source ORDER BY series, source`;
  return { sql, params };
}

function latestRevisions(conditions: string[]): string {
  return (
    `SELECT ${SELECT_COLUMNS}, ROW_NUMBER() OVER (PARTITION BY ${REVISION_KEY} ` +
    `ORDER BY published_at DESC, seq DESC) AS revision_rank FROM observations${where(conditions)}`
  );
}

function visibilityConditions(query: NormalisedQuery, bind: (value: unknown) => string): string[] {
  const conditions: string[] = [];
  if (query.asOf !== undefined) conditions.push(`published_at <= ${bind(query.asOf)}`);
  if (query.series !== undefined) {
    conditions.push(query.series.length === 0 ? '1 = 0' : `series IN (${query.series.map(bind).join(', ')})`);
  }
  if (query.seriesPrefix !== undefined) {
    // A range rather than LIKE: '_' is common in series names, and a range can use the series index.
    conditions.push(`series >= ${bind(query.seriesPrefix)}`, `series < ${bind(prefixUpperBound(query.seriesPrefix))}`);
  }
  if (query.from !== undefined) conditions.push(`period_end >= ${bind(query.from)}`);
  if (query.to !== undefined) conditions.push(`period_start < ${bind(query.to)}`);
  if (query.tlpRank !== undefined) conditions.push(`tlp_rank <= ${bind(query.tlpRank)}`);
  if (query.source !== undefined) conditions.push(`source = ${bind(query.source)}`);
  return conditions;
}

/** The least string greater than every string starting with `prefix` (binary collation). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function where(conditions: string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}
