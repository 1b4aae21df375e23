// A partner's TAXII POST is one transaction on both engines: its observations, the ledger entries of what it kept,
// its status resource and its one `taxii.add` audit entry commit together; if any of those inserts fails, the POST is
// refused and nothing of it is stored.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { refuseInserts } from '../../storage/database/refuse-inserts-test-support.js';
import { pgSkipReason } from '../../storage/postgres/pg-test-support.js';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import {
  createPgTestInstance,
  createTaxiiApp,
  createTestInstance,
  sampleObservation,
  type TestInstance,
} from '../sharing-fixtures.js';
import { observationToStix } from '../stix/observation-to-stix.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

const NOW = '2026-01-01T00:00:00.000Z';
const OTHER_ORG = 'identity--6f4e0a2a-6c2b-5a40-9b7f-2d3c1f3e9a10';
const indicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--2ed6657d-e927-568b-95e1-2665a8aea6a2',
  created: NOW,
  modified: NOW,
  pattern: "[ipv4-addr:value = '198.51.100.1']",
  pattern_type: 'stix',
  valid_from: NOW,
};

const open: { instance: TestInstance; app: FastifyInstance }[] = [];
afterEach(async () => {
  for (const { instance, app } of open.splice(0)) {
    await app.close();
    await instance.close();
  }
});

async function serve(instance: TestInstance) {
  const app = await createTaxiiApp(instance, { now: () => new Date(NOW) });
  open.push({ instance, app });
  const { token } = await instance.sharing.registry.addPartner(
    { name: 'gamma', tlpMax: 'amber', collections: ['default'], canWrite: true },
    NOW,
  );
  const objects = [...observationToStix(sampleObservation({ value: 7, tlp: 'green' }), OTHER_ORG), indicator];
  return () =>
    app.inject({
      method: 'POST',
      url: `/taxii2/vigil/collections/${DEFAULT_COLLECTION.id}/objects/`,
      payload: JSON.stringify({ objects }),
      headers: { accept: TAXII_MEDIA_TYPE, 'content-type': TAXII_MEDIA_TYPE, authorization: `Bearer ${token}` },
    });
}

async function written(instance: TestInstance) {
  const db = instance.vigil.db;
  const count = async (table: string) =>
    Number((await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return {
    observations: count('observations'),
    ledger: count('sharing_objects'),
    statuses: count('sharing_statuses'),
    audit: (await instance.vigil.users.listAudit()).map((e) => [e.actor, e.action]),
  };
}

const skip = await pgSkipReason();
const dialects: [string, () => Promise<TestInstance>, boolean][] = [
  ['SQLite', () => createTestInstance('taxii-tx', NOW), false],
  ['PostgreSQL', () => createPgTestInstance('taxii-tx', NOW), skip !== undefined],
];

describe.each(dialects)('a TAXII POST on %s', (_name, create, skipped) => {
  it.skipIf(skipped)('stores observations, ledger entry, status and one taxii.add audit entry together', async () => {
    const instance = await create();
    const post = await serve(instance);
    const res = await post();
    expect(res.statusCode, res.body).toBe(202);
    const w = await written(instance);
    expect(await w.observations).toBe(1);
    expect(await w.ledger).toBe(1);
    expect(await w.statuses).toBe(1);
    expect(w.audit).toEqual([['partner:gamma', 'taxii.add']]);
    const [entry] = await instance.vigil.users.listAudit();
    expect(entry.details).toMatchObject({ observations: 1, inserted: 1, kept: 1, skipped: 0 });
  });

  it.each([['users_audit'], ['sharing_objects'], ['sharing_statuses'], ['observations']])(
    'stores nothing when an insert into %s fails',
    async (table) => {
      if (skipped) return;
      const instance = await create();
      const post = await serve(instance);
      await refuseInserts(instance.vigil.db, table);
      const res = await post();
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      const w = await written(instance);
      expect(await w.observations).toBe(0);
      expect(await w.ledger).toBe(0);
      expect(await w.statuses).toBe(0);
      expect(w.audit).toEqual([]);
    },
  );
});
