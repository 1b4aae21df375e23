// Opens the sharing side of a Vigil database: partner registry, publication ledger, TAXII statuses and the org's keys.
import { parseDatabaseUrl } from '../storage/database-url.js';
import { openSqliteDatabase } from '../storage/sqlite/sqlite-driver.js';
import { translateSqliteError } from '../storage/database/sqlite-errors.js';
import type { PublicationLedger } from './ledger/publication-ledger.js';
import { createSqlitePublicationLedger } from './ledger/sqlite-publication-ledger.js';
import { ensureOrgIdentity, type OrgKeys } from './partners/org-identity-store.js';
import type { PartnerRegistry } from './partners/partner-registry.js';
import { migrateSharing } from './partners/sharing-migrations.js';
import { createSqlitePartnerRegistry } from './partners/sqlite-partner-registry.js';
import { openPgSharing } from './postgres/pg-sharing.js';
import { createSqliteStatusStore, type TaxiiStatusStore } from './taxii/taxii-status-store.js';

export interface SharingContext {
  registry: PartnerRegistry;
  ledger: PublicationLedger;
  statuses: TaxiiStatusStore;
  keys: OrgKeys;
  /** Idempotent. */
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

/**
 * Opens the sharing tables in the same database the observation store uses (`--db`: a SQLite path or a PostgreSQL
 * URL), migrating them (own migrations table).
 */
export async function openSharing(dbUrl: string, options: OpenSharingOptions): Promise<SharingContext> {
  const target = parseDatabaseUrl(dbUrl);
  if (target.dialect === 'postgres') return openPgSharing(target.url, options);
  const { path } = target;
  const db = openSqliteDatabase(path, options.busyTimeoutMs);
  try {
    migrateSharing(db, path, options.now);
    const keys = ensureOrgIdentity(db, options.now, options.orgName);
    return {
      registry: createSqlitePartnerRegistry(db),
      ledger: createSqlitePublicationLedger(db),
      statuses: createSqliteStatusStore(db),
      keys,
      close: async () => void db.close(),
    };
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path);
  }
}

/** The sharing tables for an API server on `dbUrl` (SQLite or PostgreSQL). */
export function openServerSharing(dbUrl: string, now: string, orgName?: string): Promise<SharingContext> {
  return openSharing(dbUrl, { now, orgName: orgName || undefined });
}
