import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import {
  createTestInstance,
  createTaxiiApp,
  oasisValidator,
  sampleObservation,
  at,
  type TestInstance,
} from '../sharing-fixtures.js';
import { generateSigningKey } from '../signing/ed25519-keys.js';
import { checkTextSignature, createSigner, signText } from '../signing/signed-document.js';
import { assessmentToStix } from '../stix/assessment-to-stix.js';
import { buildBundle } from '../stix/build-bundle.js';
import { observationToStix, observedDataId } from '../stix/observation-to-stix.js';
import { identityObject } from '../stix/producer-identity.js';
import type { StixObject } from '../stix/stix-types.js';
import { VIGIL_OBSERVATION_EXTENSION_ID } from '../stix/vigil-extensions.js';
import { TAXII_MEDIA_TYPE } from './taxii-media.js';

const BATCH1 = '2026-01-01T00:00:00.000Z';
const BATCH2 = '2026-01-05T00:00:00.000Z';
const TAXII = { accept: TAXII_MEDIA_TYPE };

let a: TestInstance;
let app: FastifyInstance;
const tokens: Record<string, string> = {};
const gammaKey = generateSigningKey();
const obs = {
  clear: sampleObservation({ tlp: 'clear', value: 1 }),
  green: sampleObservation({ tlp: 'green', value: 2 }),
  amber: sampleObservation({ tlp: 'amber', value: 3 }),
  red: sampleObservation({ tlp: 'red', value: 4 }),
  event: sampleObservation({
    series: 'political.trigger.visit',
    unit: 'events',
    value: 1,
    text: 'Visit',
    tlp: 'green',
    subject: 'v1',
  }),
  fromPartnerGreen: sampleObservation({ source: 'partner:delta', tlp: 'green', value: 5 }),
  fromPartnerAmber: sampleObservation({ source: 'partner:delta', tlp: 'amber', value: 6 }),
  ships: sampleObservation({ series: 'mnd.ships.total', unit: 'ships', tlp: 'green', value: 7 }),
  late: sampleObservation({ tlp: 'green', value: 8, periodStart: at(3), periodEnd: at(4), publishedAt: at(4, 1) }),
};

async function get(path: string, partner = 'beta', headers: Record<string, string> = TAXII) {
  const res = await app.inject({
    method: 'GET',
    url: `/taxii2/${path}`,
    headers: { ...headers, authorization: `Bearer ${tokens[partner]}` },
  });
  return {
    status: res.statusCode,
    headers: res.headers,
    text: res.body,
    body: res.body === '' ? {} : JSON.parse(res.body),
  };
}

async function all(path: string, partner = 'beta', limit = 2) {
  const objects: StixObject[] = [];
  let next: string | undefined;
  for (let page = 0; page < 50; page++) {
    const sep = path.includes('?') ? '&' : '?';
    const res = await get(`${path}${sep}limit=${limit}${next ? `&next=${next}` : ''}`, partner);
    expect(res.status).toBe(200);
    expect((res.body.objects ?? []).length).toBeLessThanOrEqual(limit);
    objects.push(...(res.body.objects ?? []));
    if (!res.body.more) return objects;
    next = res.body.next;
  }
  throw new Error('paging did not end');
}

const values = (objects: StixObject[]) =>
  objects
    .filter((o) => o.type === 'observed-data')
    .map((o) => o.extensions![VIGIL_OBSERVATION_EXTENSION_ID].value)
    .sort();

