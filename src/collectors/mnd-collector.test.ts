// The MND collector against saved (synthetic) MND pages served by a local HTTP server: no internet needed.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openObservationStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { listCollectorHealth } from './collector-health.js';
import { createMndCollector, parseMndList } from './mnd-collector.js';
import { createPoliteFetcher, type Clock, type FetchLike } from './polite-fetcher.js';
import { startTestServer, type TestServer } from './test-server.js';

const page = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/sources/mnd-bulletin-page/${name}`, import.meta.url), 'utf8');
const noWait: Clock = { now: () => 0, sleep: async () => undefined };
let server: TestServer;
let store: Store;
let clockMs = Date.parse('2030-04-09T02:00:00.000Z');
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

function collector(listPath: string) {
  return createMndCollector({
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
}

describe('MND collector', () => {
  it('reads report links from the list page, resolved against its <base>', () => {
    const html =
      '<base href="/" /><a href="news/plaact/2">x</a><a href="news/plaact/1">y</a><a href="news/plaact/2">again</a><a href="news/mndlist">no</a>';
    expect(parseMndList(html, 'https://www.mnd.gov.tw/news/plaactlist')).toEqual([
      { id: '2', url: 'https://www.mnd.gov.tw/news/plaact/2' },
      { id: '1', url: 'https://www.mnd.gov.tw/news/plaact/1' },
    ]);
  });

  it('fetches new reports, stores them, records health, and does not fetch them again', async () => {
    await freshStore();
    server.route('/list', { body: page('plaactlist.html').replace('<head>', '<head><base href="/site/" />') });
    server.route('/site/news/plaact/90001', { body: page('plaact-90001.html') });
    server.route('/site/news/plaact/90002', { body: page('plaact-90002.html') });
    const first = await collector('/list').runOnce();
    expect(first).toEqual({ fetched: 2, observations: 12 + 10, inserted: 22, failed: 0 });
    const total = await store.queryObservations({ series: ['mnd.aircraft.total'] });
    expect(total.map((o) => [o.value, o.publishedAt, o.sourceRef, o.retrievedAt])).toEqual([
      [23, '2030-04-08T01:00:00.000Z', 'https://www.mnd.gov.tw/news/plaact/90001', '2030-04-09T02:00:00.000Z'],
      [0, '2030-04-09T01:00:00.000Z', server.url('/site/news/plaact/90002'), '2030-04-09T02:00:00.000Z'],
    ]);
    expect(await listCollectorHealth(store)).toEqual([
      {
        id: 'mnd-web',
        kind: 'mnd-bulletin-page',
        url: server.url('/list'),
        lastRunAt: '2030-04-09T02:00:00.000Z',
        firstSuccessAt: '2030-04-09T02:00:00.000Z',
        lastSuccessAt: '2030-04-09T02:00:00.000Z',
        consecutiveFailures: 0,
        lastObservations: 22,
        lastInserted: 22,
      },
    ]);

    const detailRequests = () => server.requests.filter((r) => r.path.startsWith('/site/news/plaact/')).length;
    const before = detailRequests();
    clockMs += 3_600_000;
    expect(await collector('/list').runOnce()).toEqual({ fetched: 0, observations: 0, inserted: 0, failed: 0 });
    expect(detailRequests()).toBe(before);
  });

  it('records a failed run (site down) with the error and a failure count, keeping the last success', async () => {
    await freshStore();
    server.route('/list2', { body: page('plaactlist.html') });
    server.route('/news/plaact/90001', { body: page('plaact-90001.html') });
    server.route('/news/plaact/90002', { body: page('plaact-90002.html') });
    await collector('/list2').runOnce();
    server.route('/list2', { status: 503 });
    clockMs += 3_600_000;
    await collector('/list2').runOnce();
    clockMs += 3_600_000;
    await collector('/list2').runOnce();
    const [health] = await listCollectorHealth(store);
    expect(health).toMatchObject({
      consecutiveFailures: 2,
      lastError: `${server.url('/list2')}: HTTP 503`,
      lastObservations: 22,
    });
    expect(health.lastSuccessAt! < health.lastRunAt).toBe(true);
  });

  it('stores the reports it can read when another page has changed format, and reports the problem', async () => {
    await freshStore();
    server.route('/list3', { body: '<base href="/x/" /><a href="news/plaact/1">a</a><a href="news/plaact/2">b</a>' });
    server.route('/x/news/plaact/1', { body: '<div class="maincontent">redesigned page</div>' });
    server.route('/x/news/plaact/2', { body: page('plaact-90002.html') });
    expect(await collector('/list3').runOnce()).toEqual({
      fetched: 2,
      observations: 10,
      inserted: 10,
      failed: 1,
      error: `${server.url('/x/news/plaact/1')}: has no report period "YYY年M月D日…0600時至YYY年M月D日…0600時"`,
    });
    const [health] = await listCollectorHealth(store);
    expect(health.lastError).toBe(
      `${server.url('/x/news/plaact/1')}: has no report period "YYY年M月D日…0600時至YYY年M月D日…0600時"`,
    );
    // The unreadable page is tried again next time; the stored one is not.
    server.route('/x/news/plaact/1', { body: page('plaact-90001.html') });
    expect(await collector('/list3').runOnce()).toMatchObject({ fetched: 1, inserted: 12, failed: 0 });
  });

  it('treats a list page without report links as a failure (the site has changed)', async () => {
    await freshStore();
    server.route('/empty', { body: '<html><body>maintenance</body></html>' });
    await collector('/empty').runOnce();
    const [health] = await listCollectorHealth(store);
    expect(health.lastError).toBe(
      `${server.url('/empty')}: the list page links to no report (news/plaact/<id>); has the site changed?`,
    );
  });
});
