// What an ingest through the API tells dashboards, and what it leaves for later: events that say only that something
// changed (the stream goes to every ceiling), and no index rebuilt inside the ingest request.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addClearUser, FIXTURE_NOW, startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
let clearToken: string;
let nowMs = Date.parse(FIXTURE_NOW);

beforeAll(async () => {
  server = await startFixtureServer({ alerts: false, now: () => new Date(nowMs) });
  clearToken = await addClearUser(server, 'cleo');
}, 30_000);
afterAll(async () => server?.close());

const get = (url: string, token: string) =>
  server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const ingest = (value: number, tlp: string) =>
  server.app.inject({
    method: 'POST',
    url: '/api/v1/observations',
    headers: { authorization: `Bearer ${server.tokens.analyst}` },
    payload: {
      observations: [
        {
          series: 'mnd.aircraft.total',
          value,
          unit: 'aircraft',
          periodStart: '2026-08-21T22:00:00.000Z',
          periodEnd: '2026-08-22T22:00:00.000Z',
          publishedAt: '2026-08-23T04:00:00.000Z',
          source: 'partner:example',
          reliability: 'B',
          credibility: 2,
          tlp,
        },
      ],
    },
  });
const buildsGauge = async () =>
  Number(/^vigil_assessment_index_builds (\d+)$/m.exec((await server.app.inject('/metrics')).body)![1]);

describe('after an ingest through the API', () => {
  it('publishes `observations` with counts only and `assessment` as {}, and rebuilds nothing in the request', async () => {
    // Every view built, and their last look at the store long enough ago to look again.
    expect((await get('/api/v1/assessments/latest', clearToken)).statusCode).toBe(200);
    expect((await get('/api/v1/assessments/latest', server.tokens.admin)).statusCode).toBe(200);
    expect((await get('/api/v1/assessments/latest', server.tokens.viewer)).statusCode).toBe(200);
    nowMs += 10_000;
    const publish = vi.spyOn(server.deps.events, 'publish');
    const builds = server.deps.assessments.version();
    try {
      const res = await ingest(150, 'amber');
      expect(res.json()).toMatchObject({ inserted: 1 });
      expect(publish.mock.calls).toEqual([
        ['observations', { inserted: 1, unchanged: 0 }],
        ['assessment', {}],
      ]);
      expect(server.deps.assessments.version()).toBe(builds);
      // The next read rebuilds that reader's view, and only it.
      const amber = (await get('/api/v1/assessments/latest', server.tokens.viewer)).json();
      expect(amber.day).toBe('2026-08-23');
      expect(server.deps.assessments.version()).toBe(builds + 1);
      // Nothing new stored: nothing to tell.
      publish.mockClear();
      expect((await ingest(150, 'amber')).json()).toMatchObject({ inserted: 0, unchanged: 1 });
      expect(publish).not.toHaveBeenCalled();
    } finally {
      publish.mockRestore();
    }
  });

  it("counts only the full view's builds on the public /metrics, so lower ceilings' reads do not show", async () => {
    const before = await buildsGauge();
    expect((await ingest(151, 'red')).json()).toMatchObject({ inserted: 1 });
    expect((await get('/api/v1/assessments/latest', clearToken)).statusCode).toBe(200);
    expect((await get('/api/v1/assessments/latest', server.tokens.viewer)).statusCode).toBe(200);
    expect(await buildsGauge()).toBe(before);
    expect((await get('/api/v1/assessments/latest', server.tokens.admin)).json().day).toBe('2026-08-23');
    expect(await buildsGauge()).toBe(before + 1);
  });
});
