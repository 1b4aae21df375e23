// Runs a collector now and then every interval, never two runs at once, until stopped. Timers are injected for tests.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Schedule {
  /** Stops the schedule; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Calls `run` at once, then `everyMs` after each run ends (a slow run delays the next instead of piling up). A failing
 * run is reported to `onError` and the schedule goes on: the collector records its own health.
 */
export function startSchedule(
  run: () => Promise<unknown>,
  everyMs: number,
  onError: (error: unknown) => void,
  timers: Timers = systemTimers,
): Schedule {
  if (!(everyMs >= 1000)) throw new RangeError(`a schedule interval must be at least 1000 ms, got ${everyMs}`);
  let stopped = false;
  let handle: unknown;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = run()
      .then(
        () => undefined,
        (error: unknown) => onError(error),
      )
      .then(() => {
        if (!stopped) handle = timers.setTimeout(tick, everyMs);
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      if (handle !== undefined) timers.clearTimeout(handle);
      await current;
    },
  };
}

/** "30s", "15m", "6h", "1d" → milliseconds. */
export function parseInterval(text: string): number | undefined {
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
