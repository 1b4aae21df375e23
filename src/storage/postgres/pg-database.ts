// The one way a PostgreSQL adapter (observations, users, alerts, sharing) talks to its database: a pool for a URL,
// queries and transactions whose errors are translated to Vigil's registry, and a close after which every call is
// VIGIL_STORE_UNAVAILABLE instead of a driver error.
import { vigilError } from '../../errors/index.js';
import { createPgPool, type PgClient, type PgPool, type PgPoolOptions } from './pg-driver.js';
import { translatePgError } from '../database/pg-errors.js';
import { parsePgUrl, type PgLocation } from '../database/pg-url.js';

export interface PgDatabase {
  readonly location: PgLocation;
  /** For migrations, which take the pool itself. */
  readonly pool: PgPool;
  /** Rows as objects, or as arrays in column order with `rowMode: 'array'`. */
  rows<Row>(text: string, values?: unknown[], options?: { rowMode?: 'array' }): Promise<Row[]>;
  /** Runs a statement and returns how many rows it changed. */
  execute(text: string, values?: unknown[]): Promise<number>;
  /**
   * BEGIN … COMMIT on one connection; ROLLBACK and rethrow (translated) on error. `context` may name what the error
   * was about (e.g. the observation a constraint rejected).
   */
  transaction<T>(work: (client: PgClient) => Promise<T>, context?: (error: unknown) => string | undefined): Promise<T>;
  /** Throws VIGIL_STORE_UNAVAILABLE once closed. */
  assertOpen(): void;
  /** Throws VIGIL_STORE_UNAVAILABLE once closed; runs `work` with errors translated otherwise. */
  guard<T>(work: () => Promise<T>): Promise<T>;
  /** Idempotent. */
  close(): Promise<void>;
}

export function openPgDatabase(url: string, options: PgPoolOptions = {}): PgDatabase {
  const location = parsePgUrl(url);
  const pool = createPgPool(location, options);
  let closed = false;

  const unavailable = () => vigilError('VIGIL_STORE_UNAVAILABLE', `database ${location.label} is closed`);

  function assertOpen(): void {
    if (closed) throw unavailable();
  }

  async function guard<T>(work: () => Promise<T>): Promise<T> {
    assertOpen();
    try {
      return await work();
    } catch (error) {
      throw translatePgError(error, location);
    }
  }

  return {
    location,
    pool,
    assertOpen,
    guard,
    rows: <Row>(text: string, values: unknown[] = [], options: { rowMode?: 'array' } = {}) =>
      guard(async () => (await pool.query<Row>({ text, values, ...options })).rows),
    execute: (text, values = []) => guard(async () => (await pool.query({ text, values })).rowCount ?? 0),
    async transaction(work, context) {
      assertOpen();
      let client: PgClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translatePgError(error, location);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw translatePgError(error, location, context?.(error));
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end().catch(() => {});
    },
  };
}
