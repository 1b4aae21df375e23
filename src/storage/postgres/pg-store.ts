// The PostgreSQL Store adapter: a node-postgres pool, bulk writes through COPY, and the SQL shared with SQLite.
import { isVigilError, vigilError } from '../../errors/index.js';
import type { Observation } from '../../model/index.js';
import {
  buildGetObservation, buildObservationQuery, buildSeriesSourceQuery, type SqlDialect,
} from '../sql/observation-sql.js';
import { canonicalInstant, normaliseQuery, normaliseSeriesListQuery } from '../sql/query-options.js';
import { settingJson } from '../sql/setting-value.js';
import {
  foldSeriesRows, observationParams, rowToObservation, type ObservationRow, type SeriesSourceRow,
} from '../sql/row-mapping.js';
import type { ObservationQuery, PutResult, SeriesListQuery, Store, StoredObservation } from '../store.js';
import { copyErrorLine } from './pg-copy-format.js';
import { openPgDatabase } from './pg-database.js';
import type { PgPoolOptions } from './pg-driver.js';
import { migratePg } from './pg-migrations.js';
import { copyObservations, forgetIncomingTables } from './pg-observation-writer.js';

export interface PgStoreOptions extends PgPoolOptions {
  /** `postgres://[user[:password]@]host[:port]/database[?schema=name]`. */
  url: string;
}

export const pgDialect: SqlDialect = { param: (index) => `$${index}` };

/**
 * Creates the pool (connections open lazily, so an unreachable server is reported by the first call as
 * VIGIL_STORE_UNAVAILABLE); call migrate() before use.
 */
export function createPgStore(options: PgStoreOptions): Store {
  const db = openPgDatabase(options.url, options);
  const { location } = db;
  // Writers take this lock just before inserting and hold it to COMMIT, so seq order is commit order and an
  // incremental reader (afterSeq) can never see seq 200 committed while seq 150 is still to come.
  const writeLockKey = `vigil.ingest.${location.schema ?? ''}`;

  /** Rows as arrays in column order (see ObservationRow). */
  const rows = <Row>(text: string, values: unknown[] = []): Promise<Row[]> => db.rows<Row>(text, values, { rowMode: 'array' });
  const inTransaction = db.transaction;

  return {
    dialect: 'postgres',

    async migrate() {
      await db.guard(async () => {
        await migratePg(db.pool, location.schema, location.label, new Date().toISOString());
        forgetIncomingTables();
      });
    },

    async putObservations(observations, ingestedAt): Promise<PutResult> {
      const at = canonicalInstant('ingestedAt', ingestedAt);
      if (observations.length === 0) return { inserted: 0, unchanged: 0 };
      db.assertOpen();
      const describe = (index: number) => {
        const o = observations[index] as Partial<Observation> | undefined;
        return o === undefined ? undefined : `observation ${index + 1} of ${observations.length} (series ${o.series}, id ${o.id})`;
      };
      const params: unknown[][] = [];
      for (const o of observations) {
        try {
          params.push(observationParams(o, at));
        } catch (error) {
          const context = describe(params.length);
          if (!isVigilError(error) || context === undefined) throw error;
          throw vigilError(error.code, `${context}: ${error.message}`, { cause: error, details: error.details });
        }
      }
      // A bad row fails during COPY, whose error names the row's line (= its 1-based position in the batch).
      const context = (error: unknown) => describe((copyErrorLine(error) ?? 0) - 1);
      const inserted = await inTransaction((client) => copyObservations(client, params, writeLockKey), context);
      return { inserted, unchanged: observations.length - inserted };
    },

    async queryObservations(query?: ObservationQuery): Promise<StoredObservation[]> {
      const { sql, params } = buildObservationQuery(normaliseQuery(query), pgDialect);
      return (await rows<ObservationRow>(sql, params)).map(rowToObservation);
    },

    async getObservation(id) {
      const [row] = await rows<ObservationRow>(buildGetObservation(pgDialect), [id]);
      return row === undefined ? undefined : rowToObservation(row);
    },

    async listSeries(query?: SeriesListQuery) {
      const { sql, params } = buildSeriesSourceQuery(normaliseSeriesListQuery(query), pgDialect);
      return foldSeriesRows(await rows<SeriesSourceRow>(sql, params));
    },

    async getSetting<T>(key: string): Promise<T | undefined> {
      const [row] = await rows<[string]>('SELECT value FROM settings WHERE key = $1', [key]);
      return row === undefined ? undefined : (JSON.parse(row[0]) as T);
    },

    async setSetting(key, value) {
      if (value === undefined) {
        await rows('DELETE FROM settings WHERE key = $1', [key]);
        return;
      }
      const json = settingJson(key, value);
      await rows('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, json]);
    },

    close: () => db.close(),
  };
}