beforeAll(async () => {
  a = await createTestInstance('taxii');
  await a.store.putObservations(
    [obs.clear, obs.green, obs.amber, obs.red, obs.event, obs.fromPartnerGreen, obs.fromPartnerAmber, obs.ships],
    BATCH1,
  );
  await a.store.putObservations([obs.late], BATCH2);
  const r = a.sharing.registry;
  const air = await r.addCollection(
    {
      alias: 'air',
      title: 'Air',
      description: 'aircraft only',
      series: ['mnd.aircraft.*'],
      assessments: false,
      alerts: false,
      tlpMax: 'amber',
    },
    BATCH1,
  );
  tokens.beta = (await r.addPartner({ name: 'beta', tlpMax: 'green', collections: ['default'] }, BATCH1)).token;
  tokens.gamma = (
    await r.addPartner(
      {
        name: 'gamma',
        tlpMax: 'amber',
        collections: ['air'],
        canWrite: true,
        publicKey: gammaKey.publicKey,
        requireSignatures: true,
      },
      BATCH1,
    )
  ).token;
  tokens.delta = (await r.addPartner({ name: 'delta', tlpMax: 'red', collections: ['default', air.id] }, BATCH1)).token;
  const producerId = identityObject(a.sharing.keys.identity).id;
  const assessment = {
    packId: 'test',
    day: '2024-05-02',
    asOf: at(1, 16),
    level: 2,
    levelName: 'WATCH',
    pEvent: 0.1,
    horizonDays: 7,
    hypotheses: [],
    topEvidence: [],
  };
  await a.sharing.ledger.publish(
    assessmentToStix(assessment, { producerId, tlp: 'green' }),
    'assessment',
    'green',
    BATCH1,
  );
  await a.sharing.ledger.publish(
    assessmentToStix({ ...assessment, day: '2024-05-03' }, { producerId, tlp: 'amber' }),
    'assessment',
    'amber',
    BATCH1,
  );
  app = await createTaxiiApp(a, { maxContentLength: 64 * 1024, now: () => new Date('2026-02-01T00:00:00.000Z') });
});
afterAll(async () => {
  await app.close();
  await a.close();
});

describe('TAXII 2.1 discovery, API root and collections', () => {
  it('answers discovery and the API root in the TAXII media type', async () => {
    const discovery = await get('');
    expect(discovery.status).toBe(200);
    expect(discovery.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(discovery.body).toMatchObject({ api_roots: ['/taxii2/vigil/'], default: '/taxii2/vigil/' });
    // The Host header is never echoed: a forged one cannot make discovery send partners elsewhere.
    const forged = await app.inject({
      method: 'GET',
      url: '/taxii2/',
      headers: { ...TAXII, host: 'evil.example', authorization: `Bearer ${tokens.beta}` },
    });
    expect(forged.body).not.toContain('evil.example');
    const root = await get('vigil/');
    expect(root.body).toMatchObject({ versions: [TAXII_MEDIA_TYPE], max_content_length: 64 * 1024 });
  });

  it('lists only the collections granted to the partner, with can_write', async () => {
    expect((await get('vigil/collections/')).body.collections).toEqual([
      expect.objectContaining({
        id: DEFAULT_COLLECTION.id,
        alias: 'default',
        can_read: true,
        can_write: false,
        media_types: ['application/stix+json;version=2.1'],
      }),
    ]);
    expect(
      (await get('vigil/collections/', 'gamma')).body.collections.map((c: { alias: string; can_write: boolean }) => [
        c.alias,
        c.can_write,
      ]),
    ).toEqual([['air', true]]);
    expect((await get(`vigil/collections/${DEFAULT_COLLECTION.id}/`)).body.title).toBe(DEFAULT_COLLECTION.title);
    const hidden = await get(`vigil/collections/${DEFAULT_COLLECTION.id}/`, 'gamma');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ title: 'Not found', http_status: '404', error_code: 'VIGIL_NOT_FOUND' });
  });
});

