// The MFA spokesperson collector against synthetic pages served by a local HTTP server: no internet needed.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openObservationStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { listCollectorHealth } from './collector-health.js';
import { createMfaCollector, parseMfaList } from './mfa-collector.js';
import { createPoliteFetcher, type Clock, type FetchLike } from './polite-fetcher.js';
import { startTestServer, type TestServer } from './test-server.js';

const page = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/sources/mfa-spokesperson/${name}`, import.meta.url), 'utf8');
const noWait: Clock = { now: () => 0, sleep: async () => undefined };
let server: TestServer;
let store: Store;
let clockMs = Date.parse('2030-04-09T13:00:00.000Z');
const now = () => new Date(clockMs);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(async () => {
  await store?.close();
});

async function freshStore(): Promise<Store> {
  store = openObservationStore(':memory:');
  await store.migrate();
  return store;
}

const collector = (listPath: string) =>
  createMfaCollector({
    fetcher: createPoliteFetcher({
      fetch: fetch as unknown as FetchLike,
      clock: noWait,
      minIntervalMs: 0,
      backoffMs: 1,
      retries: 1,
    }),
    store,
    now,
    listUrl: server.url(listPath),
  });

describe('MFA spokesperson collector', () => {
  it('reads article links from the channel page, resolved against the page', () => {
    expect(parseMfaList(page('fyrbt-list.html'), 'https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/')).toEqual([
      { id: '20300409_90002', url: 'https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/203004/t20300409_90002.shtml' },
      { id: '20300408_90001', url: 'https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/203004/t20300408_90001.shtml' },
    ]);
  });

  it('fetches new articles, stores the counts, records health, and does not fetch them again', async () => {
    await freshStore();
    server.route('/fyrbt/', { body: page('fyrbt-list.html') });
    server.route('/fyrbt/203004/t20300408_90001.shtml', { body: page('t20300408_90001.html') });
    server.route('/fyrbt/203004/t20300409_90002.shtml', { body: page('t20300409_90002.html') });
    expect(await collector('/fyrbt/').runOnce()).toEqual({ fetched: 2, observations: 4, inserted: 4, failed: 0 });
    const threat = await store.queryObservations({ series: ['prc.mfa.threat_answers'] });
    expect(threat.map((o) => [o.value, o.publishedAt, o.retrievedAt])).toEqual([
      [1, '2030-04-08T11:45:00.000Z', '2030-04-09T13:00:00.000Z'],
      [1, '2030-04-09T01:15:00.000Z', '2030-04-09T13:00:00.000Z'],
    ]);
    expect(await listCollectorHealth(store)).toEqual([
      {
        id: 'mfa-web',
        kind: 'mfa-spokesperson',
        url: server.url('/fyrbt/'),
        lastRunAt: '2030-04-09T13:00:00.000Z',
        lastSuccessAt: '2030-04-09T13:00:00.000Z',
        firstSuccessAt: '2030-04-09T13:00:00.000Z',
        consecutiveFailures: 0,
        lastObservations: 4,
        lastInserted: 4,
      },
    ]);
    const articleRequests = () => server.requests.filter((r) => r.path.startsWith('/fyrbt/203004/')).length;
    const before = articleRequests();
    clockMs += 3_600_000;
    expect(await collector('/fyrbt/').runOnce()).toEqual({ fetched: 0, observations: 0, inserted: 0, failed: 0 });
    expect(articleRequests()).toBe(before);
  });

  it('records a dead channel page as a failed run with the error', async () => {
    await freshStore();
    server.route('/dead/', { status: 503 });
    expect(await collector('/dead/').runOnce()).toEqual({
      fetched: 0,
      observations: 0,
      inserted: 0,
      failed: 0,
      error: `${server.url('/dead/')}: HTTP 503`,
    });
    const [health] = await listCollectorHealth(store);
    expect(health).toMatchObject({ consecutiveFailures: 1, lastError: `${server.url('/dead/')}: HTTP 503` });
  });

  it('treats a channel page without article links as a failure (the site has changed)', async () => {
    await freshStore();
    server.route('/empty/', { body: '<html><body>maintenance</body></html>' });
    await collector('/empty/').runOnce();
    const [health] = await listCollectorHealth(store);
    expect(health.lastError).toBe(
      `${server.url('/empty/')}: the channel page links to no article (t<yyyymmdd>_<id>.shtml); has the site changed?`,
    );
  });
});
