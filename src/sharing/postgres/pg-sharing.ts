// Opens the sharing tables in a PostgreSQL database (the one `--db postgres://…` names, in its `?schema=`), migrating
// them (own migrations table): one pool for the registry, the ledger, TAXII statuses and the org's keys.
import { openPgDatabase } from '../../storage/postgres/pg-database.js';
import type { OpenSharingOptions, SharingContext } from '../sharing-context.js';
import { migratePgSharing } from './pg-sharing-migrations.js';
import { ensurePgOrgIdentity } from './pg-org-identity.js';
import { createPgPartnerRegistry } from './pg-partner-registry.js';
import { createPgPublicationLedger } from './pg-publication-ledger.js';
import { createPgStatusStore } from './pg-status-store.js';

export async function openPgSharing(url: string, options: OpenSharingOptions): Promise<SharingContext> {
  const db = openPgDatabase(url, { max: options.maxConnections ?? 4, applicationName: 'vigil sharing' });
  try {
    await db.guard(() => migratePgSharing(db.pool, db.location.schema, db.location.label, options.now));
    const keys = await ensurePgOrgIdentity(db, options.now, options.orgName);
    return {
      registry: createPgPartnerRegistry(db),
      ledger: createPgPublicationLedger(db),
      statuses: createPgStatusStore(db),
      keys,
      close: () => db.close(),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
