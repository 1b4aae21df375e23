// Opens the sharing side of a Vigil database: partner registry, publication ledger, TAXII statuses and the org's keys,
// one adapter each written against the database layer (src/sharing/sql/), whatever the dialect.
import { openDatabase } from '../storage/database/open-database.js';
import type { Database } from '../storage/database/database.js';
import type { PublicationLedger } from './ledger/publication-ledger.js';
import { ensureOrgIdentity, type OrgKeys } from './partners/org-identity-store.js';
import type { PartnerRegistry } from './partners/partner-registry.js';
import { SHARING_MIGRATIONS } from './sql/sharing-migrations.js';
import { createPartnerRegistry } from './sql/sql-partner-registry.js';
import { createPublicationLedger } from './sql/sql-publication-ledger.js';
import { createStatusStore } from './sql/sql-status-store.js';
import type { TaxiiStatusStore } from './taxii/taxii-status-store.js';

export interface SharingContext {
  registry: PartnerRegistry;
  ledger: PublicationLedger;
  statuses: TaxiiStatusStore;
  keys: OrgKeys;
  /** Idempotent; closes the database only when the context opened it itself (openSharing with a URL). */
  close(): Promise<void>;
}

export interface OpenSharingOptions {
  /** Clock reading for first-use rows (identity, default collection). */
  now: string;
  /** Rename the organisation (its STIX identity name). */
  orgName?: string;
  /** The SQLite busy timeout (ignored on PostgreSQL). */
  busyTimeoutMs?: number;
  /** The PostgreSQL pool size (default 4; ignored on SQLite). */
  maxConnections?: number;
}

/** The sharing tables on the process's database, migrated (own migrations table); closing the context leaves `db` open. */
export async function openSharingOn(
  db: Database,
  options: Pick<OpenSharingOptions, 'now' | 'orgName'>,
): Promise<SharingContext> {
  await db.migrate(SHARING_MIGRATIONS, options.now);
  const keys = await ensureOrgIdentity(db, options.now, options.orgName);
  return {
    registry: createPartnerRegistry(db),
    ledger: createPublicationLedger(db),
    statuses: createStatusStore(db),
    keys,
    close: async () => {},
  };
}

/**
 * Opens the sharing tables in the same database the observation store uses (`--db`: a SQLite path or a PostgreSQL
 * URL) on a database object of their own, migrating them.
 */
export async function openSharing(dbUrl: string, options: OpenSharingOptions): Promise<SharingContext> {
  const db = openDatabase(dbUrl, {
    busyTimeoutMs: options.busyTimeoutMs,
    max: options.maxConnections ?? 4,
    applicationName: 'vigil sharing',
  });
  try {
    return { ...(await openSharingOn(db, options)), close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
