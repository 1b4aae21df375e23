// The SQLite Store adapter: one WAL-mode file (or :memory:), better-sqlite3 underneath, SQL shared with other dialects.
import { isVigilError, vigilError } from '../../errors/index.js';
import type { Observation } from '../../model/index.js';
import {
  buildGetObservation, buildInsertObservation, buildObservationQuery, buildSeriesSourceQuery, type SqlDialect,
} from '../sql/observation-sql.js';
import { canonicalInstant, normaliseQuery, normaliseSeriesListQuery } from '../sql/query-options.js';
import {
  foldSeriesRows, observationParams, rowToObservation, type ObservationRow, type SeriesSourceRow,
} from '../sql/row-mapping.js';
import type { ObservationQuery, PutResult, SeriesListQuery, Store, StoredObservation } from '../store.js';
import { openSqliteDatabase, type SqliteStatement } from './sqlite-driver.js';
import { translateSqliteError } from './sqlite-errors.js';
import { migrateSqlite } from './sqlite-migrations.js';
import { settingJson } from '../sql/setting-value.js';

export interface SqliteStoreOptions {
  /** A file path (created if absent; its directory must exist) or `:memory:`. */
  path: string;
  /** How long to wait for another process's write lock before VIGIL_STORE_LOCKED; default 5000 ms. */
  busyTimeoutMs?: number;
}

export const sqliteDialect: SqlDialect = { param: () => '?' };

/** Opens the database now (throwing VIGIL_STORE_UNAVAILABLE or VIGIL_STORE_LOCKED); call migrate() before use. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const { path } = options;
  const db = openSqliteDatabase(path, options.busyTimeoutMs);
  let closed = false;
  const statements = new Map<string, SqliteStatement>();

  /**
   * Prepared lazily (the tables exist only after migrate) and reused; query shapes are few. `rows` statements
   * return arrays (see ObservationRow).
   */
  function statement(sql: string, rows = false): SqliteStatement {
    if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`);
    let stmt = statements.get(sql);
    if (stmt === undefined) {
      if (statements.size >= 200) statements.clear();
      stmt = db.prepare(sql);
      if (rows) stmt.raw(true);
      statements.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `fn`, translating whatever the driver throws. */
  function guarded<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw translateSqliteError(error, path);
    }
  }

  const insertSql = buildInsertObservation(sqliteDialect);
  let cursor = 0;
  const writeBatch = db.transaction((observations: readonly Observation[], ingestedAt: string): number => {
    const insert = statement(insertSql);
    let inserted = 0;
    for (cursor = 0; cursor < observations.length; cursor++) {
      inserted += insert.run(observationParams(observations[cursor], ingestedAt)).changes;
    }
    return inserted;
  });

  return {
    dialect: 'sqlite',

    async migrate() {
      if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`);
      guarded(() => migrateSqlite(db, path));
    },

    async putObservations(observations, ingestedAt): Promise<PutResult> {
      const at = canonicalInstant('ingestedAt', ingestedAt);
      if (observations.length === 0) return { inserted: 0, unchanged: 0 };
      if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`);
      cursor = -1;
      try {
        const inserted = writeBatch.immediate(observations, at);
        return { inserted, unchanged: observations.length - inserted };
      } catch (error) {
        const o = observations[cursor] as Partial<Observation> | undefined;
        if (o === undefined) throw translateSqliteError(error, path);
        const context = `observation ${cursor + 1} of ${observations.length} (series ${o.series}, id ${o.id})`;
        if (isVigilError(error)) throw vigilError(error.code, `${context}: ${error.message}`, { cause: error, details: error.details });
        throw translateSqliteError(error, path, context);
      }
    },

    async queryObservations(query?: ObservationQuery): Promise<StoredObservation[]> {
      const { sql, params } = buildObservationQuery(normaliseQuery(query), sqliteDialect);
      return guarded(() => (statement(sql, true).all(...params) as ObservationRow[]).map(rowToObservation));
    },

    async getObservation(id) {
      const row = guarded(() => statement(buildGetObservation(sqliteDialect), true).get(id) as ObservationRow | undefined);
      return row === undefined ? undefined : rowToObservation(row);
    },

    async listSeries(query?: SeriesListQuery) {
      const { sql, params } = buildSeriesSourceQuery(normaliseSeriesListQuery(query), sqliteDialect);
      return foldSeriesRows(guarded(() => statement(sql, true).all(...params) as SeriesSourceRow[]));
    },

    async getSetting<T>(key: string): Promise<T | undefined> {
      return guarded(() => {
        const row = statement('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
        return row === undefined ? undefined : (JSON.parse(row.value) as T);
      });
    },

    async setSetting(key, value) {
      if (value === undefined) {
        guarded(() => statement('DELETE FROM settings WHERE key = ?').run(key));
        return;
      }
      const json = settingJson(key, value);
      guarded(() =>
        statement('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, json),
      );
    },

    async close() {
      if (closed) return;
      closed = true;
      statements.clear();
      guarded(() => db.close());
    },
  };
}
