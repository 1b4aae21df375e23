// The feed poller and the schedule, against a saved (synthetic) feed served by a local HTTP server.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openObservationStore } from '../storage/open-store.js';
import { listCollectorHealth } from './collector-health.js';
import { createFeedPoller } from './feed-poller.js';
import { createPoliteFetcher, type FetchLike } from './polite-fetcher.js';
import { parseInterval, startSchedule, type Timers } from './schedule.js';
import { startTestServer, type TestServer } from './test-server.js';

const rss = readFileSync(new URL('../../test/fixtures/sources/news-feed/rss.xml', import.meta.url), 'utf8');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('feed poller', () => {
  it('stores classified items linking to their articles, dates undated items by retrieval, and is idempotent', async () => {
    const store = openObservationStore(':memory:');
    await store.migrate();
    try {
      const undated = rss.replace('<pubDate>Fri, 05 Apr 2030 09:00:00 GMT</pubDate>', '');
      server.route('/feed.xml', { body: undated });
      const poller = createFeedPoller({
        url: server.url('/feed.xml'),
        fetcher: createPoliteFetcher({ fetch: fetch as unknown as FetchLike, minIntervalMs: 0 }),
        store,
        now: () => new Date('2030-04-06T00:00:00.000Z'),
      });
      expect(await poller.runOnce()).toEqual({ fetched: 1, observations: 2, inserted: 2, failed: 0 });
      const stored = await store.queryObservations({ seriesPrefix: 'news.' });
      expect(stored.map((o) => [o.series, o.sourceRef, o.publishedAt])).toEqual([
        ['news.carrier', 'https://www.example.org/news/2030/04/05/fujian', '2030-04-06T00:00:00.000Z'],
        ['news.readiness-patrol', 'https://www.example.org/news/2030/04/02/patrol', '2030-04-02T02:30:00.000Z'],
      ]);
      expect(await poller.runOnce()).toMatchObject({ inserted: 0 });
      server.route('/feed.xml', { body: '<rss><channel><item>' });
      await poller.runOnce();
      expect(await listCollectorHealth(store)).toMatchObject([
        {
          id: `feed:${new URL(server.url('/')).host}`,
          kind: 'news-feed',
          consecutiveFailures: 1,
          lastError: expect.stringMatching(/^.*feed\.xml:1: \(xml\): is not well-formed XML/),
        },
      ]);
    } finally {
      await store.close();
    }
  });
});

describe('schedule', () => {
  /** Timers that fire only when the test says so. */
  function manualTimers(): Timers & { fire(): void; pending: number } {
    let queued: (() => void) | undefined;
    return {
      setTimeout: (fn) => (queued = fn),
      clearTimeout: () => (queued = undefined),
      fire: () => queued?.(),
      get pending() {
        return queued ? 1 : 0;
      },
    };
  }

  it('runs at once, then again after each run ends; a failing run is reported and the schedule goes on; stop waits', async () => {
    const timers = manualTimers();
    const errors: string[] = [];
    let runs = 0;
    const schedule = startSchedule(
      async () => {
        runs++;
        if (runs === 2) throw new Error('site down');
      },
      60_000,
      (e) => errors.push((e as Error).message),
      timers,
    );
    await new Promise((r) => setImmediate(r));
    expect([runs, timers.pending]).toEqual([1, 1]);
    timers.fire();
    await new Promise((r) => setImmediate(r));
    expect([runs, errors]).toEqual([2, ['site down']]);
    timers.fire();
    await schedule.stop();
    expect(runs).toBe(3);
    expect(timers.pending).toBe(0);
  });

  it('reads intervals and refuses a too-short one', () => {
    expect(['30s', '15m', '6h', '1d', '6 h', 'soon'].map(parseInterval)).toEqual([
      30_000,
      900_000,
      21_600_000,
      86_400_000,
      21_600_000,
      undefined,
    ]);
    expect(() =>
      startSchedule(
        async () => undefined,
        10,
        () => undefined,
      ),
    ).toThrow(RangeError);
  });
});
