// The WarningStore, written once against the Database layer: each formal warning as one row (its record as JSON,
// with status and day as columns to list by) and a version for optimistic concurrency, so two reviewers acting on
// the same warning at once cannot both succeed.
import type { Kysely } from 'kysely';
import { vigilError } from '../errors/index.js';
import type { Database, MigrationFamily } from '../storage/database/database.js';
import type { WarningRecord, WarningStatus } from './warning-record.js';

export interface WarningStore {
  migrate(): Promise<void>;
  insert(w: WarningRecord, at: string): Promise<void>;
  get(id: string): Promise<WarningRecord | undefined>;
  /** Reads, applies `change` and writes back in one transaction; fails with VIGIL_CONFLICT if another write came first. */
  update(id: string, at: string, change: (w: WarningRecord) => WarningRecord): Promise<WarningRecord>;
  list(filter?: { status?: WarningStatus }): Promise<WarningRecord[]>;
}

interface WarningRow {
  id: string;
  day: string;
  status: WarningStatus;
  record: string;
  version: number;
  created_at: string;
  updated_at: string;
}
interface WarningTables {
  warnings_records: WarningRow;
}

export const WARNING_MIGRATIONS: MigrationFamily = {
  table: 'warnings_schema_migrations',
  what: 'warning',
  steps: [
    {
      version: 1,
      name: 'formal warning records',
      sql: `
        CREATE TABLE warnings_records (
          id TEXT PRIMARY KEY,
          day TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('draft', 'coordination', 'issued', 'withdrawn')),
          record TEXT NOT NULL,
          version INTEGER NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX warnings_records_day ON warnings_records (day, id);
      `,
    },
  ],
};

export function createWarningStore(db: Database): WarningStore {
  const q = (): Kysely<WarningTables> => db.kysely as Kysely<WarningTables>;
  const parse = (r: WarningRow): WarningRecord => JSON.parse(r.record) as WarningRecord;
  return {
    migrate: () => db.migrate(WARNING_MIGRATIONS),
    async insert(w, at) {
      await db.transaction(async () => {
        await q()
          .insertInto('warnings_records')
          .values({
            id: w.id,
            day: w.day,
            status: w.status,
            record: JSON.stringify(w),
            version: 1,
            created_at: at,
            updated_at: at,
          })
          .execute();
      });
    },
    async get(id) {
      const row = await q().selectFrom('warnings_records').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? parse(row) : undefined;
    },
    async update(id, at, change) {
      return db.transaction(async () => {
        const row = await q().selectFrom('warnings_records').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw vigilError('VIGIL_NOT_FOUND', `warning ${id} does not exist`);
        const next = change(parse(row));
        const result = await q()
          .updateTable('warnings_records')
          .set({ status: next.status, record: JSON.stringify(next), version: Number(row.version) + 1, updated_at: at })
          .where('id', '=', id)
          .where('version', '=', Number(row.version))
          .executeTakeFirst();
        if (!result.numUpdatedRows)
          throw vigilError(
            'VIGIL_CONFLICT',
            `warning ${id} was changed by someone else meanwhile; run the command again`,
          );
        return next;
      });
    },
    async list(filter = {}) {
      let query = q().selectFrom('warnings_records').selectAll();
      if (filter.status) query = query.where('status', '=', filter.status);
      return (await query.orderBy('day', 'desc').orderBy('id', 'asc').execute()).map(parse);
    },
  };
}
