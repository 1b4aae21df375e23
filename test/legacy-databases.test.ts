// Deployed databases upgrade in place: a SQLite file and a PostgreSQL schema created by the per-dialect alerting and
// sharing adapters (test/fixtures/legacy-databases/) open with the adapters written once, keep their rows, version
// tables and keys, and take new writes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/app/paths.js';
import { openAlertStore } from '../src/alerting/open-alert-store.js';
import { LATEST_VERSION } from '../src/sharing/ledger/publication-ledger.js';
import { DEFAULT_COLLECTION } from '../src/sharing/partners/collections.js';
import { openSharing } from '../src/sharing/sharing-context.js';
import { openDatabase } from '../src/storage/database/open-database.js';
import {
  dropSchema,
  freshSchemaName,
  PG_TEST_URL,
  pgSkipReason,
  schemaUrl,
} from '../src/storage/postgres/pg-test-support.js';
import { parsePgUrl } from '../src/storage/database/pg-url.js';

const FIXTURES = join(PACKAGE_ROOT, 'test', 'fixtures', 'legacy-databases');
const NOW = '2026-02-01T00:00:00.000Z';
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

/** Opens the legacy database with today's adapters and checks it as a deployed instance would use it. */
async function upgradesInPlace(url: string, keys: { token: string; publicKey: string }): Promise<void> {
  const alerts = openAlertStore(url);
  try {
    await alerts.migrate();
    const snapshot = await alerts.loadSnapshot(NOW);
    expect(snapshot.alerts.map((a) => [a.id, a.status, a.value])).toEqual([['legacy0alert01', 'firing', 4]]);
    expect(snapshot.acks.map((a) => [a.by, a.timeToAckMs])).toEqual([['lin', 60_000]]);
    expect(await alerts.getMeta('lastDay')).toBe('2025-12-31');
    expect((await alerts.listOutbox()).map((e) => [e.id, e.status, e.notification.id])).toEqual([
      ['legacy-n1.hook', 'pending', 'legacy-n1'],
    ]);
    // New rows continue the logs' sequences.
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
  } finally {
    await alerts.close();
  }

  const sharing = await openSharing(url, { now: NOW });
  try {
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
  } finally {
    await sharing.close();
  }

  // Still one applied step per family: nothing re-ran.
  const db = openDatabase(url);
  try {
    for (const table of ['alerting_schema_migrations', 'sharing_schema_migrations']) {
      expect(
        (await db.rows<{ version: number }>(`SELECT version FROM ${table}`)).map((r) => Number(r.version)),
      ).toEqual([1]);
    }
  } finally {
    await db.close();
  }
}

describe('a SQLite file from the per-dialect adapters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens with the adapters written once, keeps its rows and keys, and takes new writes', async () => {
    const path = join(dir, 'legacy.db');
    const legacy = new Database(path);
    legacy.exec(readFileSync(join(FIXTURES, 'alerting-sharing-v1.sqlite.sql'), 'utf8'));
    legacy.close();
    await upgradesInPlace(path, KEYS.sqlite);
  });
});

const skip = await pgSkipReason();

describe.skipIf(skip !== undefined)(skip ?? 'a PostgreSQL schema from the per-dialect adapters', () => {
  it('opens with the adapters written once, keeps its rows and keys, and takes new writes', async () => {
    const schema = freshSchemaName('vigil_legacy_test');
    const client = new pg.Client({ connectionString: parsePgUrl(PG_TEST_URL).connectionString });
    await client.connect();
    try {
      await client.query(
        readFileSync(join(FIXTURES, 'alerting-sharing-v1.postgres.sql'), 'utf8').replaceAll('__SCHEMA__', schema),
      );
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
