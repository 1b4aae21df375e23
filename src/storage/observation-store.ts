// The observation Store, written once against the Database layer (src/storage/database): the tuned point-in-time SQL
// (src/storage/sql) read as arrays, and ingest through the bulk-insert capability (COPY on PostgreSQL, one prepared
// statement on SQLite), serialised so sequence order is commit order.
import { isVigilError, vigilError } from '../errors/index.js';
import type { Observation } from '../model/index.js';
import type { Database } from './database/database.js';
import { OBSERVATION_MIGRATIONS } from './observation-migrations.js';
import {
  buildGetObservation,
  buildObservationQuery,
  buildSeriesSourceQuery,
  OBSERVATION_COLUMNS,
  type SqlDialect,
} from './sql/observation-sql.js';
import { canonicalInstant, normaliseQuery, normaliseSeriesListQuery } from './sql/query-options.js';
import {
  foldSeriesRows,
  observationParams,
  rowToObservation,
  type ObservationRow,
  type SeriesSourceRow,
} from './sql/row-mapping.js';
import { settingJson } from './sql/setting-value.js';
import type {
  ObservationBatch,
  ObservationQuery,
  PutResult,
  SeriesListQuery,
  Store,
  StoredObservation,
} from './store.js';

export interface ObservationStoreOptions {
  /** Close the database with the store: for a store opened on its own (openObservationStore), not by openVigil. */
  ownsDatabase?: boolean;
}

/** The store over `db`; call migrate() before use. */
export function createObservationStore(db: Database, options: ObservationStoreOptions = {}): Store {
  const dialect: SqlDialect = { param: (index) => db.placeholder(index) };
  const getSql = buildGetObservation(dialect);
  // Writers hold this from just before inserting to COMMIT, so seq order is commit order and an incremental reader
  // (afterSeq) can never see seq 200 committed while seq 150 is still to come.
  const writeLock = `vigil.ingest.${db.namespace}`;
  let closed = false;
  const assertOpen = () => {
    if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${db.label} is closed`);
    db.assertOpen();
  };
  const arrays = async <Row>(sql: string, params: unknown[] = []) => {
    assertOpen();
    return db.rows<Row>(sql, params, { rowMode: 'array' });
  };

  async function putBatches(batches: readonly ObservationBatch[]): Promise<PutResult[]> {
    const stamped = batches.map((b) => ({ ...b, ingestedAt: canonicalInstant('ingestedAt', b.ingestedAt) }));
    const total = batches.reduce((n, b) => n + b.observations.length, 0);
    if (total === 0) return batches.map(() => ({ inserted: 0, unchanged: 0 }));
    assertOpen();
    // Row `index` of the whole group → its batch and its place in it, so an error names the caller's own observation.
    const locate = (index: number) => {
      let i = index;
      for (const b of batches) {
        if (i < b.observations.length) return { batch: b, i };
        i -= b.observations.length;
      }
      return undefined;
    };
    const describeRow = (index: number) => {
      const at = locate(index);
      const o = at?.batch.observations[at.i] as Partial<Observation> | undefined;
      return at === undefined || o === undefined
        ? undefined
        : `observation ${at.i + 1} of ${at.batch.observations.length} (series ${o.series}, id ${o.id})`;
    };
    const rows: unknown[][] = [];
    for (const b of stamped) {
      for (const o of b.observations) {
        try {
          rows.push(observationParams(o, b.ingestedAt));
        } catch (error) {
          const context = describeRow(rows.length);
          if (!isVigilError(error) || context === undefined) throw error;
          throw vigilError(error.code, `${context}: ${error.message}`, { cause: error, details: error.details });
        }
      }
    }
    const inserted = await db.transaction((conn) =>
      conn.bulkInsert({
        table: 'observations',
        columns: OBSERVATION_COLUMNS,
        rows,
        conflictColumn: 'id',
        orderColumn: 'seq',
        serialiseOn: writeLock,
        describeRow,
        slices: batches.map((b) => b.observations.length),
      }),
    );
    return batches.map((b, i) => ({ inserted: inserted[i], unchanged: b.observations.length - inserted[i] }));
  }

  return {
    dialect: db.dialect,

    async migrate() {
      assertOpen();
      await db.migrate(OBSERVATION_MIGRATIONS);
    },

    async putObservations(observations, ingestedAt): Promise<PutResult> {
      const [put] = await putBatches([{ observations, ingestedAt }]);
      return put;
    },

    putObservationBatches: (batches) => putBatches(batches),

    async queryObservations(query?: ObservationQuery): Promise<StoredObservation[]> {
      const { sql, params } = buildObservationQuery(normaliseQuery(query), dialect);
      return (await arrays<ObservationRow>(sql, params)).map(rowToObservation);
    },

    async getObservation(id) {
      const [row] = await arrays<ObservationRow>(getSql, [id]);
      return row === undefined ? undefined : rowToObservation(row);
    },

    async listSeries(query?: SeriesListQuery) {
      const { sql, params } = buildSeriesSourceQuery(normaliseSeriesListQuery(query), dialect);
      return foldSeriesRows(await arrays<SeriesSourceRow>(sql, params));
    },

    async getSetting<T>(key: string): Promise<T | undefined> {
      assertOpen();
      const row = await db.kysely.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.value as string) as T);
    },

    async setSetting(key, value) {
      assertOpen();
      if (value === undefined) {
        await db.kysely.deleteFrom('settings').where('key', '=', key).execute();
        return;
      }
      const json = settingJson(key, value);
      await db.kysely
        .insertInto('settings')
        .values({ key, value: json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
        .execute();
    },

    async close() {
      if (closed) return;
      closed = true;
      if (options.ownsDatabase) await db.close();
    },
  };
}
