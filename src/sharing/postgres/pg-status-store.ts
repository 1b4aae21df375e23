// TAXII status resources in PostgreSQL (see taxii-status-store.ts): kept per partner, readable only by it.
import type { PgDatabase } from '../../storage/postgres/pg-database.js';
import type { TaxiiStatus, TaxiiStatusStore } from '../taxii/taxii-status-store.js';

export function createPgStatusStore(db: PgDatabase): TaxiiStatusStore {
  return {
    async save(partner, status, now) {
      await db.execute('INSERT INTO sharing_statuses (id, partner, body, created_at) VALUES ($1, $2, $3, $4)', [status.id, partner, JSON.stringify(status), now]);
    },
    async get(partner, id) {
      const [row] = await db.rows<{ body: string }>('SELECT body FROM sharing_statuses WHERE id = $1 AND partner = $2', [id, partner]);
      return row && (JSON.parse(row.body) as TaxiiStatus);
    },
  };
}
