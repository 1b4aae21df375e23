// TAXII status resources (see taxii-status-store.ts) written once against the database layer: kept per partner,
// readable only by it.
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database/database.js';
import type { TaxiiStatus, TaxiiStatusStore } from '../taxii/taxii-status-store.js';
import type { SharingTables } from './sharing-tables.js';

export function createStatusStore(db: Database): TaxiiStatusStore {
  const k = () => db.kysely as Kysely<SharingTables>;
  return {
    async save(partner, status, now) {
      await k()
        .insertInto('sharing_statuses')
        .values({ id: status.id, partner, body: JSON.stringify(status), created_at: now })
        .execute();
    },
    async get(partner, id) {
      const row = await k()
        .selectFrom('sharing_statuses')
        .select('body')
        .where('id', '=', id)
        .where('partner', '=', partner)
        .executeTakeFirst();
      return row && (JSON.parse(row.body) as TaxiiStatus);
    },
  };
}
