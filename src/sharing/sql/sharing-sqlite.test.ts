// The sharing contracts (partner registry with identity and migrations, publication ledger, TAXII statuses) against
// the SQLite adapters, plus what is particular to SQLite: one file shared with the observation store, URL forms.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openObservationStore } from '../../storage/open-store.js';
import { runPublicationLedgerContract } from '../ledger/publication-ledger.contract.js';
import { runPartnerRegistryContract } from '../partners/partner-registry.contract.js';
import { openSharing } from '../sharing-context.js';
import { sqliteSharingHarness } from '../sharing-fixtures.js';
import { runTaxiiStatusStoreContract } from '../taxii/taxii-status-store.contract.js';

runPartnerRegistryContract('sqlite file', sqliteSharingHarness);
runPublicationLedgerContract('sqlite file', sqliteSharingHarness);
runTaxiiStatusStoreContract('sqlite file', sqliteSharingHarness);

describe('SQLite sharing tables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-sharing-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('live in the observation store’s file, each with its own migrations table', async () => {
    const path = join(dir, 'shared.db');
    const store = openObservationStore(path);
    await store.migrate();
    const sharing = await openSharing(`sqlite:${path}`, { now: '2026-01-01T00:00:00.000Z' });
    await store.migrate();
    await sharing.close();
    await sharing.close();
    await store.close();
    const db = new Database(path, { readonly: true });
    const tables = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sharing_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((t) => t.name);
    db.close();
    expect(tables).toEqual([
      'sharing_collections',
      'sharing_identity',
      'sharing_objects',
      'sharing_partner_collections',
      'sharing_partners',
      'sharing_schema_migrations',
      'sharing_statuses',
    ]);
  });
});
