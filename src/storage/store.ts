// The Store port: durable, point-in-time storage of observations. Every adapter (SQLite, PostgreSQL) implements it
// and passes the one contract suite in src/storage/store.contract.ts.
import type { Observation, Tlp } from '../model/index.js';

export interface ObservationQuery {
  /** Exact series names; omitted means every series. */
  series?: readonly string[];
  /** Only series starting with this prefix (e.g. `mnd.`). */
  seriesPrefix?: string;
  /** Only observations whose period overlaps [from, to): periodEnd >= from and periodStart < to (ISO instants). */
  from?: string;
  to?: string;
  /**
   * Point-in-time view: only observations with publishedAt <= asOf, and of those only the latest revision of each
   * (series, periodStart, periodEnd, subject): the greatest publishedAt, ties broken by the greater seq.
   * Omitted means "as of now" (every observation, latest revisions).
   *
   * series, seriesPrefix, from, to, tlpMax and source choose which claims the reader sees *before* the latest revision
   * is picked: the answer is what the same query would return from a store holding only those claims (so a reader
   * cleared for green gets the latest green-or-clearer revision and cannot tell that an amber one exists).
   * afterSeq and limit apply *after*: they page through the point-in-time view.
   */
  asOf?: string;
  /** Return every revision instead of only the latest (still bounded by asOf). */
  allRevisions?: boolean;
  /** Only observations marked at most this restrictive (TLP is enforced here, in the query). */
  tlpMax?: Tlp;
  source?: string;
  /**
   * Only observations stored after this store sequence number (for incremental readers). Applied after the latest
   * revision is picked, so a late-stored revision that is already superseded is not returned as if it were news.
   */
  afterSeq?: number;
  /** At most this many observations (a non-negative integer), after ordering. */
  limit?: number;
}

export interface PutResult {
  /** New observations written. */
  inserted: number;
  /** Observations already present (same content hash): re-ingest is a no-op. */
  unchanged: number;
}

/** Which claims listSeries summarises; the same visibility rules as ObservationQuery. */
export interface SeriesListQuery {
  asOf?: string;
  tlpMax?: Tlp;
}

/** One series in the point-in-time view: every figure counts latest revisions only (what queryObservations returns). */
export interface SeriesSummary {
  series: string;
  /** Latest revisions, i.e. distinct (periodStart, periodEnd, subject) claims, not stored rows. */
  count: number;
  firstPeriodStart: string;
  lastPeriodEnd: string;
  lastPublishedAt: string;
  /** Distinct sources of those latest revisions, sorted. */
  sources: string[];
}

/** An observation as stored, with the store's insertion sequence (monotonic per store). */
export interface StoredObservation extends Observation {
  seq: number;
  /** When this store accepted it (ISO instant). */
  ingestedAt: string;
}

/** One caller's observations in a group write, stamped with when that caller's write was accepted. */
export interface ObservationBatch {
  observations: readonly Observation[];
  ingestedAt: string;
}

export interface Store {
  /** Dialect name, e.g. `sqlite` or `postgres`. */
  readonly dialect: string;
  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  /**
   * Writes observations atomically: either all new ones are written or none (any failure rolls back).
   * `ingestedAt` is passed in so callers control time. Inputs are trusted to be validated (observationInputSchema);
   * the schema still rejects what would corrupt the store (a null value without missingReason, an unknown
   * grading or TLP, periodEnd < periodStart) with VIGIL_INPUT_INVALID.
   */
  putObservations(observations: readonly Observation[], ingestedAt: string): Promise<PutResult>;
  /**
   * Several callers' writes in one transaction (a group commit): each batch is written after the one before and
   * counted on its own, so an observation an earlier batch inserted is `unchanged` in a later one, as if each had
   * been its own putObservations. All or nothing for the whole group: any failure rolls every batch back.
   */
  putObservationBatches(batches: readonly ObservationBatch[]): Promise<PutResult[]>;
  /** Ordered by series, periodStart, periodEnd, subject, then publishedAt and seq. */
  queryObservations(query?: ObservationQuery): Promise<StoredObservation[]>;
  getObservation(id: string): Promise<StoredObservation | undefined>;
  /** One summary per series, ordered by series name; `query` bounds it like ObservationQuery (TLP, as-of). */
  listSeries(query?: SeriesListQuery): Promise<SeriesSummary[]>;
  /** Generic small key-value settings (pack in use, first-run flags); values are JSON. */
  getSetting<T = unknown>(key: string): Promise<T | undefined>;
  /** Stores `value` as JSON; `undefined` deletes the key. */
  setSetting(key: string, value: unknown): Promise<void>;
  /** Releases the connection; idempotent. Any other call afterwards rejects with VIGIL_STORE_UNAVAILABLE. */
  close(): Promise<void>;
}
