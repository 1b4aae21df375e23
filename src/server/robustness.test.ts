// Bad input never takes the server down: random methods, paths, queries, headers and bodies only ever get 4xx problem+json.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
}, 30_000);
afterAll(async () => server?.close());

const PATHS = [
  '/api/v1/assessments/',
  '/api/v1/assessments',
  '/api/v1/board',
  '/api/v1/indicators/',
  '/api/v1/observations',
  '/api/v1/observations/',
  '/api/v1/ingest/',
  '/api/v1/timeline',
  '/api/v1/alerts/',
  '/api/v1/silences',
  '/api/v1/users/',
  '/api/v1/session',
  '/api/v1/pack/areas/',
  '/api/v1/',
];
const text = fc.string({ maxLength: 40 });
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  path: fc.tuple(
    fc.constantFrom(...PATHS),
    fc.oneof(
      text,
      fc.constantFrom('2023-04-10', 'air.total', 'triggers', 'latest', '../../etc/passwd', '%00', '%E0%A4%A'),
    ),
    fc.dictionary(fc.constantFrom('at', 'from', 'to', 'series', 'limit', 'day', 'revisions', 'status', 'x'), text, {
      maxKeys: 3,
    }),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/csv',
    'text/plain',
    'application/x-ndjson',
    'application/xml',
    'multipart/form-data',
  ),
  body: fc.oneof(fc.constant(undefined), text, fc.json({ maxDepth: 3 })),
});

describe('robustness', () => {
  it('answers arbitrary requests with a well-formed response and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const [base, tail, params] = r.path;
        const qs = new URLSearchParams(params).toString();
        const url = `${base}${encodeURI(tail).replace(/#/g, '%23').replace(/\?/g, '%3F')}${qs ? `?${qs}` : ''}`;
        const res = await server.app.inject({
          method: r.method as 'GET',
          url,
          headers: {
            authorization: `Bearer ${server.tokens.admin}`,
            ...(r.body === undefined ? {} : { 'content-type': r.contentType }),
          },
          ...(r.body === undefined || r.method === 'GET' ? {} : { payload: r.body }),
        });
        expect(res.statusCode, `${r.method} ${url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(res.json()).toMatchObject({ status: res.statusCode, code: expect.stringMatching(/^VIGIL_/) });
        }
      }),
      { numRuns: 300, seed: 20260905 },
    );
    expect((await server.app.inject('/api/v1/health')).statusCode).toBe(200);
  });

  it('refuses duplicate member names, deep nesting and invalid UTF-8 in JSON bodies with a located 400', async () => {
    const post = (payload: string | Buffer) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        payload,
        headers: { authorization: `Bearer ${server.tokens.admin}`, 'content-type': 'application/json' },
      });
    const record = {
      series: 'mnd.aircraft.total',
      value: 3,
      unit: 'aircraft',
      periodStart: '2024-05-23T22:00:00Z',
      periodEnd: '2024-05-24T22:00:00Z',
      publishedAt: '2024-05-24T01:00:00Z',
      source: 'probe',
      reliability: 'A',
      credibility: 1,
      tlp: 'red',
    };
    const twice = await post(JSON.stringify([record]).replace('"tlp":"red"', '"tlp":"red","tlp":"clear"'));
    expect([twice.statusCode, twice.json().detail]).toEqual([
      400,
      'request body:1: (json): is not valid JSON: member "tlp" appears twice',
    ]);
    const deep = await post(
      JSON.stringify([{ ...record, geometry: { type: 'Point', coordinates: 0 } }]).replace(
        '"coordinates":0',
        `"coordinates":${'['.repeat(3200)}0${']'.repeat(3200)}`,
      ),
    );
    expect([deep.statusCode, deep.json().detail]).toEqual([
      400,
      'request body:1: (json): is not valid JSON: nesting is deeper than 64 levels',
    ]);
    const bytes = await post(
      Buffer.concat([Buffer.from('[{"x":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}]')]),
    );
    expect([bytes.statusCode, bytes.json().code]).toEqual([400, 'VIGIL_INPUT_INVALID']);
    const year = await post(
      JSON.stringify([{ ...record, periodStart: '9999-05-23T22:00:00Z', periodEnd: '9999-05-24T22:00:00Z' }]),
    );
    expect([year.statusCode, year.json().detail]).toEqual([
      400,
      'request:1: periodStart: year must be between 1900 and 2200',
    ]);
    expect((await server.deps.store.queryObservations({ source: 'probe' })).length).toBe(0);
  });
});
