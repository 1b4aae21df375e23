// The one database object a Vigil process holds: a Kysely instance over SQLite or PostgreSQL, shared transactions,
// driver errors translated into the registry, capability flags for what the engines do differently, and the
// migration runner. Every storage family (observations, users and audit, alerts, sharing) is written once against it.
//
// How a family uses it (see src/storage/observation-store.ts for a full one):
//
//   export function createThingStore(db: Database): ThingStore {
//     return {
//       migrate: () => db.migrate(THING_MIGRATIONS),               // { table, what, steps: [{ version, name, sql }] }
//       get: (id) => db.kysely.selectFrom('things').selectAll().where('id', '=', id).executeTakeFirst(),
//       async put(thing) {
//         await db.transaction(async () => {                       // joins the caller's transaction, if any
//           await db.kysely.insertInto('things').values(thing).execute();
//         });
//       },
//     };
//   }
//
// - `db.kysely` is bound to the current transaction when called inside `db.transaction(fn)` (an AsyncLocalStorage
//   scope), so a write service can wrap a family write and its audit entry in one transaction without the family
//   knowing: `db.transaction(async () => { await things.put(t); await audit.append(entry); })`.
// - Nested `db.transaction` calls join the outer one; a throw anywhere rolls the whole of it back.
// - Every error leaves as a VigilError (unique violation → VIGIL_CONFLICT, lock → VIGIL_STORE_LOCKED, connection →
//   VIGIL_STORE_UNAVAILABLE, bad data → VIGIL_INPUT_INVALID); families never see a driver error.
// - Hot paths use `db.raw(conn => …)`: SQL text with the dialect's placeholders (`db.placeholder(i)`), rows as arrays,
//   and `conn.bulkInsert` (COPY on PostgreSQL, one prepared statement on SQLite). Never `if (postgres)` in a family:
//   ask `db.capabilities`, or add the difference here.
import type { Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** What the engines do differently, decided once per dialect. */
export interface Capabilities {
  /**
   * How concurrent writers are serialised until COMMIT: SQLite's `BEGIN IMMEDIATE` takes the file's write lock for
   * every transaction; PostgreSQL takes a transaction-scoped advisory lock when a family asks (`conn.lockWrites`).
   */
  serialisedWrites: 'begin-immediate' | 'advisory-lock';
  /** How `conn.bulkInsert` writes: COPY into a temp table then one INSERT … SELECT, or one prepared INSERT per row. */
  bulkInsert: 'copy' | 'prepared-statement';
  /**
   * Text comparison: both compare bytes (SQLite's BINARY; PostgreSQL columns Vigil orders by are `COLLATE "C"`), so
   * string order is code-point order on both and prefix ranges work alike.
   */
  collation: 'binary';
  /** Whether the engine has schemas (PostgreSQL's `?schema=` in the URL); SQLite has one namespace per file. */
  schemas: boolean;
  /**
   * Whether `SELECT … FOR UPDATE SKIP LOCKED` exists, so concurrent claimers of a queue skip each other's rows instead
   * of queueing behind one lock (PostgreSQL); without it a claim serialises under `conn.lockWrites` (SQLite, whose
   * write transactions hold the file's lock anyway).
   */
  skipLocked: boolean;
}

export interface QueryOptions {
  /** 'array' returns each row as an array in column order: about 40% faster to read for wide rows. */
  rowMode?: 'array';
}

/** One row set for `bulkInsert`: values in `columns` order. */
export interface BulkInsert {
  table: string;
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
  /** Rows whose value in this unique column is already stored are skipped (ON CONFLICT DO NOTHING). */
  conflictColumn: string;
  /**
   * A column of `table` not in `columns` that the COPY staging table uses to keep the batch's order (for instance
   * the identity column); without it the insert order is unspecified on PostgreSQL.
   */
  orderColumn?: string;
  /** Writers are serialised under this key from just before the INSERT to COMMIT (see `lockWrites`). */
  serialiseOn?: string;
  /**
   * Sizes of consecutive slices of `rows` (summing to its length) to count on their own, for several callers' rows
   * written at once (a group commit). A row skipped as a duplicate of an earlier row of the batch counts as not
   * inserted in its slice, as if each slice had been inserted after the one before. Default: one slice of every row.
   */
  slices?: readonly number[];
  /** What row `index` (0-based) is, prefixed to an error about it (e.g. `observation 3 of 10 (id …)`). */
  describeRow?: (index: number) => string | undefined;
}

/** A connection checked out for the current operation or transaction: raw SQL in the dialect's placeholders. */
export interface Connection {
  all<Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs one statement; returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Inserts rows, skipping conflicts; returns how many were inserted, one count per slice (`spec.slices`; one count
   * when it is absent). Call inside `db.transaction`.
   */
  bulkInsert(spec: BulkInsert): Promise<number[]>;
  /**
   * Serialises writers under `key` until COMMIT (so, e.g., sequence order is commit order). A no-op where every
   * write transaction already holds the write lock (`capabilities.serialisedWrites === 'begin-immediate'`).
   */
  lockWrites(key: string): Promise<void>;
}

/** A family's numbered, append-only migration steps and the table that records which are applied. */
export interface MigrationFamily {
  /** e.g. `schema_migrations` (observations), `users_schema_migrations`: the tables deployed databases already have. */
  table: string;
  /** How an error names this family, e.g. `user`. */
  what: string;
  steps: readonly MigrationStep[];
}

export interface MigrationStep {
  version: number;
  name: string;
  /** DDL, one text for both engines or one per dialect (identity columns, collations and types differ). */
  sql: string | Readonly<Record<DialectName, string>>;
  /** Rows the step needs besides its DDL (a default collection…), written in the same transaction. */
  seed?: (db: Database, now: string) => Promise<void>;
}

export interface Database {
  readonly dialect: DialectName;
  readonly capabilities: Capabilities;
  /** What messages name: a SQLite path or `user@host:port/db?schema=…`, never a password. */
  readonly label: string;
  /** The PostgreSQL schema the URL names, '' otherwise: part of lock keys, so two schemas never block each other. */
  readonly namespace: string;
  /** The query builder, bound to the current transaction inside `transaction(fn)`. Tables are untyped here. */
  readonly kysely: Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The placeholder for the 1-based parameter `index` in raw SQL: `?` or `$1`. */
  placeholder(index: number): string;
  /**
   * Runs `work` in one transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: BEGIN on one pooled connection): COMMIT if
   * it resolves, ROLLBACK and rethrow (translated) if it throws. Inside, `kysely`, `raw` and nested `transaction`
   * calls use the same connection.
   */
  transaction<T>(work: (conn: Connection) => Promise<T>): Promise<T>;
  /** Whether the caller runs inside an open `transaction(fn)`, which its writes then join. */
  inTransaction(): boolean;
  /** Runs `work` on the current transaction's connection, or on one checked out for it. */
  raw<T>(work: (conn: Connection) => Promise<T>): Promise<T>;
  /** Shorthand for `raw((c) => c.all(sql, params, options))`. */
  rows<Row>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Applies the family's missing steps in one transaction, serialised across processes; idempotent. */
  migrate(family: MigrationFamily, now?: string): Promise<void>;
  /** Connections this object holds open now (for the one-pool-per-process test and health output). */
  connectionCount(): number;
  /** Throws VIGIL_STORE_UNAVAILABLE once closed. */
  assertOpen(): void;
  /** Idempotent; every later call rejects with VIGIL_STORE_UNAVAILABLE. */
  close(): Promise<void>;
}
