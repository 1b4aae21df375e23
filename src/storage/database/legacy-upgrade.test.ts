// Databases written by Vigil before the Kysely layer (fixtures/: a SQLite file and a PostgreSQL schema made by the
// per-dialect adapters of commit d410abd, every family migrated) open with the one migration runner, keep their
// version tables and rows, and take new writes.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withId } from '../../model/index.js';
import { verifyAuditChain } from '../../users/audit-chain.js';
import { openUserStore } from '../../users/open-user-store.js';
import { openObservationStore } from '../open-store.js';
import { dropSchema, freshSchemaName, pgSkipReason, PG_TEST_URL, schemaUrl } from '../postgres/pg-test-support.js';
import { parsePgUrl } from './pg-url.js';
import { openDatabase } from './open-database.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'vigil-legacy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectUpgradedInPlace(url: string): Promise<void> {
  const store = openObservationStore(url);
  await store.migrate();
  const before = await store.queryObservations({ allRevisions: true });
  expect(before.map((o) => o.value)).toEqual([10, 12]);
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
  await store.close();
  const users = openUserStore(url);
  await users.migrate();
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
  await users.close();
  const db = openDatabase(url);
  try {
    for (const table of [
      'schema_migrations',
      'users_schema_migrations',
      'alerting_schema_migrations',
      'sharing_schema_migrations',
    ]) {
      const rows = await db.rows<{ version: number }>(`SELECT version FROM ${table} ORDER BY version`);
      expect(rows.length, table).toBeGreaterThan(0);
    }
    expect(
      (await db.rows<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    ).toEqual([1]);
  } finally {
    await db.close();
  }
}

const skip = await pgSkipReason();

describe('databases made before the Kysely layer', () => {
  it('a SQLite file upgrades in place', async () => {
    const path = join(dir, 'legacy.db');
    const legacy = new Database(path);
    legacy.exec(fixture('legacy-sqlite.sql'));
    legacy.close();
    await expectUpgradedInPlace(path);
  });

  it.skipIf(skip !== undefined)('a PostgreSQL schema upgrades in place', async () => {
    const schema = freshSchemaName('vigil_legacy');
    const client = new pg.Client({ connectionString: parsePgUrl(PG_TEST_URL).connectionString });
    await client.connect();
    try {
      await client.query(fixture('legacy-postgres.sql').replaceAll('vigil_legacy_fixture', schema));
    } finally {
      await client.end();
    }
    try {
      await expectUpgradedInPlace(schemaUrl(schema));
    } finally {
      await dropSchema(schema);
    }
  });
});
