// The TAXII routes as `vigil serve` mounts them: createServer's `mounts`, next to the API, with the server's own
// error handling and access control left to the API routes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../server/create-server.js';
import { createServerDeps } from '../../server/server-context.js';
import type { Vigil } from '../../app/open-vigil.js';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import { createTestInstance, sampleObservation, type TestInstance } from '../sharing-fixtures.js';
import { observationToStix } from '../stix/observation-to-stix.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';
import { taxiiMount } from './taxii-mount.js';

let a: TestInstance;
let app: FastifyInstance;
let token: string;
let vigil: Vigil;

beforeAll(async () => {
  a = await createTestInstance('serve', '2026-01-02T00:00:00.000Z');
  await a.store.putObservations(
    [sampleObservation({ tlp: 'green' }), sampleObservation({ tlp: 'amber', value: 99 })],
    '2026-01-01T00:00:00.000Z',
  );
  token = (
    await a.sharing.registry.addPartner(
      { name: 'beta', tlpMax: 'green', collections: ['default'] },
      '2026-01-01T00:00:00.000Z',
    )
  ).token;
  const now = () => new Date('2026-01-02T00:00:00.000Z');
  vigil = a.vigil;
  const deps = createServerDeps({
    store: vigil.store,
    pack: vigil.pack,
    users: vigil.users,
    writes: vigil.writes,
    now,
  });
  app = await createServer(deps, { mounts: [taxiiMount(vigil.store, a.sharing, now, vigil.writes)] });
});
afterAll(async () => {
  await app.close();
  await a.close();
});

describe('TAXII in the API server', () => {
  it('serves the partner’s collection under /taxii2 with partner tokens, not user tokens', async () => {
    const res = await app.inject({
      url: `/taxii2/vigil/collections/${DEFAULT_COLLECTION.id}/objects/`,
      headers: { accept: TAXII_MEDIA_TYPE, authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    const values = JSON.parse(res.body)
      .objects.filter((o: { type: string }) => o.type === 'observed-data')
      .map((o: { extensions: Record<string, { value: number }> }) => Object.values(o.extensions)[0].value);
    expect(values).toEqual([12]);
    const anonymous = await app.inject({ url: '/taxii2/vigil/collections/', headers: { accept: TAXII_MEDIA_TYPE } });
    expect(anonymous.statusCode).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({ title: 'Unauthorized', http_status: '401' });
    expect(
      (await app.inject({ url: '/taxii2/nowhere/', headers: { authorization: `Bearer ${token}` } })).statusCode,
    ).toBe(404);
  });

  it('stores a partner’s POST through the audited write services: one taxii.add entry in the same transaction', async () => {
    const writer = await a.sharing.registry.addPartner(
      { name: 'gamma', tlpMax: 'green', collections: ['default'], canWrite: true },
      '2026-01-01T00:00:00.000Z',
    );
    const before = (await vigil.users.listAudit()).length;
    const objects = observationToStix(
      sampleObservation({ value: 7, tlp: 'green' }),
      'identity--6f4e0a2a-6c2b-5a40-9b7f-2d3c1f3e9a10',
    );
    const res = await app.inject({
      method: 'POST',
      url: `/taxii2/vigil/collections/${DEFAULT_COLLECTION.id}/objects/`,
      payload: JSON.stringify({ objects }),
      headers: { accept: TAXII_MEDIA_TYPE, 'content-type': TAXII_MEDIA_TYPE, authorization: `Bearer ${writer.token}` },
    });
    expect(res.statusCode, res.body).toBe(202);
    const log = await vigil.users.listAudit({ afterSeq: before });
    expect(log).toMatchObject([
      { actor: 'partner:gamma', action: 'taxii.add', details: { observations: 1, inserted: 1 } },
    ]);
  });
});
