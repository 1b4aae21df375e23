// Deployed databases upgrade in place: a SQLite file and a PostgreSQL schema written by Vigil before the database
// layer (test/fixtures/legacy-databases/: the per-dialect adapters of commit d410abd, every family migrated, rows in
// each) open through the composition root with the one migration runner, keep their version tables, rows and keys,
// and take new writes in every family.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openVigil } from '../src/app/open-vigil.js';
import { DEFAULT_PACK, PACKAGE_ROOT } from '../src/app/paths.js';
import { withId } from '../src/model/index.js';
import { loadPack } from '../src/packs/pack-loader.js';
import { LATEST_VERSION } from '../src/sharing/ledger/publication-ledger.js';
import { DEFAULT_COLLECTION } from '../src/sharing/partners/collections.js';
import { parsePgUrl } from '../src/storage/database/pg-url.js';
import {
  dropSchema,
  freshSchemaName,
  PG_TEST_URL,
  pgSkipReason,
  schemaUrl,
} from '../src/storage/postgres/pg-test-support.js';
import { verifyAuditChain } from '../src/users/audit-chain.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'legacy-databases');
const NOW = '2026-02-01T00:00:00.000Z';
const pack = loadPack(DEFAULT_PACK);
const KEYS = {
  sqlite: {
    token: 'vgl_84OcUHQlYV0Hzmk7cUgRW8twXRPTTa4WT96xDekqtbg',
    publicKey: 'ed25519:I-PR2txPulMyo6N9fGcPIKvpllBg5OqcQ4TiHR7Z-UE',
  },
  postgres: {
    token: 'vgl_vkUbaVynXE9gOyxPrNjXHRZMrV_h5--YK78DqXeaFEQ',
    publicKey: 'ed25519:5qFZZyXr8yqOoWNTf1I_qOhtP1YQk_UrVYkdpQ6e-1s',
  },
};

