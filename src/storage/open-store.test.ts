// Tests for choosing a Store adapter from a database URL and for where that URL comes from.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, resolveDbUrl } from './open-store.js';
import { expectVigilError, INGESTED_AT, observation } from './store-contract-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('resolveDbUrl', () => {
  it('prefers the flag, then the environment value, then ./vigil.db; blanks count as absent', () => {
    expect(resolveDbUrl('sqlite:a.db', 'b.db')).toBe('sqlite:a.db');
    expect(resolveDbUrl(undefined, 'b.db')).toBe('b.db');
    expect(resolveDbUrl(' ', '')).toBe('./vigil.db');
    expect(resolveDbUrl()).toBe('./vigil.db');
  });
});

describe('openStore', () => {
  it('opens SQLite for sqlite:PATH, sqlite://PATH, a plain path and :memory:', async () => {
    for (const [url, file] of [
      [`sqlite:${join(dir, 'a.db')}`, join(dir, 'a.db')],
      [`sqlite://${join(dir, 'b.db')}`, join(dir, 'b.db')],
      [join(dir, 'c.db'), join(dir, 'c.db')],
      [':memory:', undefined],
      ['sqlite::memory:', undefined],
    ] as const) {
      const store = await openStore(url);
      expect(store.dialect).toBe('sqlite');
      await store.migrate();
      expect(await store.putObservations([observation()], INGESTED_AT)).toEqual({ inserted: 1, unchanged: 0 });
      await store.close();
      if (file !== undefined) expect(existsSync(file)).toBe(true);
    }
  });

  it('opens PostgreSQL for postgres:// and postgresql:// URLs, connecting lazily and never echoing the password', async () => {
    for (const url of ['postgres://vigil:s3cret@127.0.0.1:1/vigil', 'postgresql://vigil:s3cret@127.0.0.1:1/vigil']) {
      const store = await openStore(url);
      expect(store.dialect).toBe('postgres');
      const error = await expectVigilError(store.migrate(), 'VIGIL_STORE_UNAVAILABLE');
      expect(error.message).not.toContain('s3cret');
      await store.close();
    }
  });

  it('rejects unknown URL schemes and an empty sqlite path', async () => {
    const error = await expectVigilError(openStore('mysql://root:pw@localhost/vigil'), 'VIGIL_CONFIG_INVALID');
    expect(error.message).not.toContain('pw@');
    await expectVigilError(openStore('sqlite:'), 'VIGIL_CONFIG_INVALID');
  });

  it('reports a path it cannot open as VIGIL_STORE_UNAVAILABLE', async () => {
    await expectVigilError(openStore(join(dir, 'missing', 'x.db')), 'VIGIL_STORE_UNAVAILABLE');
  });
});
