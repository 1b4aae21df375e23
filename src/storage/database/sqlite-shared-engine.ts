// One SQLite connection per file per process, however many Database objects open it. better-sqlite3 waits for another
// connection's lock synchronously (busy_timeout), blocking the event loop: a second connection of the same process
// waiting on a transaction that awaits between statements would wait out its whole timeout and fail with
// VIGIL_STORE_LOCKED. Sharing the engine puts every opener of the file behind its one mutex instead. Other processes
// still wait on the file lock as before.
import { resolve } from 'node:path';
import type { Engine } from './engine.js';
import { openSqliteEngine, type SqliteEngineOptions } from './sqlite-engine.js';

const open = new Map<string, { engine: Engine; refs: number }>();

/** The engine for `path`, shared with this process's other openers of it (`:memory:` is always a database of its own). */
export function openSharedSqliteEngine(path: string, options: SqliteEngineOptions = {}): Engine {
  if (path === ':memory:') return openSqliteEngine(path, options);
  const key = resolve(path);
  let entry = open.get(key);
  if (entry === undefined) {
    entry = { engine: openSqliteEngine(path, options), refs: 0 };
    open.set(key, entry);
  }
  entry.refs++;
  const shared = entry;
  let closed = false;
  return {
    ...shared.engine,
    connectionCount: () => (closed ? 0 : shared.engine.connectionCount()),
    /** Closes the connection when its last opener closes. */
    async close() {
      if (closed) return;
      closed = true;
      if (--shared.refs > 0) return;
      open.delete(key);
      await shared.engine.close();
    },
  };
}