describe('TAXII 2.1 objects', () => {
  it('gives a GREEN partner exactly the GREEN and CLEAR objects, never partner AMBER, in a signed envelope', async () => {
    const res = await get(`vigil/collections/${DEFAULT_COLLECTION.id}/objects/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(values(res.body.objects)).toEqual([1, 1, 2, 5, 7, 8]);
    const types = res.body.objects.map((o: StixObject) => o.type);
    expect(types).toContain('identity');
    expect(types).toContain('marking-definition');
    expect(types).toContain('vigil-series');
    expect(
      res.body.objects.filter((o: StixObject) => o.type === 'vigil-assessment').map((o: StixObject) => o.day),
    ).toEqual(['2024-05-02']);
    expect(res.headers['x-taxii-date-added-first']).toBe(BATCH1);
    expect(res.headers['x-taxii-date-added-last']).toBe(BATCH2);
    const policy = { publicKey: a.sharing.keys.identity.publicKey, required: true, signer: 'org' };
    expect(checkTextSignature(res.text, res.headers['x-vigil-jws'], policy, 'envelope')).toBe('verified');
    expect(() =>
      checkTextSignature(
        res.text.replace('"more":false', '"more":true'),
        res.headers['x-vigil-jws'],
        policy,
        'envelope',
      ),
    ).toThrow(/does not verify/);
    for (const o of res.body.objects) expect(oasisValidator().validate(o)).toEqual([]);
  });

  it('pages with limit and next: the same objects, none twice, none above the limit', async () => {
    const paged = await all(`vigil/collections/${DEFAULT_COLLECTION.id}/objects/`, 'beta', 3);
    const whole = (await get(`vigil/collections/${DEFAULT_COLLECTION.id}/objects/`)).body.objects as StixObject[];
    const ids = (list: StixObject[]) =>
      list
        .filter((o) => !['identity', 'marking-definition', 'extension-definition', 'vigil-series'].includes(o.type))
        .map((o) => o.id);
    expect(ids(paged)).toEqual(ids(whole));
    expect(await all(`vigil/collections/${DEFAULT_COLLECTION.id}/objects/`, 'beta', 1)).toHaveLength(ids(whole).length);
  });

  it('filters by added_after, match[type], match[id] and match[version]', async () => {
    const base = `vigil/collections/${DEFAULT_COLLECTION.id}/objects/`;
    expect(values((await get(`${base}?added_after=${BATCH1}`)).body.objects)).toEqual([8]);
    const reports = (await get(`${base}?match[type]=report`)).body.objects as StixObject[];
    expect(reports.filter((o) => o.type === 'report').map((o) => o.name)).toEqual(['Visit']);
    expect(reports.every((o) => o.type !== 'observed-data')).toBe(true);
    const one = (await get(`${base}?match[id]=${observedDataId(obs.green.id)}`)).body.objects as StixObject[];
    expect(one.map((o) => o.id)).toEqual([observedDataId(obs.green.id)]);
    expect(
      values((await get(`${base}?match[version]=${obs.late.publishedAt}&match[type]=observed-data`)).body.objects),
    ).toEqual([8]);
    const none = (await get(`${base}?match[spec_version]=2.0`)).body;
    expect([none.more, none.objects]).toEqual([false, undefined]);
  });

  it('serves one object, its versions and the manifest; an object above the ceiling does not exist', async () => {
    const base = `vigil/collections/${DEFAULT_COLLECTION.id}`;
    const one = await get(`${base}/objects/${observedDataId(obs.green.id)}/`);
    expect(one.body.objects.map((o: StixObject) => o.id)).toEqual([observedDataId(obs.green.id)]);
    expect((await get(`${base}/objects/${observedDataId(obs.green.id)}/versions/`)).body).toEqual({
      more: false,
      versions: [obs.green.publishedAt],
    });
    expect((await get(`${base}/objects/${observedDataId(obs.amber.id)}/`)).status).toBe(404);
    expect((await get(`${base}/objects/${observedDataId(obs.amber.id)}/`, 'delta')).status).toBe(200);
    const manifest = (await get(`${base}/manifest/`)).body.objects;
    expect(manifest).toContainEqual({
      id: observedDataId(obs.green.id),
      date_added: BATCH1,
      version: obs.green.publishedAt,
      media_type: 'application/stix+json;version=2.1',
    });
    expect(manifest.every((m: { id: string }) => !m.id.startsWith('identity--'))).toBe(true);
  });

  it('keeps a collection to its series and ceiling: AMBER partner on the air collection gets aircraft up to AMBER', async () => {
    const objects = (await get('vigil/collections/air/objects/', 'gamma')).body.objects as StixObject[];
    expect(values(objects)).toEqual([1, 2, 3, 5, 8]);
    expect(objects.some((o) => o.type === 'vigil-assessment')).toBe(false);
  });
});

describe('TAXII 2.1 errors', () => {
  const objects = `vigil/collections/${DEFAULT_COLLECTION.id}/objects/`;
  it.each([
    ['no credentials', {}, 401],
    ['a wrong token', { authorization: 'Bearer vgl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 401],
    ['a malformed Authorization header', { authorization: 'Token x' }, 401],
  ])('refuses %s with 401 and a TAXII error', async (_what, headers, status) => {
    const res = await app.inject({ method: 'GET', url: `/taxii2/${objects}`, headers: { ...TAXII, ...headers } });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(res.headers['www-authenticate']).toMatch(/Bearer/);
    expect(JSON.parse(res.body)).toMatchObject({
      title: 'Unauthorized',
      http_status: '401',
      error_code: 'VIGIL_UNAUTHORIZED',
    });
  });

  it('accepts the token as the HTTP Basic password', async () => {
    const basic = Buffer.from(`beta:${tokens.beta}`).toString('base64');
    const res = await app.inject({
      method: 'GET',
      url: '/taxii2/vigil/collections/',
      headers: { ...TAXII, authorization: `Basic ${basic}` },
    });
    expect(res.statusCode).toBe(200);
  });

  it('answers 406 to an Accept it cannot satisfy, and rejects bad filters with 400', async () => {
    expect((await get(objects, 'beta', { accept: 'text/html' })).status).toBe(406);
    expect((await get(objects, 'beta', { accept: 'application/taxii+json;version=2.0' })).status).toBe(406);
    expect((await get(objects, 'beta', { accept: '*/*' })).status).toBe(200);
    expect((await get(`${objects}?added_after=yesterday`)).body).toMatchObject({
      http_status: '400',
      description: expect.stringMatching(/added_after/),
    });
    expect((await get(`${objects}?limit=0`)).status).toBe(400);
    expect((await get(`${objects}?match[colour]=red`)).status).toBe(400);
    const first = await get(`${objects}?limit=1`);
    expect((await get(`${objects}?limit=1&match[type]=report&next=${first.body.next}`)).body.description).toMatch(
      /other filters/,
    );
    expect((await get(`${objects}?next=garbage`)).status).toBe(400);
    expect((await get('vigil/nowhere/')).status).toBe(404);
  });
});

describe('TAXII 2.1 POST objects', () => {
  const url = '/taxii2/vigil/collections/air/objects/';
  const gammaSigner = createSigner(gammaKey.privateKeyPem, gammaKey.publicKey);
  const posted = sampleObservation({ source: 'gamma-radar', value: 42, tlp: 'amber', publishedAt: at(2, 3) });
  const envelope = () => {
    const producer = identityObject({ name: 'Gamma', publicKey: gammaKey.publicKey, createdAt: BATCH1 });
    const outOfCollection = sampleObservation({
      series: 'mnd.ships.total',
      unit: 'ships',
      value: 9,
      publishedAt: at(2, 4),
    });
    const foreign = {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--2ed6657d-e927-568b-95e1-2665a8aea6a2',
      created: BATCH1,
      modified: BATCH1,
      pattern: "[ipv4-addr:value = '198.51.100.1']",
      pattern_type: 'stix',
      valid_from: BATCH1,
    };
    return {
      objects: buildBundle(
        [...observationToStix(posted, producer.id), ...observationToStix(outOfCollection, producer.id), foreign],
        producer,
      ).objects,
    };
  };
  const signed = (body: string) => ({ 'x-vigil-jws': signText(body, gammaSigner) });
  const post = (body: string | Buffer, headers: Record<string, string> = {}, partner = 'gamma') =>
    app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { ...TAXII, 'content-type': TAXII_MEDIA_TYPE, authorization: `Bearer ${tokens[partner]}`, ...headers },
    });
  const signedPost = (body: string) => post(body, signed(body));
  const storedFromGamma = async () =>
    (await a.store.queryObservations({ source: 'partner:gamma', allRevisions: true })).length;

  it.each([
    [
      'a wrong media type',
      () =>
        post(JSON.stringify(envelope()), { ...signed(JSON.stringify(envelope())), 'content-type': 'application/json' }),
      415,
      'VIGIL_UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an oversized body',
      () => post(JSON.stringify({ objects: [], pad: 'x'.repeat(70 * 1024) })),
      413,
      'VIGIL_PAYLOAD_TOO_LARGE',
    ],
    ['a body that is not JSON', () => post('{"objects": ['), 400, 'VIGIL_INPUT_INVALID'],
    [
      'a malformed envelope',
      () => post(JSON.stringify({ objects: [{ type: 'indicator', id: 'nope' }] })),
      400,
      'VIGIL_INPUT_INVALID',
    ],
    [
      'an unsigned envelope from a partner that must sign',
      () => post(JSON.stringify(envelope())),
      400,
      'VIGIL_SIGNATURE_INVALID',
    ],
    [
      'a tampered envelope',
      () => post(JSON.stringify({ ...envelope(), more: true }), signed(JSON.stringify(envelope()))),
      400,
      'VIGIL_SIGNATURE_INVALID',
    ],
    ['a partner not granted the collection', () => post('{"objects": []}', {}, 'beta'), 404, 'VIGIL_NOT_FOUND'],
    ['a partner that may only read it', () => post('{"objects": []}', {}, 'delta'), 403, 'VIGIL_FORBIDDEN'],
    ['a bad token', () => post('{"objects": []}', { authorization: 'Bearer nope' }), 401, 'VIGIL_UNAUTHORIZED'],
    [
      'a member name given twice',
      () => signedPost(JSON.stringify(envelope()).replace(/^\{/, '{"objects":[],')),
      400,
      'VIGIL_INPUT_INVALID',
    ],
    [
      'a foreign object whose modified is not a string',
      () =>
        signedPost(
          JSON.stringify({
            objects: [...envelope().objects.slice(0, -1), { ...envelope().objects.at(-1), modified: 5 }],
          }),
        ),
      400,
      'VIGIL_INPUT_INVALID',
    ],
    [
      'a body nested 3,200 levels deep',
      () => signedPost(`{"objects":[],"x":${'['.repeat(3200)}${']'.repeat(3200)}}`),
      400,
      'VIGIL_INPUT_INVALID',
    ],
    [
      'invalid UTF-8',
      () => post(Buffer.concat([Buffer.from('{"objects":[],"x":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])),
      400,
      'VIGIL_INPUT_INVALID',
    ],
  ])('rejects %s with a TAXII error and stores nothing', async (_what, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe(TAXII_MEDIA_TYPE);
    expect(JSON.parse(res.body)).toMatchObject({ http_status: String(status), error_code: code });
    expect(await storedFromGamma()).toBe(0);
  });

  it('stores a signed envelope’s observations with the partner as source and answers a status resource', async () => {
    const body = JSON.stringify(envelope());
    const res = await post(body, signed(body));
    expect(res.statusCode).toBe(202);
    const status = JSON.parse(res.body);
    expect(status).toMatchObject({ status: 'complete', total_count: 11, pending_count: 0, failure_count: 2 });
    expect(status.success_count).toBe(9);
    expect(status.failures.map((f: { message: string }) => f.message)).toEqual([
      expect.stringMatching(/series mnd.ships.total is not part of collection air/),
      expect.stringMatching(/do not hold indicator/),
    ]);
    const stored = await a.store.queryObservations({ source: 'partner:gamma' });
    expect(stored.map((o) => [o.value, o.tlp, o.attributes?.originSource])).toEqual([[42, 'amber', 'gamma-radar']]);
    expect((await get(`vigil/status/${status.id}/`, 'gamma')).body).toEqual(status);
    expect((await get(`vigil/status/${status.id}/`, 'beta')).status).toBe(404);
    // What gamma sent at AMBER is never passed to anyone else, even a RED partner.
    expect(values((await get('vigil/collections/air/objects/', 'delta')).body.objects)).not.toContain(42);
    expect(values((await get('vigil/collections/air/objects/', 'gamma')).body.objects)).not.toContain(42);
  });
});
