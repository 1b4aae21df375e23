// Fetches source pages politely: one request at a time per host with a minimum interval, a timeout, a size cap, and
// retries with exponential backoff on network errors, 429 and 5xx (honouring Retry-After). `fetch` is injected, so tests
// serve saved pages and production uses the global fetch.
import { vigilError } from '../errors/index.js';

/** The part of the WHATWG fetch API the collectors use; the global `fetch` satisfies it. */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal; redirect: 'follow' },
) => Promise<ResponseLike>;

export interface ResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PoliteFetcherOptions {
  fetch: FetchLike;
  /** Identifies the collector to the site operator. */
  userAgent?: string;
  /** Minimum time between two requests to one host; default 2000 ms. */
  minIntervalMs?: number;
  /** Further attempts after the first; default 3. */
  retries?: number;
  /** First backoff, doubled on each retry up to maxBackoffMs; defaults 1000 and 60000 ms. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Per-attempt timeout; default 30000 ms. */
  timeoutMs?: number;
  /** Larger bodies are refused; default 5 MB. */
  maxBytes?: number;
  clock?: Clock;
}

export interface Fetched {
  url: string;
  status: number;
  text: string;
  attempts: number;
}

export interface PoliteFetcher {
  /** The body of a 2xx answer; throws VIGIL_SOURCE_UNAVAILABLE when the source cannot be fetched. */
  get(url: string): Promise<Fetched>;
}

export const DEFAULT_USER_AGENT =
  'vigil-collector/0.1 (+https://github.com/vigil; polite: one request per host at a time)';

export function createPoliteFetcher(options: PoliteFetcherOptions): PoliteFetcher {
  const clock = options.clock ?? systemClock;
  const minInterval = options.minIntervalMs ?? 2000;
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 60_000;
  const timeout = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const headers = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5',
  };
  /** Per host: when the next request may start, and the queue tail (requests to one host never overlap). */
  const hosts = new Map<string, { nextAt: number; tail: Promise<unknown> }>();

  async function attempt(url: string): Promise<{ status: number; text: string; retryAfterMs?: number }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    try {
      const response = await options.fetch(url, { headers, signal: controller.signal, redirect: 'follow' });
      const length = Number(response.headers.get('content-length') ?? 0);
      if (length > maxBytes) throw new FetchFailure(`answer of ${length} bytes is larger than ${maxBytes}`, false);
      const text = await response.text();
      if (text.length > maxBytes)
        throw new FetchFailure(`answer of ${text.length} characters is larger than ${maxBytes}`, false);
      return {
        status: response.status,
        text,
        retryAfterMs: retryAfter(response.headers.get('retry-after'), clock.now()),
      };
    } catch (error) {
      if (error instanceof FetchFailure) throw error;
      const reason = controller.signal.aborted ? `no answer within ${timeout} ms` : (error as Error).message;
      throw new FetchFailure(reason, true);
    } finally {
      clearTimeout(timer);
    }
  }

  async function fetchWithRetries(url: string, host: { nextAt: number }): Promise<Fetched> {
    let delay = backoff;
    let last = '';
    for (let attempts = 1; attempts <= retries + 1; attempts++) {
      const wait = host.nextAt - clock.now();
      if (wait > 0) await clock.sleep(wait);
      host.nextAt = clock.now() + minInterval;
      let retryAfterMs: number | undefined;
      try {
        const answer = await attempt(url);
        if (answer.status >= 200 && answer.status < 300)
          return { url, status: answer.status, text: answer.text, attempts };
        last = `HTTP ${answer.status}`;
        if (answer.status !== 429 && answer.status < 500) break; // 4xx: asking again will not help
        retryAfterMs = answer.retryAfterMs;
      } catch (error) {
        if (!(error instanceof FetchFailure)) throw error;
        last = error.message;
        if (!error.retryable) break;
      }
      if (attempts <= retries) {
        await clock.sleep(Math.min(maxBackoff, Math.max(delay, retryAfterMs ?? 0)));
        delay = Math.min(maxBackoff, delay * 2);
      }
    }
    throw vigilError('VIGIL_SOURCE_UNAVAILABLE', `${url}: ${last}`);
  }

  return {
    get(url) {
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        return Promise.reject(vigilError('VIGIL_CONFIG_INVALID', `invalid source URL ${JSON.stringify(url)}`));
      }
      let state = hosts.get(host);
      if (!state) hosts.set(host, (state = { nextAt: 0, tail: Promise.resolve() }));
      const run = state.tail.then(() => fetchWithRetries(url, state!));
      state.tail = run.catch(() => undefined);
      return run;
    },
  };
}

class FetchFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Retry-After as delay seconds or an HTTP date, in ms from now; capped by the caller. */
function retryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
