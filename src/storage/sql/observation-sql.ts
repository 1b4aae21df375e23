// Builds the observation SQL every relational adapter runs: portable SQL (NOT EXISTS, ON CONFLICT), with only the
// parameter placeholder left to the dialect.
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
  'id',
  'series',
  'subject',
  'value',
  'missing_reason',
  'unit',
  'text',
  'geometry',
  'period_start',
  'period_end',
  'published_at',
  'retrieved_at',
  'source',
  'source_ref',
  'reliability',
  'credibility',
  'tlp',
  'tlp_rank',
  'attributes',
  'ingested_at',
] as const;

/** Columns every read returns, in the order `rowToObservation` (row-mapping.ts) destructures them. */
export const SELECTED_COLUMNS = [
  'seq',
  'id',
  'series',
  'subject',
  'value',
  'missing_reason',
  'unit',
  'text',
  'geometry',
  'period_start',
  'period_end',
  'published_at',
  'retrieved_at',
  'source',
  'source_ref',
  'reliability',
  'credibility',
  'tlp',
  'attributes',
  'ingested_at',
] as const;

const SELECT_O = SELECTED_COLUMNS.map((c) => `o.${c}`).join(', ');
const ORDER_O = 'o.series, o.period_start, o.period_end, o.subject, o.published_at, o.seq';

/** Insert that skips an observation already stored under the same content hash (and only that: other violations fail). */
export function buildInsertObservation(dialect: SqlDialect): string {
  const params = OBSERVATION_COLUMNS.map((_, i) => dialect.param(i + 1)).join(', ');
  return `INSERT INTO observations (${OBSERVATION_COLUMNS.join(', ')}) VALUES (${params}) ON CONFLICT (id) DO NOTHING`;
}

export function buildGetObservation(dialect: SqlDialect): string {
  return `SELECT ${SELECT_O} FROM observations o WHERE o.id = ${dialect.param(1)}`;
}

/**
 * The point-in-time query. A row is the latest revision of its claim when no *visible* revision of the same claim
 * (same series, period and subject) is newer: later publishedAt, or equal publishedAt and greater seq. Visibility
 * (asOf, TLP, source) is applied to both sides; claim filters (series, period) are shared by every revision, so
 * they are applied once; afterSeq and limit page through the result. Measured on 20k rows this correlated
 * NOT EXISTS ran 4x faster in SQLite than ROW_NUMBER() OVER (PARTITION BY …), which must sort twice (docs/storage.md).
 */
export function buildObservationQuery(query: NormalisedQuery, dialect: SqlDialect): SqlQuery {
  const { params, bind } = binder(dialect);
  // "Rows stored since seq N" (the incremental readers after each ingest): the range first, materialised, then the
  // other filters and the sort on those few rows. Left to itself SQLite walks the as-of index of every requested
  // series to save the sort, which costs in proportion to the store rather than to what was stored since.
  // - With exact series the range is (series, seq) on its own index: a reader of a few series whose watermark does
  //   not move while other series are written (its rows are the ones it asked for) then still reads only its rows,
  //   not every row stored since (the soak's dashboards re-read all its ingests on every look).
  // - The range is closed above: on a table never analysed (autovacuum off) PostgreSQL guesses that `seq > N` keeps
  //   a third of the rows and scans the whole table, but guesses a closed range small and seeks the index.
  const bySeries = query.afterSeq !== undefined && query.series !== undefined && query.series.length > 0;
  const since =
    query.afterSeq === undefined
      ? ''
      : `WITH o AS MATERIALIZED (SELECT * FROM observations WHERE ${
          bySeries ? `series IN (${query.series!.map(bind).join(', ')}) AND ` : ''
        }seq > ${bind(query.afterSeq)} AND seq <= ${bind(Number.MAX_SAFE_INTEGER)}) `;
  const claims = claimFilters(bySeries ? { ...query, series: undefined } : query, bind);
  const conditions = [...claims, ...revisionFilters(query, 'o', bind)];
  if (!query.allRevisions) conditions.push(noNewerRevision(query, bind));
  const from = since === '' ? 'observations o' : 'o';
  let sql = `${since}SELECT ${SELECT_O} FROM ${from}${where(conditions)} ORDER BY ${ORDER_O}`;
  if (query.limit !== undefined) sql += ` LIMIT ${bind(query.limit)}`;
  return { sql, params };
}

