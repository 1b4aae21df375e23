// Two Vigil instances on loopback with real HTTP: A shares GREEN and AMBER data, B is cleared for GREEN, pulls with
// its TAXII client (paging, added_after high-water mark, signatures) and assesses with what it received.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../../test/support/analysis-fixtures.js';
import { assessAt } from '../../app/assess-at.js';
import { withId, type Observation } from '../../model/index.js';
import { refuseInserts } from '../../storage/database/refuse-inserts-test-support.js';
import { parseDay } from '../../time/zone.js';
import { publishAssessments } from '../publish.js';
import { createTaxiiApp, createTestInstance, publishDeps, pullDeps, type TestInstance } from '../sharing-fixtures.js';
import { generateSigningKey } from '../signing/ed25519-keys.js';
import { pullPartner } from './partner-sync.js';

const pack = testPack();
const DAY = parseDay('2024-04-11'); // the surge of 10 April is published on the 11th
const marked = (list: Observation[], tlp: Observation['tlp']) => list.map(({ id: _id, ...o }) => withId({ ...o, tlp }));
// A holds aircraft counts at GREEN (a surge on the last day), ship counts at AMBER, a trigger at GREEN.
const aircraft = marked(dailyCounts('test.aircraft', '2024-03-01', [...steady(40, 10), 60]), 'green');
const ships = marked(dailyCounts('test.ships', '2024-03-01', [...steady(40, 5), 30]), 'amber');
const trigger = marked([event('test.trigger', '2024-04-09')], 'green');
const later = marked(dailyCounts('test.aircraft', '2024-04-11', [55, 58]), 'green');

let a: TestInstance;
let b: TestInstance;
let server: FastifyInstance;
let url: string;
let bravoToken: string;
const clockB = () => new Date('2026-03-01T00:00:00.000Z');

beforeAll(async () => {
  a = await createTestInstance('alpha');
  b = await createTestInstance('bravo');
  await a.store.putObservations([...aircraft, ...ships, ...trigger], '2026-02-01T00:00:00.000Z');
  bravoToken = (
    await a.sharing.registry.addPartner(
      { name: 'bravo', tlpMax: 'green', collections: ['default'] },
      '2026-02-01T00:00:00.000Z',
    )
  ).token;
  await publishAssessments(publishDeps(a, '2026-02-01T00:00:00.000Z'), pack, [DAY], 'green');
  await publishAssessments(publishDeps(a, '2026-02-01T00:00:00.000Z'), pack, [DAY], 'amber');
  server = await createTaxiiApp(a);
  const address = await server.listen({ host: '127.0.0.1', port: 0 });
  url = `${address}/taxii2/vigil/`;
  await b.sharing.registry.addPartner(
    {
      name: 'alpha',
      tlpMax: 'green',
      collections: [],
      publicKey: a.sharing.keys.identity.publicKey,
      requireSignatures: true,
      remote: { url, token: bravoToken, collection: 'default' },
    },
    '2026-02-01T00:00:00.000Z',
  );
});
afterAll(async () => {
  await server.close();
  await a.close();
  await b.close();
});

