// The PostgreSQL engine: one node-postgres pool per process, Vigil's schema first on every connection's search_path,
// bigint columns read as numbers, COPY for bulk inserts, transaction-scoped advisory locks to serialise writers.
import pg from 'pg';
import {
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type QueryResult,
} from 'kysely';
import { vigilError } from '../../errors/index.js';
import type { Capabilities, QueryOptions } from './database.js';
import type { Engine, EngineConnection } from './engine.js';
import { copyInsert, forgetStagingTables } from './pg-copy-insert.js';
import { translatePgError } from './pg-errors.js';
import { parsePgUrl } from './pg-url.js';

export interface PostgresEngineOptions {
  /** Connections kept at most by the process's one pool; default 10. */
  max?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
  /** The user when the URL names none (the configuration's PGUSER); default: the login name of the process. */
  defaultUser?: string;
}

const CAPABILITIES: Capabilities = {
  serialisedWrites: 'advisory-lock',
  bulkInsert: 'copy',
  collation: 'binary',
  schemas: true,
  skipLocked: true,
};
const INT8_OID = 20;
/**
 * int8 (BIGINT identities, COUNT(*)) as a number rather than node-postgres's string, so families read the same types
 * from both engines. Vigil's sequences and counts stay far below 2^53.
 */
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format),
};

/** Creates the pool; connections open lazily, so an unreachable server is reported by the first call. */
export function openPostgresEngine(url: string, options: PostgresEngineOptions = {}): Engine {
  const location = parsePgUrl(url, options.defaultUser);
  const pool = new pg.Pool({
    connectionString: location.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    application_name: options.applicationName ?? 'vigil',
    options: location.schema === undefined ? undefined : `-c search_path=${location.schema}`,
    types,
  });
  // An idle connection dropped by the server emits 'error' on the pool; without a listener Node would crash.
  pool.on('error', () => {});
  const translate = (error: unknown, context?: string) => translatePgError(error, location, context);
  const clients = new WeakMap<EngineConnection, pg.PoolClient>();

  function wrap(client: pg.PoolClient): EngineConnection {
    const query = async <Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) => {
      try {
        return await client.query<Row & pg.QueryResultRow>({
          text: sql,
          values: params as unknown[],
          ...(options.rowMode ? { rowMode: 'array' } : {}),
        });
      } catch (error) {
        throw translate(error);
      }
    };
    const conn: EngineConnection = {
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        const { command, rowCount, rows } = await query<R>(compiled.sql, compiled.parameters);
        const changed = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
        return { rows: (rows ?? []) as R[], ...(changed ? { numAffectedRows: BigInt(rowCount ?? 0) } : {}) };
      },
      // eslint-disable-next-line require-yield
      async *streamQuery() {
        throw translate(new Error('streaming queries are not supported'));
      },
      all: async (sql, params, options) => (await query(sql, params, options)).rows as never,
      run: async (sql, params) => (await query(sql, params)).rowCount ?? 0,
      exec: async (sql) => void (await query(sql)),
      bulkInsert: (spec) => copyInsert(client, spec, translate),
      lockWrites: async (key) => void (await query('SELECT pg_advisory_xact_lock(hashtext($1))', [key])),
    };
    clients.set(conn, client);
    return conn;
  }

  const control = async (conn: EngineConnection, sql: string) => (await conn.all<{ command?: string }>(sql)).length;
  return {
    dialect: 'postgres',
    capabilities: CAPABILITIES,
    label: location.label,
    namespace: location.schema ?? '',
    placeholder: (index) => `$${index}`,
    async acquire() {
      try {
        return wrap(await pool.connect());
      } catch (error) {
        throw translate(error);
      }
    },
    release: (conn, broken) => clients.get(conn)?.release(broken),
    begin: async (conn) => void (await control(conn, 'BEGIN')),
    async commit(conn) {
      // COMMIT of a transaction a failed statement aborted is a ROLLBACK: say so rather than report success.
      const result = await clients
        .get(conn)!
        .query('COMMIT')
        .catch((error: unknown) => {
          throw translate(error);
        });
      if (result.command === 'ROLLBACK')
        throw vigilError(
          'VIGIL_INTERNAL',
          `database ${location.label}: the transaction was aborted by an earlier error and rolled back`,
        );
    },
    rollback: async (conn) => void (await control(conn, 'ROLLBACK')),
    async beginMigration(conn) {
      // One lock per schema shared by every family, so N processes starting on a new schema migrate once and never
      // race on CREATE SCHEMA; the ones that waited find the work done.
      await conn.run('SELECT pg_advisory_xact_lock(hashtext($1))', [`vigil.migrate.${location.schema ?? ''}`]);
      if (location.schema !== undefined) await conn.exec(`CREATE SCHEMA IF NOT EXISTS ${location.schema}`);
    },
    afterMigration: forgetStagingTables,
    translate,
    connectionCount: () => pool.totalCount,
    kyselyAdapter: () => new PostgresAdapter(),
    kyselyCompiler: () => new PostgresQueryCompiler(),
    kyselyIntrospector: (db) => new PostgresIntrospector(db),
    close: () => pool.end().catch(() => {}),
  };
}
