// The Store contract against SQLite files in a temporary directory, plus what only SQLite has: WAL, file locks, paths.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectVigilError, INGESTED_AT, observation } from '../store-contract-fixtures.js';
import { runStoreContract } from '../store.contract.js';
import { openObservationStore } from '../open-store.js';
import { buildObservationQuery } from '../sql/observation-sql.js';
import { normaliseQuery } from '../sql/query-options.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-sqlite-'));
let files = 0;
const freshPath = () => join(dir, `store-${++files}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite file', async () => {
  const store = openObservationStore(freshPath());
  await store.migrate();
  return store;
});

describe('SQLite store', () => {
  it('opens in WAL mode with foreign keys on', async () => {
    const path = freshPath();
    const store = openObservationStore(path);
    await store.migrate();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
      await store.close();
    }
  });

  it('reports a database held by another writer as VIGIL_STORE_LOCKED, in one line', async () => {
    const path = freshPath();
    const store = openObservationStore(path, { busyTimeoutMs: 50 });
    await store.migrate();
    const other = new Database(path);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const error = await expectVigilError(store.putObservations([observation()], INGESTED_AT), 'VIGIL_STORE_LOCKED');
      expect(error.message).toBe(`database ${path} is locked by another process`);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.putObservations([observation()], INGESTED_AT)).toEqual({ inserted: 1, unchanged: 0 });
    await store.close();
  });

  it('reports an unopenable path as VIGIL_STORE_UNAVAILABLE naming the path', () => {
    const missingDir = join(dir, 'no-such-dir', 'vigil.db');
    expect(() => openObservationStore(missingDir)).toThrow(
      expect.objectContaining({ code: 'VIGIL_STORE_UNAVAILABLE' }),
    );
    expect(() => openObservationStore(missingDir)).toThrow(missingDir);
    expect(() => openObservationStore(dir)).toThrow(expect.objectContaining({ code: 'VIGIL_STORE_UNAVAILABLE' }));
  });

  it('refuses a database migrated by a newer Vigil', async () => {
    const path = freshPath();
    const store = openObservationStore(path);
    await store.migrate();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '')").run();
    db.close();
    const error = await expectVigilError(store.migrate(), 'VIGIL_STORE_UNAVAILABLE');
    expect(error.message).toContain('999');
    await store.close();
  });

  it('works in memory', async () => {
    const store = openObservationStore(':memory:');
    await store.migrate();
    expect(await store.putObservations([observation()], INGESTED_AT)).toEqual({ inserted: 1, unchanged: 0 });
    await store.close();
  });

  it('reads the rows stored since a seq by the primary-key range, not by walking each series', async () => {
    const path = freshPath();
    const store = openObservationStore(path);
    await store.migrate();
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      const { sql, params } = buildObservationQuery(
        normaliseQuery({ series: ['a.b', 'c.d'], allRevisions: true, afterSeq: 10 }),
        { param: () => '?' },
      );
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
        (r) => r.detail,
      );
      expect(plan.some((d) => /SEARCH observations USING INTEGER PRIMARY KEY \(rowid>\?\)/.test(d))).toBe(true);
      expect(plan.some((d) => d.includes('observations_as_of'))).toBe(false);
    } finally {
      db.close();
    }
  });
});
