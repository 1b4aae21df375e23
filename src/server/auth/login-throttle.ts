// Slows password guessing. Every sign-in is counted as a failure the moment it begins (before the password is hashed),
// so parallel guesses cannot all slip under the limit; a success then takes its own attempt back. Three keys, each
// locked once it holds its limit of attempts within the window, until its oldest counted attempt leaves the window:
// the username from one address (5), the address (20), and the username from every address together (a looser 50,
// so one attacker's address cannot lock `admin` out for everyone). IPv6 addresses count by their /64.
// Pure bookkeeping: the caller passes the time in. Per process: several API processes each keep their own count.
import { throttleAddressKey } from './client-address.js';

export interface LoginThrottleOptions {
  /** Attempts per username from one client address within the window before that pair is locked; default 5. */
  perUserAddress?: number;
  /** Attempts per client address (any username) within the window before the address is locked; default 20. */
  perAddress?: number;
  /** Attempts per username from all addresses together within the window before the username is locked; default 50. */
  perUser?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** Keys remembered at most, so a flood of usernames or addresses cannot exhaust memory; unlocked keys go first. */
  maxKeys?: number;
}

/** Which limit refused a sign-in. */
export type ThrottleScope = 'user-address' | 'address' | 'user';

export interface LoginAttempt {
  /** 0: go ahead (the attempt now counts as failed until `succeeded`); else milliseconds to wait (nothing counted). */
  retryAfterMs: number;
  /** The limits that refused it (empty when it may go ahead). */
  scopes: ThrottleScope[];
  /** Refused, and the first refusal of one of those locks in its lock period: worth one audit entry (not one per try). */
  firstRefusal: boolean;
}

export interface LoginThrottle {
  /** Call before checking the password; when `retryAfterMs` is 0 the attempt is counted at `nowMs`. */
  begin(username: string, address: string, nowMs: number): LoginAttempt;
  /** The password was right: clears the (username, address) count and takes back the attempt begun at `nowMs` from the address and username counts. */
  succeeded(username: string, address: string, nowMs: number): void;
  /** Keys held (for tests and metrics). */
  size(): number;
}

interface Entry {
  /** Attempt times within the window, oldest first; never more than `limit`. */
  times: number[];
  limit: number;
  /** Refusals are reported once per lock: until this time, a refusal by this key is not reported again. */
  reportedUntil: number;
}

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const limits: Record<ThrottleScope, number> = {
    'user-address': options.perUserAddress ?? 5,
    address: options.perAddress ?? 20,
    user: options.perUser ?? 50,
  };
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  /** Map order: least recently counted first. */
  const entries = new Map<string, Entry>();

  const keysOf = (username: string, address: string): [ThrottleScope, string][] => {
    const a = throttleAddressKey(address);
    return [
      ['user-address', `ua:${username}\n${a}`],
      ['address', `a:${a}`],
      ['user', `u:${username}`],
    ];
  };
  /** Drops times outside the window (in place); forgets the key when none is left. */
  const live = (key: string, nowMs: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    let expired = 0;
    while (expired < entry.times.length && entry.times[expired] <= nowMs - windowMs) expired++;
    if (expired > 0) entry.times.splice(0, expired);
    if (entry.times.length === 0 && entry.reportedUntil <= nowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const waitOf = (entry: Entry | undefined, nowMs: number): number =>
    entry === undefined || entry.times.length < entry.limit
      ? 0
      : entry.times[entry.times.length - entry.limit] + windowMs - nowMs;

  /** Over the limit: forget keys that lock nothing first (oldest first); only when every key is locked, the oldest lock. */
  const evict = (nowMs: number) => {
    for (let visited = 0, n = entries.size; visited < n && entries.size > maxKeys; visited++) {
      const key = entries.keys().next().value as string;
      const entry = live(key, nowMs);
      if (entry === undefined) continue;
      entries.delete(key);
      if (waitOf(entry, nowMs) > 0 || entry.reportedUntil > nowMs) entries.set(key, entry);
    }
    while (entries.size > maxKeys) entries.delete(entries.keys().next().value as string);
  };

  const count = (scope: ThrottleScope, key: string, nowMs: number) => {
    const entry = live(key, nowMs) ?? { times: [], limit: limits[scope], reportedUntil: 0 };
    entry.times.push(nowMs);
    if (entry.times.length > entry.limit) entry.times.splice(0, entry.times.length - entry.limit);
    entries.delete(key);
    entries.set(key, entry);
  };

  return {
    begin(username, address, nowMs) {
      const keys = keysOf(username, address);
      let retryAfterMs = 0;
      let firstRefusal = false;
      const scopes: ThrottleScope[] = [];
      for (const [scope, key] of keys) {
        const entry = live(key, nowMs);
        const wait = waitOf(entry, nowMs);
        if (entry === undefined || wait <= 0) continue;
        scopes.push(scope);
        retryAfterMs = Math.max(retryAfterMs, wait);
        if (entry.reportedUntil <= nowMs) {
          firstRefusal = true;
          entry.reportedUntil = nowMs + wait;
        }
      }
      if (retryAfterMs > 0) return { retryAfterMs, scopes, firstRefusal };
      for (const [scope, key] of keys) count(scope, key, nowMs);
      if (entries.size > maxKeys) evict(nowMs);
      return { retryAfterMs: 0, scopes, firstRefusal: false };
    },
    succeeded(username, address, nowMs) {
      const [[, pair], [, addressKey], [, user]] = keysOf(username, address);
      // The user's own address is cleared; elsewhere only this attempt is taken back, so a sign-in by the real user
      // never wipes out failures that other addresses piled up against the same username.
      entries.delete(pair);
      for (const key of [addressKey, user]) {
        const entry = live(key, nowMs);
        const i = entry ? entry.times.lastIndexOf(nowMs) : -1;
        if (entry && i >= 0) {
          entry.times.splice(i, 1);
          live(key, nowMs);
        }
      }
    },
    size: () => entries.size,
  };
}