/**
 * One row per (series, source) of the point-in-time view; the adapter folds them into SeriesSummary values
 * (`foldSeriesRows`), which keeps string aggregation (GROUP_CONCAT vs string_agg) out of the SQL.
 */
export function buildSeriesSourceQuery(query: NormalisedQuery, dialect: SqlDialect): SqlQuery {
  const { params, bind } = binder(dialect);
  const conditions = [...revisionFilters(query, 'o', bind), noNewerRevision(query, bind)];
  const sql =
    `SELECT o.series, o.source, COUNT(*), MIN(o.period_start), MAX(o.period_end), MAX(o.published_at) ` +
    `FROM observations o${where(conditions)} GROUP BY o.series, o.source ORDER BY o.series, o.source`;
  return { sql, params };
}

function noNewerRevision(query: NormalisedQuery, bind: Bind): string {
  const newer = [
    'n.series = o.series',
    'n.period_start = o.period_start',
    'n.period_end = o.period_end',
    'n.subject = o.subject',
    ...revisionFilters(query, 'n', bind),
    // A row value, not `a > x OR (a = x AND b > y)`: both engines seek the as-of index on it, where the OR form scans
    // every revision of the claim for each revision (quadratic in a claim's revisions: 1.8 s for 6,000 of them).
    '(n.published_at, n.seq) > (o.published_at, o.seq)',
  ];
  return `NOT EXISTS (SELECT 1 FROM observations n WHERE ${newer.join(' AND ')})`;
}

/** Filters on the claim itself: every revision of a claim passes or fails them together. */
function claimFilters(query: NormalisedQuery, bind: Bind): string[] {
  const conditions: string[] = [];
  if (query.series !== undefined) {
    conditions.push(query.series.length === 0 ? '1 = 0' : `o.series IN (${query.series.map(bind).join(', ')})`);
  }
  if (query.seriesPrefix !== undefined) {
    // A range rather than LIKE: '_' is common in series names, and a range can use the series index.
    conditions.push(
      `o.series >= ${bind(query.seriesPrefix)}`,
      `o.series < ${bind(prefixUpperBound(query.seriesPrefix))}`,
    );
  }
  if (query.from !== undefined) conditions.push(`o.period_end >= ${bind(query.from)}`);
  if (query.to !== undefined) conditions.push(`o.period_start < ${bind(query.to)}`);
  return conditions;
}

/** Filters that decide which revisions a reader may see; they apply to the candidate and to its rivals alike. */
function revisionFilters(query: NormalisedQuery, alias: string, bind: Bind): string[] {
  const conditions: string[] = [];
  if (query.asOf !== undefined) conditions.push(`${alias}.published_at <= ${bind(query.asOf)}`);
  if (query.tlpRank !== undefined) conditions.push(`${alias}.tlp_rank <= ${bind(query.tlpRank)}`);
  if (query.source !== undefined) conditions.push(`${alias}.source = ${bind(query.source)}`);
  return conditions;
}

type Bind = (value: unknown) => string;

/** Collects parameters in the order their placeholders appear in the SQL text (positional `?` needs that). */
function binder(dialect: SqlDialect): { params: unknown[]; bind: Bind } {
  const params: unknown[] = [];
  const bind: Bind = (value) => {
    params.push(value);
    return dialect.param(params.length);
  };
  return { params, bind };
}

/** The least string greater than every string starting with `prefix` (binary collation). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function where(conditions: string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}
