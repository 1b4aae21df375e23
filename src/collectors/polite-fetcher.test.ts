import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigilError } from '../errors/index.js';
import { createPoliteFetcher, type Clock, type FetchLike } from './polite-fetcher.js';
import { startTestServer, type TestServer } from './test-server.js';

/** A clock whose sleeps return at once but move time forward, recording every wait. */
function fakeClock(): Clock & { sleeps: number[] } {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

const realFetch = fetch as unknown as FetchLike;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function failureOf(run: Promise<unknown>): Promise<Error> {
  try {
    await run;
  } catch (error) {
    expect(isVigilError(error) && error.code).toBe('VIGIL_SOURCE_UNAVAILABLE');
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('createPoliteFetcher', () => {
  it('retries 5xx with exponential backoff, then returns the page; sends its user agent', async () => {
    server.route('/flaky', { status: 503 }, { status: 502 }, { status: 200, body: 'ok' });
    const clock = fakeClock();
    const fetcher = createPoliteFetcher({
      fetch: realFetch,
      clock,
      minIntervalMs: 0,
      backoffMs: 100,
      retries: 3,
      userAgent: 'vigil-test',
    });
    expect(await fetcher.get(server.url('/flaky'))).toEqual({
      url: server.url('/flaky'),
      status: 200,
      text: 'ok',
      attempts: 3,
    });
    expect(clock.sleeps).toEqual([100, 200]);
    expect(server.requests.filter((r) => r.path === '/flaky').map((r) => r.userAgent)).toEqual([
      'vigil-test',
      'vigil-test',
      'vigil-test',
    ]);
  });

  it('honours Retry-After on 429 (capped by maxBackoff)', async () => {
    server.route('/busy', { status: 429, headers: { 'retry-after': '7' } }, { status: 200, body: 'fine' });
    const clock = fakeClock();
    const fetcher = createPoliteFetcher({
      fetch: realFetch,
      clock,
      minIntervalMs: 0,
      backoffMs: 100,
      maxBackoffMs: 5000,
    });
    expect((await fetcher.get(server.url('/busy'))).text).toBe('fine');
    expect(clock.sleeps).toEqual([5000]);
  });

  it('gives up after the retries with VIGIL_SOURCE_UNAVAILABLE naming the URL and the last answer', async () => {
    server.route('/down', { status: 500 });
    const clock = fakeClock();
    const fetcher = createPoliteFetcher({ fetch: realFetch, clock, minIntervalMs: 0, backoffMs: 10, retries: 2 });
    expect((await failureOf(fetcher.get(server.url('/down')))).message).toBe(`${server.url('/down')}: HTTP 500`);
    expect(clock.sleeps).toEqual([10, 20]);
  });

  it('does not retry a 4xx answer', async () => {
    const clock = fakeClock();
    const before = server.requests.length;
    const fetcher = createPoliteFetcher({ fetch: realFetch, clock, minIntervalMs: 0, retries: 3 });
    expect((await failureOf(fetcher.get(server.url('/missing')))).message).toBe(`${server.url('/missing')}: HTTP 404`);
    expect(server.requests.length - before).toBe(1);
  });

  it('times out a request that never answers, and retries it', async () => {
    server.route('/hang', { hang: true });
    const fetcher = createPoliteFetcher({
      fetch: realFetch,
      clock: fakeClock(),
      minIntervalMs: 0,
      backoffMs: 1,
      retries: 1,
      timeoutMs: 50,
    });
    expect((await failureOf(fetcher.get(server.url('/hang')))).message).toBe(
      `${server.url('/hang')}: no answer within 50 ms`,
    );
    expect(server.requests.filter((r) => r.path === '/hang')).toHaveLength(2);
  });

  it('refuses an answer larger than the cap, without retrying', async () => {
    server.route('/huge', { status: 200, body: 'x'.repeat(2000) });
    const fetcher = createPoliteFetcher({ fetch: realFetch, clock: fakeClock(), minIntervalMs: 0, maxBytes: 1000 });
    expect((await failureOf(fetcher.get(server.url('/huge')))).message).toBe(
      `${server.url('/huge')}: answer of 2000 bytes is larger than 1000`,
    );
  });

  it('waits the minimum interval between requests to one host and never overlaps them', async () => {
    const own = await startTestServer();
    try {
      own.route('/a', { body: 'a' });
      own.route('/b', { body: 'b' });
      const clock = fakeClock();
      const fetcher = createPoliteFetcher({ fetch: realFetch, clock, minIntervalMs: 1500 });
      const texts = await Promise.all([
        fetcher.get(own.url('/a')),
        fetcher.get(own.url('/b')),
        fetcher.get(own.url('/a')),
      ]);
      expect(texts.map((t) => t.text)).toEqual(['a', 'b', 'a']);
      expect(clock.sleeps).toEqual([1500, 1500]);
      expect(own.maxConcurrent).toBe(1);
    } finally {
      await own.close();
    }
  });

  it('refuses a URL that is not one', async () => {
    const fetcher = createPoliteFetcher({ fetch: realFetch, clock: fakeClock() });
    await expect(fetcher.get('not a url')).rejects.toThrow('invalid source URL "not a url"');
  });
});
