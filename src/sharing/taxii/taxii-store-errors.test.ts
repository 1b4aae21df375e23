// What a TAXII client sees when the database refuses a write, the same on SQLite and PostgreSQL: a conflict is 409 and
// a locked database 503, each as a TAXII error with the registry code, never a 500 carrying a driver's message.
import Database from 'better-sqlite3';
import type * as Crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pgSkipReason } from '../../storage/postgres/pg-test-support.js';
import { createPgTestInstance, createTaxiiApp, createTestInstance, type TestInstance } from '../sharing-fixtures.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

// Every status resource gets the same id, so the second POST's status collides with the first's.
vi.mock('node:crypto', async (original) => ({
  ...(await original<typeof Crypto>()),
  randomUUID: () => '2ed6657d-e927-468b-95e1-2665a8aea6a2',
}));

const NOW = '2026-01-01T00:00:00.000Z';
const URL = '/taxii2/vigil/collections/default/objects/';
const indicator = JSON.stringify({
  objects: [
    {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--2ed6657d-e927-568b-95e1-2665a8aea6a2',
      created: NOW,
      modified: NOW,
      pattern: "[ipv4-addr:value = '198.51.100.1']",
      pattern_type: 'stix',
      valid_from: NOW,
    },
  ],
});

const open: { instance: TestInstance; app: FastifyInstance }[] = [];
afterEach(async () => {
  for (const { instance, app } of open.splice(0)) {
    await app.close();
    await instance.close();
  }
});

/** A TAXII server on `instance` and a partner that may write to the default collection. */
async function serve(instance: TestInstance) {
  const app = await createTaxiiApp(instance);
  open.push({ instance, app });
  const { token } = await instance.sharing.registry.addPartner(
    { name: 'gamma', tlpMax: 'green', collections: ['default'], canWrite: true },
    NOW,
  );
  return () =>
    app.inject({
      method: 'POST',
      url: URL,
      payload: indicator,
      headers: { accept: TAXII_MEDIA_TYPE, 'content-type': TAXII_MEDIA_TYPE, authorization: `Bearer ${token}` },
    });
}

const skip = await pgSkipReason();
const dialects: [string, () => Promise<TestInstance>, boolean][] = [
  ['SQLite', () => createTestInstance('taxii-errors', NOW), false],
  ['PostgreSQL', () => createPgTestInstance('taxii-errors', NOW), skip !== undefined],
];

describe.each(dialects)('TAXII write errors on %s', (_name, create, skipped) => {
  it.skipIf(skipped)('answers a conflicting write with 409 VIGIL_CONFLICT as a TAXII error', async () => {
    const post = await serve(await create());
    expect((await post()).statusCode).toBe(202);
    const res = await post();
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(JSON.parse(res.body)).toMatchObject({ http_status: '409', error_code: 'VIGIL_CONFLICT' });
  });
});

describe('TAXII write errors on a locked SQLite file', () => {
  it('answers 503 VIGIL_STORE_LOCKED while another process holds the write lock', async () => {
    const instance = await createTestInstance('locked', NOW, { busyTimeoutMs: 50 });
    const dbPath = instance.dbPath;
    const post = await serve(instance);
    const other = new Database(dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const res = await post();
      expect(res.statusCode).toBe(503);
      expect(JSON.parse(res.body)).toMatchObject({ http_status: '503', error_code: 'VIGIL_STORE_LOCKED' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await post()).statusCode).toBe(202);
  });
});