/** Opens the legacy database as a deployed instance would (openVigil) and checks every family. */
async function upgradesInPlace(url: string, keys: { token: string; publicKey: string }): Promise<void> {
  const vigil = await openVigil({ databaseUrl: url, pack, database: { max: 2 } }, () => new Date(NOW));
  try {
    // Observations and settings: the rows kept, the next write continues the sequence.
    const { store } = vigil;
    expect((await store.queryObservations({ allRevisions: true })).map((o) => o.value)).toEqual([10, 12]);
    expect(await store.getSetting('pack')).toEqual({ id: 'taiwan-strait' });
    const next = withId({
      series: 'legacy.added',
      value: 1,
      unit: 'count',
      periodStart: '2024-06-01T00:00:00.000Z',
      periodEnd: '2024-06-02T00:00:00.000Z',
      publishedAt: '2024-06-02T00:00:00.000Z',
      source: 'test',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
    });
    expect(await store.putObservations([next], '2024-06-02T01:00:00.000Z')).toEqual({ inserted: 1, unchanged: 0 });
    expect((await store.getObservation(next.id))?.seq).toBe(3);

    // Users and the audit chain: the chain continues and still verifies.
    const { users } = vigil;
    expect((await users.findUserByName('alice'))?.role).toBe('admin');
    const entry = await users.appendAudit({
      at: '2024-06-02T01:00:00.000Z',
      actor: 'cli:test',
      action: 'test.upgrade',
      target: '',
      details: {},
    });
    expect(entry.seq).toBe(2);
    expect(verifyAuditChain(await users.listAudit())).toMatchObject({ ok: true, entries: 2 });

    // Alerts: alert, acknowledgement, engine meta and outbox kept; the logs' sequences continue.
    const alerts = vigil.alerts;
    const snapshot = await alerts.loadSnapshot(NOW);
    expect(snapshot.alerts.map((a) => [a.id, a.status, a.value])).toEqual([['legacy0alert01', 'firing', 4]]);
    expect(snapshot.acks.map((a) => [a.by, a.timeToAckMs])).toEqual([['lin', 60_000]]);
    expect(await alerts.getMeta('lastDay')).toBe('2025-12-31');
    expect((await alerts.listOutbox()).map((e) => [e.id, e.status, e.notification.id])).toEqual([
      ['legacy-n1.hook', 'pending', 'legacy-n1'],
    ]);
    await alerts.commitCycle({
      alerts: [{ ...snapshot.alerts[0], status: 'resolved', resolvedAt: NOW }],
      groups: [],
      deletedGroups: [],
      notifications: [],
      transitions: [
        { alertId: 'legacy0alert01', fingerprint: 'f1', rule: 'LevelAlert', from: 'firing', to: 'resolved', at: NOW },
      ],
    });
    expect((await alerts.listTransitions()).map((t) => [t.seq, t.to])).toEqual([
      [1, 'firing'],
      [2, 'resolved'],
    ]);
    const [claimed] = await alerts.claimOutbox({ now: NOW, leaseMs: 60_000, limit: 5 });
    expect(claimed).toMatchObject({ id: 'legacy-n1.hook', attempts: 1 });

    // Sharing: identity and key, collections, the partner's token, the ledger's sequence.
    const sharing = await vigil.sharing();
    expect(sharing.keys.identity).toMatchObject({ name: 'Legacy Org', publicKey: keys.publicKey });
    expect(await sharing.registry.listCollections()).toEqual([DEFAULT_COLLECTION]);
    expect(await sharing.registry.partnerForToken(keys.token)).toMatchObject({
      name: 'beta',
      tlpMax: 'green',
      canWrite: true,
      collections: [DEFAULT_COLLECTION.id],
    });
    const note = { type: 'note', id: 'note--00000000-0000-4000-8000-000000000002', spec_version: '2.1' };
    expect((await sharing.ledger.publish(note, 'alert', 'green', NOW)).added).toBe(true);
    expect(
      (await sharing.ledger.query({ tlpMax: 'green', kinds: ['alert'], versions: LATEST_VERSION })).map((e) => e.seq),
    ).toEqual([1, 2]);

    // Every family kept its version table; the steps the legacy database had did not run again.
    const versions = async (table: string) =>
      (await vigil.db.rows<{ version: number }>(`SELECT version FROM ${table} ORDER BY version`)).map((r) =>
        Number(r.version),
      );
    // Step 2 of the observation and alerting families (indexes) came after the legacy layout: they run on the upgrade.
    expect(await versions('schema_migrations')).toEqual([1, 2]);
    expect(await versions('alerting_schema_migrations')).toEqual([1, 2]);
    expect(await versions('sharing_schema_migrations')).toEqual([1]);
    expect((await versions('users_schema_migrations'))[0]).toBe(1);
  } finally {
    await vigil.close();
  }
}

describe('a SQLite file from before the database layer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens through openVigil, keeps its rows, keys and version tables, and takes new writes', async () => {
    const path = join(dir, 'legacy.db');
    const legacy = new Database(path);
    legacy.exec(readFileSync(join(FIXTURES, 'v1.sqlite.sql'), 'utf8'));
    legacy.close();
    await upgradesInPlace(path, KEYS.sqlite);
  });
});

const skip = await pgSkipReason();

describe.skipIf(skip !== undefined)(skip ?? 'a PostgreSQL schema from before the database layer', () => {
  it('opens through openVigil, keeps its rows, keys and version tables, and takes new writes', async () => {
    const schema = freshSchemaName('vigil_legacy_test');
    const client = new pg.Client({ connectionString: parsePgUrl(PG_TEST_URL).connectionString });
    await client.connect();
    try {
      await client.query(readFileSync(join(FIXTURES, 'v1.postgres.sql'), 'utf8').replaceAll('__SCHEMA__', schema));
    } finally {
      await client.end();
    }
    try {
      await upgradesInPlace(schemaUrl(schema), KEYS.postgres);
    } finally {
      await dropSchema(schema);
    }
  });
});
