// Runs the alerting engine inside the server process: a cycle on a timer and after each ingest, delivery to the
// dashboard's SSE receivers; other receivers' notifications wait in the outbox for `vigil alerts watch`.
import type { AlertStore } from '../alerting/alert-store.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import { createAlertingEngine } from '../alerting/alerting-engine.js';
import { createOutboxDispatcher } from '../alerting/outbox-dispatcher.js';
import { createNotifiers } from '../alerting/receivers/create-notifiers.js';
import type { Observation } from '../model/index.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';
import type { LiveEvents } from './live-events.js';

export interface AlertLoopOptions {
  store: Store;
  alertStore: AlertStore;
  pack: LoadedPack;
  config: AlertingConfig;
  events: LiveEvents;
  now: () => Date;
  /** Time-driven work (timers, escalation, silent feeds); default 30 s. */
  intervalMs?: number;
  log: (line: string) => void;
  /** Called before each cycle reads the store (the server marks its alert visibility stale, so the SSE filter
   * judges this cycle's alert events on everything the cycle could have read). */
  beforeCycle?: () => void;
}

export interface AlertLoop {
  /** Runs a cycle now (after an acknowledgement, a silence or another process's ingest) and delivers what it produced. */
  nudge(): Promise<void>;
  /** Observations this process stored: evaluated incrementally, and only when one is in a series alerts read. */
  accepted(observations: readonly Observation[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startAlertLoop(options: AlertLoopOptions): Promise<AlertLoop> {
  const { events, log } = options;
  const sseReceivers = options.config.receivers.filter((r) => r.type === 'sse');
  const notifiers = createNotifiers(sseReceivers, { env: {}, sseHub: events.hub });
  const dispatcher = createOutboxDispatcher({
    store: options.alertStore, notifiers, clock: options.now,
    onResult: (r) => { if (!r.ok) log(`alerting: delivery to ${r.entry.receiver} failed: ${r.error}`); },
  });
  const engine = createAlertingEngine({
    store: options.store, alertStore: options.alertStore, pack: options.pack, config: options.config, dispatcher, clock: options.now,
    onCycle: (result) => {
      for (const t of result.transitions) events.publish('alert', { id: t.alertId, change: t.to, rule: t.rule, from: t.from });
    },
  });
  let running: Promise<void> | undefined;
  let stopped = false;
  const cycle = (): Promise<void> => {
    running ??= (async () => {
      try {
        options.beforeCycle?.();
        await engine.tick();
        await dispatcher.dispatchDue();
      } catch (error) {
        log(`alerting: cycle failed: ${(error as Error).message}`);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  await cycle();
  const timer = setInterval(() => void (stopped || cycle()), options.intervalMs ?? 30_000);
  timer.unref();
  const accepted = async (observations: readonly Observation[]): Promise<void> => {
    if (stopped) return;
    try {
      options.beforeCycle?.();
      const result = await engine.observationsAccepted(observations);
      if (result) await dispatcher.dispatchDue();
    } catch (error) {
      log(`alerting: cycle failed: ${(error as Error).message}`);
    }
  };
  return {
    nudge: () => (stopped ? Promise.resolve() : cycle()),
    accepted,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      for (const n of notifiers.values()) await n.close();
    },
  };
}
