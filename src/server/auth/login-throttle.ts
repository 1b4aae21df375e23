// Slows password guessing: failed sign-ins are counted per username and per client address over a sliding window,
// and once a key reaches its limit every sign-in for it is refused (429) until its oldest counted failure leaves the
// window. A successful sign-in clears its username's count, never the address's (one attacker, many accounts).
// Pure bookkeeping: the caller passes the time in. Per process: several API processes each keep their own count.

export interface LoginThrottleOptions {
  /** Failures counted per username within the window before it is locked; default 5. */
  perUser?: number;
  /** Failures counted per client address within the window before it is locked; default 20. */
  perAddress?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** Keys remembered at most (the oldest are forgotten first), so a flood of usernames cannot exhaust memory. */
  maxKeys?: number;
}

export interface LoginThrottle {
  /** Milliseconds to wait before this sign-in may be tried, or 0 when it may be tried now. */
  retryAfterMs(username: string, address: string, nowMs: number): number;
  failed(username: string, address: string, nowMs: number): void;
  succeeded(username: string): void;
}

export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const perUser = options.perUser ?? 5;
  const perAddress = options.perAddress ?? 20;
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxKeys = options.maxKeys ?? 10_000;
  /** Failure times per key (`u:name` or `a:address`), oldest first; Map order = least recently failed first. */
  const failures = new Map<string, number[]>();

  const recent = (key: string, nowMs: number): number[] => {
    const times = failures.get(key);
    if (times === undefined) return [];
    while (times.length > 0 && times[0] <= nowMs - windowMs) times.shift();
    if (times.length === 0) failures.delete(key);
    return times;
  };
  const wait = (key: string, limit: number, nowMs: number): number => {
    const times = recent(key, nowMs);
    return times.length < limit ? 0 : times[times.length - limit] + windowMs - nowMs;
  };
  const record = (key: string, nowMs: number) => {
    const times = recent(key, nowMs);
    failures.delete(key);
    failures.set(key, [...times, nowMs]);
    while (failures.size > maxKeys) failures.delete(failures.keys().next().value as string);
  };

  return {
    retryAfterMs: (username, address, nowMs) => Math.max(wait(`u:${username}`, perUser, nowMs), wait(`a:${address}`, perAddress, nowMs)),
    failed(username, address, nowMs) {
      record(`u:${username}`, nowMs);
      record(`a:${address}`, nowMs);
    },
    succeeded(username) {
      failures.delete(`u:${username}`);
    },
  };
}
