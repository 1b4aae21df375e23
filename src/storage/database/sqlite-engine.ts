// The SQLite engine: one better-sqlite3 connection per file in WAL mode, handed to one operation or transaction at a
// time (a mutex), prepared statements cached by SQL text, write transactions that take the file lock up front.
import Database from 'better-sqlite3';
import { SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery, type QueryResult } from 'kysely';
import type { BulkInsert, Capabilities, QueryOptions } from './database.js';
import type { Engine, EngineConnection } from './engine.js';
import { sliceOwners } from './bulk-insert-slices.js';
import { Mutex } from './mutex.js';
import { translateSqliteError } from './sqlite-errors.js';

/** The few better-sqlite3 methods used, declared locally. */
interface Statement {
  readonly reader: boolean;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  all(...params: unknown[]): unknown[];
  raw(toggle: boolean): Statement;
}
interface Handle {
  exec(sql: string): unknown;
  prepare(sql: string): Statement;
  pragma(sql: string): unknown;
  close(): unknown;
}

export interface SqliteEngineOptions {
  /** How long a writer waits for another process's lock before VIGIL_STORE_LOCKED; default 5000 ms. */
  busyTimeoutMs?: number;
}

const CAPABILITIES: Capabilities = {
  serialisedWrites: 'begin-immediate',
  bulkInsert: 'prepared-statement',
  collation: 'binary',
  schemas: false,
  skipLocked: false,
};
const STATEMENT_CACHE = 200;

/**
 * Opens (creating if absent) the file now, so a bad path fails at once with VIGIL_STORE_UNAVAILABLE. WAL lets readers
 * run beside the writer; synchronous=NORMAL is WAL's usual pairing (a power loss may drop the last commits, never
 * corrupt the file); busy_timeout is how long a statement waits for another connection's lock.
 */
export function openSqliteEngine(path: string, options: SqliteEngineOptions = {}): Engine {
  const handle = openHandle(path, Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000)));
  const translate = (error: unknown, context?: string) => translateSqliteError(error, path, context);
  const statements = new Map<string, Statement>();
  const mutex = new Mutex();

  function statement(sql: string, array = false): Statement {
    const key = array ? `a:${sql}` : sql;
    let stmt = statements.get(key);
    if (stmt === undefined) {
      if (statements.size >= STATEMENT_CACHE) statements.clear();
      stmt = handle.prepare(sql);
      if (array) stmt.raw(true);
      statements.set(key, stmt);
    }
    return stmt;
  }
  const guarded = <T>(work: () => T, context?: string): T => {
    try {
      return work();
    } catch (error) {
      throw translate(error, context);
    }
  };

  const conn: EngineConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return guarded(() => {
        const stmt = statement(query.sql);
        if (stmt.reader) return { rows: stmt.all(query.parameters) as R[] };
        const { changes, lastInsertRowid } = stmt.run(query.parameters);
        return { rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
      });
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw translate(new Error('streaming queries are not supported'));
    },
    all: async <Row>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}) =>
      guarded(() => statement(sql, options.rowMode === 'array').all(params) as Row[]),
    run: async (sql, params = []) => guarded(() => statement(sql).run(params).changes),
    exec: async (sql) => void guarded(() => handle.exec(sql)),
    bulkInsert: async (spec) => bulkInsert(spec),
    // BEGIN IMMEDIATE already holds the file's write lock until COMMIT.
    lockWrites: async () => {},
  };

  function bulkInsert(spec: BulkInsert): number[] {
    const placeholders = spec.columns.map(() => '?').join(', ');
    const sql = `INSERT INTO ${spec.table} (${spec.columns.join(', ')}) VALUES (${placeholders}) ON CONFLICT (${spec.conflictColumn}) DO NOTHING`;
    const owners = sliceOwners(spec.rows.length, spec.slices);
    const inserted = new Array<number>(spec.slices?.length ?? 1).fill(0);
    const insert = guarded(() => statement(sql));
    let index = 0;
    try {
      // One array argument binds its elements in order: no spread per row on the hot path.
      for (; index < spec.rows.length; index++) inserted[owners[index]] += insert.run(spec.rows[index]).changes;
    } catch (error) {
      throw translate(error, spec.describeRow?.(index));
    }
    return inserted;
  }

  const control = (sql: string) => guarded(() => void handle.exec(sql));
  let open = true;
  return {
    dialect: 'sqlite',
    capabilities: CAPABILITIES,
    label: path,
    namespace: '',
    placeholder: () => '?',
    async acquire() {
      await mutex.lock();
      return conn;
    },
    release: () => mutex.unlock(),
    begin: async () => control('BEGIN IMMEDIATE'),
    commit: async () => control('COMMIT'),
    rollback: async () => control('ROLLBACK'),
    // The migration transaction is BEGIN IMMEDIATE: it already excludes every other writer.
    beginMigration: async () => {},
    afterMigration: () => statements.clear(),
    translate,
    connectionCount: () => (open ? 1 : 0),
    kyselyAdapter: () => new SqliteAdapter(),
    kyselyCompiler: () => new SqliteQueryCompiler(),
    kyselyIntrospector: (db) => new SqliteIntrospector(db),
    async close() {
      if (!open) return;
      open = false;
      statements.clear();
      guarded(() => handle.close());
    },
  };
}

function openHandle(path: string, timeout: number): Handle {
  let db: Handle | undefined;
  try {
    db = new Database(path, { timeout }) as unknown as Handle;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db?.close();
    throw translateSqliteError(error, path);
  }
}
