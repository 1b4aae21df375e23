// The few node-postgres methods the adapter uses, declared locally, and the one place that creates a pool.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';
import type { PgLocation } from '../database/pg-url.js';

export interface PgQuery {
  text: string;
  values?: unknown[];
  /** 'array' returns each row as an array in column order (see ObservationRow). */
  rowMode?: 'array';
}

export interface PgResult<Row = unknown> {
  rows: Row[];
  rowCount: number | null;
}

export interface PgClient {
  /** The underlying connection, stable across checkouts from the pool (for per-session state such as temp tables). */
  readonly session: object;
  query<Row = unknown>(query: PgQuery | string): Promise<PgResult<Row>>;
  /** Starts `COPY … FROM STDIN`; write rows in text format to the returned stream and end it. */
  copyFrom(sql: string): Writable & { rowCount: number };
  /** Returns the connection to the pool; an error destroys it instead. */
  release(error?: Error): void;
}

export interface PgPool {
  query<Row = unknown>(query: PgQuery | string): Promise<PgResult<Row>>;
  connect(): Promise<PgClient>;
  end(): Promise<void>;
}

export interface PgPoolOptions {
  /** Connections kept at most; default 4. */
  max?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
}

/**
 * A pool whose every connection has Vigil's schema first on its search_path, so the shared SQL needs no schema
 * prefix. Pool-level connection errors (a server restart) are reported on the next query, not as a crash.
 */
export function createPgPool(location: PgLocation, options: PgPoolOptions = {}): PgPool {
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: options.applicationName ?? 'vigil',
    options: location.schema === undefined ? undefined : `-c search_path=${location.schema}`,
  });
  // An idle connection dropped by the server emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', () => {});
  return {
    query: (query) => pool.query(query as pg.QueryConfig) as never,
    async connect() {
      const client = await pool.connect();
      return {
        session: client,
        query: (query) => client.query(query as pg.QueryConfig) as never,
        copyFrom: (sql) => client.query(copyFrom(sql)),
        release: (error) => client.release(error),
      };
    },
    end: () => pool.end(),
  };
}
