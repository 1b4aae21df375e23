// Builds the one Database object over an engine: Kysely wired to the engine's connections, transactions scoped with
// AsyncLocalStorage so every query inside one (Kysely or raw, from any family) runs on its connection, and close.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Kysely,
  SingleConnectionProvider,
  Transaction,
  type DatabaseConnection,
  type Dialect,
  type Driver,
} from 'kysely';
import { vigilError } from '../../errors/index.js';
import type { Connection, Database, MigrationFamily } from './database.js';
import type { Engine, EngineConnection } from './engine.js';
import { runMigrations } from './migration-runner.js';

interface Scope {
  conn: EngineConnection;
  /**
   * False once the transaction has ended: work started inside it (a bus delivery, a timer) keeps its async context
   * afterwards, and must then take a connection of its own instead of using this one.
   */
  open: boolean;
  /** Made on first use: most hot-path transactions never touch Kysely. */
  kysely?: Kysely<unknown>;
}

export function createDatabase(engine: Engine): Database {
  let closed = false;
  const scope = new AsyncLocalStorage<Scope>();
  const assertOpen = () => {
    if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${engine.label} is closed`);
  };
  const as = (c: DatabaseConnection) => c as EngineConnection;
  // Kysely's own transaction() is not used (families call db.transaction), so begin/commit/rollback are the engine's.
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => {
      assertOpen();
      return engine.acquire();
    },
    beginTransaction: (c) => engine.begin(as(c)),
    commitTransaction: (c) => engine.commit(as(c)),
    rollbackTransaction: (c) => engine.rollback(as(c)),
    releaseConnection: async (c) => engine.release(as(c)),
    destroy: async () => {},
  };
  const dialect: Dialect = {
    createAdapter: () => engine.kyselyAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => engine.kyselyCompiler(),
    createIntrospector: (db) => engine.kyselyIntrospector(db),
  };
  const root = new Kysely<unknown>({ dialect });
  /** A Kysely bound to one checked-out connection (what Kysely's own transactions do internally). */
  const bound = (conn: EngineConnection) =>
    new Transaction<unknown>({
      config: { dialect },
      dialect,
      driver,
      executor: root.getExecutor().withConnectionProvider(new SingleConnectionProvider(conn)),
    });

  async function withConnection<T>(work: (conn: EngineConnection) => Promise<T>): Promise<T> {
    assertOpen();
    const conn = await engine.acquire();
    try {
      return await work(conn);
    } finally {
      engine.release(conn);
    }
  }

  const currentScope = (): Scope | undefined => {
    const current = scope.getStore();
    return current?.open ? current : undefined;
  };

  async function transaction<T>(work: (conn: Connection) => Promise<T>): Promise<T> {
    const current = currentScope();
    if (current !== undefined) return work(current.conn);
    assertOpen();
    const conn = await engine.acquire();
    let broken: Error | undefined;
    const opened: Scope = { conn, open: true };
    try {
      await engine.begin(conn);
      const result = await scope.run(opened, () => work(conn));
      await engine.commit(conn);
      return result;
    } catch (error) {
      await engine.rollback(conn).catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw engine.translate(error);
    } finally {
      opened.open = false;
      engine.release(conn, broken);
    }
  }

  const raw = <T>(work: (conn: Connection) => Promise<T>): Promise<T> => {
    const current = currentScope();
    return current !== undefined ? work(current.conn) : withConnection(work);
  };

  const db: Database = {
    dialect: engine.dialect,
    capabilities: engine.capabilities,
    label: engine.label,
    get kysely() {
      const current = currentScope();
      if (current === undefined) return root;
      return (current.kysely ??= bound(current.conn));
    },
    namespace: engine.namespace,
    placeholder: (index) => engine.placeholder(index),
    transaction,
    inTransaction: () => currentScope() !== undefined,
    raw,
    rows: (sql, params, options) => raw((conn) => conn.all(sql, params, options)),
    async migrate(family: MigrationFamily, now = new Date().toISOString()) {
      await transaction(async (conn) => runMigrations(db, engine, conn as EngineConnection, family, now));
      engine.afterMigration();
    },
    connectionCount: () => engine.connectionCount(),
    assertOpen,
    async close() {
      if (closed) return;
      closed = true;
      await engine.close();
    },
  };
  return db;
}
