// The record of daily briefs sent, written once against the Database layer: one row per (pack, day, receiver), so a
// restarted `vigil serve` (or a second process) never sends the same day's brief to a receiver twice. A sender
// claims the row first (an insert that does nothing on conflict, or an update of a failed or long-abandoned claim),
// then marks it sent or failed.
import type { Kysely } from 'kysely';
import type { Database, MigrationFamily } from '../storage/database/database.js';

export type BriefDeliveryStatus = 'sending' | 'sent' | 'failed';

export interface BriefDeliveryKey {
  packId: string;
  /** The local day the brief is of (YYYY-MM-DD). */
  day: string;
  receiver: string;
}

export interface BriefDelivery extends BriefDeliveryKey {
  status: BriefDeliveryStatus;
  claimedAt: string;
  sentAt: string | null;
  /** Why the last attempt failed. */
  error: string | null;
}

export interface BriefDeliveryStore {
  migrate(): Promise<void>;
  /**
   * True when this caller may send: no row yet, or the last attempt failed, or a claim older than `staleBefore` was
   * abandoned (its process died before saying how it went). False when it was sent or another sender holds it.
   */
  claim(key: BriefDeliveryKey, at: string, staleBefore: string): Promise<boolean>;
  markSent(key: BriefDeliveryKey, at: string): Promise<void>;
  markFailed(key: BriefDeliveryKey, error: string): Promise<void>;
  list(packId: string, day?: string): Promise<BriefDelivery[]>;
}

interface DeliveryRow {
  pack_id: string;
  day: string;
  receiver: string;
  status: BriefDeliveryStatus;
  claimed_at: string;
  sent_at: string | null;
  error: string | null;
}
interface DeliveryTables {
  brief_deliveries: DeliveryRow;
}

export const BRIEF_DELIVERY_MIGRATIONS: MigrationFamily = {
  table: 'brief_schema_migrations',
  what: 'brief delivery',
  steps: [
    {
      version: 1,
      name: 'daily brief deliveries',
      sql: `
        CREATE TABLE brief_deliveries (
          pack_id TEXT NOT NULL,
          day TEXT NOT NULL,
          receiver TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed')),
          claimed_at TEXT NOT NULL,
          sent_at TEXT,
          error TEXT,
          PRIMARY KEY (pack_id, day, receiver)
        );
      `,
    },
  ],
};

export function createBriefDeliveryStore(db: Database): BriefDeliveryStore {
  const q = (): Kysely<DeliveryTables> => db.kysely as Kysely<DeliveryTables>;
  const one = (key: BriefDeliveryKey) =>
    q()
      .updateTable('brief_deliveries')
      .where('pack_id', '=', key.packId)
      .where('day', '=', key.day)
      .where('receiver', '=', key.receiver);
  return {
    migrate: () => db.migrate(BRIEF_DELIVERY_MIGRATIONS),
    async claim(key, at, staleBefore) {
      return db.transaction(async () => {
        const inserted = await q()
          .insertInto('brief_deliveries')
          .values({ pack_id: key.packId, day: key.day, receiver: key.receiver, status: 'sending', claimed_at: at })
          .onConflict((oc) => oc.columns(['pack_id', 'day', 'receiver']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
        const retaken = await one(key)
          .set({ status: 'sending', claimed_at: at })
          .where((eb) =>
            eb.or([
              eb('status', '=', 'failed'),
              eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)]),
            ]),
          )
          .executeTakeFirst();
        return Number(retaken.numUpdatedRows) > 0;
      });
    },
    async markSent(key, at) {
      await one(key).set({ status: 'sent', sent_at: at, error: null }).execute();
    },
    async markFailed(key, error) {
      await one(key).set({ status: 'failed', error }).execute();
    },
    async list(packId, day) {
      let query = q().selectFrom('brief_deliveries').selectAll().where('pack_id', '=', packId);
      if (day !== undefined) query = query.where('day', '=', day);
      const rows = await query.orderBy('day', 'desc').orderBy('receiver', 'asc').execute();
      return rows.map((r) => ({
        packId: r.pack_id,
        day: r.day,
        receiver: r.receiver,
        status: r.status,
        claimedAt: r.claimed_at,
        sentAt: r.sent_at,
        error: r.error,
      }));
    },
  };
}