describe('two instances exchanging over TAXII on loopback', () => {
  it('B, cleared for GREEN, pulls exactly A’s GREEN observations, signed, as partner observations with their TLP', async () => {
    const result = await pullPartner(pullDeps(b, clockB), 'alpha', { pageSize: 25 });
    expect(result.signature).toBe('verified');
    expect(result.pages).toBeGreaterThan(1);
    expect(result.truncated).toBe(false);
    const stored = await b.store.queryObservations({ allRevisions: true });
    const key = (o: Observation) => `${o.series}|${o.periodStart}|${o.value}`;
    expect(stored.map(key).sort()).toEqual([...aircraft, ...trigger].map(key).sort());
    expect(new Set(stored.map((o) => `${o.source}|${o.tlp}`))).toEqual(new Set(['partner:alpha|green']));
    expect(result.summary).toMatchObject({ inserted: aircraft.length + trigger.length, assessments: 1 });
    // The GREEN assessment came along (kept as received); the AMBER one did not.
    const received = await b.sharing.ledger.received('partner:alpha');
    expect(received.map((r) => [r.object.type, r.tlp])).toEqual([['vigil-assessment', 'green']]);
    expect((await b.sharing.registry.getPartner('alpha'))!.pullAddedAfter).toBe('2026-02-01T00:00:00.000Z');
    // One audit entry for the whole pull, in its transaction.
    expect((await b.vigil.users.listAudit()).map((e) => [e.actor, e.action, e.target])).toEqual([
      ['cli:test', 'partner.pull', url],
    ]);
  });

  it('B’s assessment uses what it received: the aircraft surge, and no ship data it was not cleared for', async () => {
    const assessed = await assessAt(b.store, pack, DAY);
    const air = assessed.indicators.find((i) => i.id === 'air.count')!;
    expect(air.value).toBe(60);
    expect(air.state).toBe('high');
    const fromAlpha = new Set(
      (await b.store.queryObservations({ source: 'partner:alpha', allRevisions: true })).map((o) => o.id),
    );
    expect(air.observationIds.length).toBeGreaterThan(0);
    expect(air.observationIds.every((id) => fromAlpha.has(id))).toBe(true);
    expect(assessed.indicators.find((i) => i.id === 'ships')!.value).toBeNull();
    expect(assessed.indicators.find((i) => i.id === 'air.count')!.value).toBe(
      (await assessAt(a.store, pack, DAY)).indicators.find((i) => i.id === 'air.count')!.value,
    );
  });

  it('a second pull fetches only what A added since (added_after high-water mark)', async () => {
    await a.store.putObservations(later, '2026-02-10T00:00:00.000Z');
    const again = await pullPartner(pullDeps(b, clockB), 'alpha', { pageSize: 25 });
    expect(again.summary).toMatchObject({ observations: 2, inserted: 2, unchanged: 0, assessments: 0 });
    expect(again.addedAfter).toBe('2026-02-10T00:00:00.000Z');
    const nothing = await pullPartner(pullDeps(b, clockB), 'alpha');
    expect(nothing.summary.observations).toBe(0);
  });

  it.each([['users_audit'], ['sharing_objects']])(
    'a pull whose %s insert fails stores nothing and keeps the high-water mark',
    async (table) => {
      const d = await createTestInstance('delta');
      try {
        await d.sharing.registry.addPartner(
          {
            name: 'alpha',
            tlpMax: 'green',
            collections: [],
            publicKey: a.sharing.keys.identity.publicKey,
            requireSignatures: true,
            remote: { url, token: bravoToken, collection: 'default' },
          },
          '2026-02-01T00:00:00.000Z',
        );
        await refuseInserts(d.vigil.db, table);
        await expect(pullPartner(pullDeps(d, clockB), 'alpha')).rejects.toThrow(new RegExp(`${table} refused`));
        expect(await d.store.queryObservations({ allRevisions: true })).toEqual([]);
        expect(await d.sharing.ledger.received('partner:alpha')).toEqual([]);
        expect((await d.sharing.registry.getPartner('alpha'))!.pullAddedAfter).toBeUndefined();
        expect(await d.vigil.users.listAudit()).toEqual([]);
      } finally {
        await d.close();
      }
    },
  );

  it('refuses content signed by another key, and a revoked token, storing nothing', async () => {
    const c = await createTestInstance('charlie');
    try {
      const deps = pullDeps(c, clockB);
      await c.sharing.registry.addPartner(
        {
          name: 'alpha',
          tlpMax: 'green',
          collections: [],
          publicKey: generateSigningKey().publicKey,
          requireSignatures: true,
          remote: { url, token: bravoToken, collection: 'default' },
        },
        '2026-02-01T00:00:00.000Z',
      );
      await expect(pullPartner(deps, 'alpha')).rejects.toMatchObject({ code: 'VIGIL_SIGNATURE_INVALID' });
      await c.sharing.registry.updatePartner('alpha', {
        remote: { url, token: 'vgl_revokedrevokedrevokedrevokedrevokedrevoke', collection: 'default' },
      });
      await expect(pullPartner(deps, 'alpha')).rejects.toMatchObject({
        code: 'VIGIL_UNAUTHORIZED',
        message: expect.stringMatching(/HTTP 401/),
      });
      await c.sharing.registry.updatePartner('alpha', {
        remote: { url: 'http://127.0.0.1:1/taxii2/vigil/', token: bravoToken, collection: 'default' },
      });
      await expect(pullPartner(deps, 'alpha')).rejects.toMatchObject({ code: 'VIGIL_PARTNER_UNAVAILABLE' });
      expect(await c.store.queryObservations()).toEqual([]);
      expect((await c.sharing.registry.getPartner('alpha'))!.pullAddedAfter).toBeUndefined();
    } finally {
      await c.close();
    }
  });
});
