// Runs the alerting engine inside the server process: a cycle on a timer, after each acknowledgement or silence, and
// on each ingest through this process (the accepted-observation path, no reload); delivery to the dashboard's SSE
// receivers and to the receivers named by --alert-receivers; the others' notifications wait in the outbox for
// `vigil alerts watch`.
import type { AlertStore } from '../alerting/alert-store.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import { createAlertingEngine, type CycleAssessments } from '../alerting/alerting-engine.js';
import { createOutboxDispatcher } from '../alerting/outbox-dispatcher.js';
import { createNotifiers } from '../alerting/receivers/create-notifiers.js';
import { vigilError } from '../errors/index.js';
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
  /** Webhook and e-mail receivers this process delivers to as well as SSE (names from the alerting file). */
  receivers?: readonly string[];
  /** Secrets the receivers name (`secret_env`, `password_env`): the configuration's environment. */
  secrets?: Readonly<Record<string, string | undefined>>;
  /** The process's assessment service over every observation (shared with the assess role and the API). */
  assessments: CycleAssessments;
  /** Called before each cycle reads the store (the server marks its alert visibility stale, so the SSE filter
   * judges this cycle's alert events on everything the cycle could have read). */
  beforeCycle?: () => void;
}

export interface AlertLoop {
  /** Runs a cycle now, reloading from the store (after an acknowledgement, a silence, another process's ingest). */
  nudge(): Promise<void>;
  /** Re-assesses with observations this process just stored and delivers what fires, without reloading the day. */
  accepted(observations: readonly Observation[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startAlertLoop(options: AlertLoopOptions): Promise<AlertLoop> {
  const { events, log } = options;
  const named = options.receivers ?? [];
  for (const name of named) {
    const r = options.config.receivers.find((x) => x.name === name);
    if (r === undefined || (r.type !== 'webhook' && r.type !== 'email')) {
      throw vigilError(
        'VIGIL_CONFIG_INVALID',
        `invalid --alert-receivers: ${name} (expected a webhook or e-mail receiver of the alerting file)`,
      );
    }
  }
  const served = options.config.receivers.filter((r) => r.type === 'sse' || named.includes(r.name));
  const notifiers = createNotifiers(served, {
    env: options.secrets ?? {},
    sseHub: events.hub,
    timeZone: options.pack.timeZone,
  });
  const dispatcher = createOutboxDispatcher({
    store: options.alertStore,
    notifiers,
    clock: options.now,
    onResult: (r) => {
      if (!r.ok) log(`alerting: delivery to ${r.entry.receiver} failed: ${r.error}`);
    },
  });
  const engine = createAlertingEngine({
    store: options.store,
    alertStore: options.alertStore,
    pack: options.pack,
    config: options.config,
    dispatcher,
    clock: options.now,
    assessments: options.assessments,
    onCycle: (result) => {
      for (const t of result.transitions)
        events.publish('alert', { id: t.alertId, change: t.to, rule: t.rule, from: t.from });
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
  const accepted = async (observations: readonly Observation[]): Promise<void> => {
    if (stopped) return;
    try {
      options.beforeCycle?.();
      // The cycle kicks the dispatcher when it produced notifications: delivery starts as soon as it commits.
      await engine.observationsAccepted(observations);
    } catch (error) {
      log(`alerting: cycle failed: ${(error as Error).message}`);
    }
  };
  await cycle();
  const timer = setInterval(() => void (stopped || cycle()), options.intervalMs ?? 30_000);
  timer.unref();
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
