// TAXII status resources: the outcome of each POST to a collection, kept so the client can fetch it by id.
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';

export interface StatusDetail {
  id: string;
  version?: string;
  message?: string;
}

/** The TAXII 2.1 status resource (§4.3.1). Vigil processes a POST before answering, so status is always complete. */
export interface TaxiiStatus {
  id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes?: StatusDetail[];
  failure_count: number;
  failures?: StatusDetail[];
  pending_count: number;
  pendings?: StatusDetail[];
}

export interface TaxiiStatusStore {
  save(partner: string, status: TaxiiStatus, now: string): Promise<void>;
  /** Only the partner that made the request may read its status. */
  get(partner: string, id: string): Promise<TaxiiStatus | undefined>;
}

export function createSqliteStatusStore(db: SqliteDatabase): TaxiiStatusStore {
  return {
    async save(partner, status, now) {
      db.prepare('INSERT INTO sharing_statuses (id, partner, body, created_at) VALUES (?, ?, ?, ?)').run(status.id, partner, JSON.stringify(status), now);
    },
    async get(partner, id) {
      const row = db.prepare('SELECT body FROM sharing_statuses WHERE id = ? AND partner = ?').get(id, partner) as { body: string } | undefined;
      return row && (JSON.parse(row.body) as TaxiiStatus);
    },
  };
}
