// Opens the sharing side of a Vigil database: partner registry, publication ledger, TAXII statuses and the org's keys.
import { vigilError } from '../errors/index.js';
import { openSqliteDatabase } from '../storage/sqlite/sqlite-driver.js';
import { translateSqliteError } from '../storage/sqlite/sqlite-errors.js';
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
  if (isPgUrl(dbUrl)) return openPgSharing(dbUrl, options);
  const path = sqlitePathOf(dbUrl);
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

function isPgUrl(url: string): boolean {
  return /^postgres(ql)?:/i.test(url);
}

/** `sqlite:PATH`, `sqlite://PATH`, `:memory:` or a plain path, as `vigil --db` accepts. */
export function sqlitePathOf(url: string): string {
  const match = /^([a-z][a-z0-9+.-]+):(\/\/)?/i.exec(url);
  const scheme = match?.[1].toLowerCase();
  if (scheme === 'sqlite') {
    const rest = url.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw vigilError('VIGIL_CONFIG_INVALID', 'invalid database URL sqlite: (expected sqlite:PATH)');
    return path;
  }
  if (match?.[2] !== undefined) {
    throw vigilError('VIGIL_CONFIG_INVALID', `partner sharing has no adapter for ${scheme}: URLs; use a SQLite path, sqlite:PATH or postgres://…`);
  }
  return url;
}
