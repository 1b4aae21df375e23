// The few better-sqlite3 methods the adapter uses, declared locally, and the one place that opens a connection.
import Database from 'better-sqlite3';
import { translateSqliteError } from '../database/sqlite-errors.js';

export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  /** Rows as arrays in column order instead of objects. */
  raw(toggle: boolean): SqliteStatement;
}

export interface SqliteDatabase {
  exec(sql: string): unknown;
  prepare(sql: string): SqliteStatement;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): { (...args: A): R; immediate(...args: A): R };
  close(): unknown;
}

export interface SqliteConnectionOptions {
  /** How long a statement waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs: number;
}

/**
 * Opens (creating if absent) a database file in WAL mode, so readers never block the writer. synchronous=NORMAL is
 * the usual WAL pairing: commits do not wait for an fsync, and a power loss can drop the last commits but cannot
 * corrupt the file. better-sqlite3's `timeout` is SQLite's busy_timeout.
 */
export function openSqlite(path: string, options: SqliteConnectionOptions): SqliteDatabase {
  const db = new Database(path, { timeout: Math.max(0, Math.floor(options.busyTimeoutMs)) });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return db as unknown as SqliteDatabase;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Opens a connection the way every Vigil SQLite adapter does: 5 s busy timeout, driver errors translated at the edge. */
export function openSqliteDatabase(path: string, busyTimeoutMs = 5000): SqliteDatabase {
  try {
    return openSqlite(path, { busyTimeoutMs });
  } catch (error) {
    throw translateSqliteError(error, path);
  }
}
