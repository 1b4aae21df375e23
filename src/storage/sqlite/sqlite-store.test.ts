// The Store contract against SQLite files in a temporary directory, plus what only SQLite has: WAL, file locks, paths.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectVigilError, INGESTED_AT, observation } from '../store-contract-fixtures.js';
import { runStoreContract } from '../store.contract.js';
import { openObservationStore } from '../open-store.js';
import { buildObservationQuery, buildSeriesSourceQuery } from '../sql/observation-sql.js';
import { normaliseQuery, normaliseSeriesListQuery } from '../sql/query-options.js';
import type { ObservationQuery } from '../store.js';

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

  it('reads the rows stored since a seq by a range of that seq, not by walking each series', async () => {
    const path = freshPath();
    const store = openObservationStore(path);
    await store.migrate();
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      const plan = (query: ObservationQuery) => {
        const { sql, params } = buildObservationQuery(normaliseQuery(query), { param: () => '?' });
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      };
      // Every row since: the primary-key range.
      expect(plan({ allRevisions: true, afterSeq: 10 })).toContainEqual(
        expect.stringMatching(/SEARCH observations USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)/),
      );
      // Some series' rows since: each series' seq range, so rows of other series stored since are not read.
      const some = plan({ series: ['a.b', 'c.d'], allRevisions: true, afterSeq: 10 });
      expect(some).toContainEqual(
        expect.stringMatching(
          /SEARCH observations USING INDEX observations_series_seq \(series=\? AND seq>\? AND seq<\?\)/,
        ),
      );
      expect(some.some((d) => d.includes('observations_as_of'))).toBe(false);
    } finally {
      db.close();
    }
  });
  it('looks for a newer revision by seeking the as-of index past (published_at, seq), not by scanning the claim', async () => {
    // The OR form (`a > x OR (a = x AND b > y)`) made SQLite read every revision of a claim for each of its revisions:
    // 6,000 revisions of one claim took 1.8 s to summarise. The row value bounds the search from below.
    const path = freshPath();
    const store = openObservationStore(path);
    await store.migrate();
    await store.close();
    const db = new Database(path, { readonly: true });
    try {
      for (const { sql, params } of [
        buildSeriesSourceQuery(normaliseSeriesListQuery({ asOf: '2024-01-01T00:00:00.000Z' }), { param: () => '?' }),
        buildObservationQuery(normaliseQuery({ series: ['a.b'] }), { param: () => '?' }),
      ]) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
          (r) => r.detail,
        );
        expect(plan.some((d) => /SEARCH n USING COVERING INDEX observations_as_of \(.*published_at>\?/.test(d))).toBe(
          true,
        );
      }
    } finally {
      db.close();
    }
  });
});
