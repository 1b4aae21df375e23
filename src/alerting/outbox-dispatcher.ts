// Delivers the outbox: one lane per receiver (a failing or slow receiver never holds up another), at least once, retries with backoff.
import type { AlertStore, OutboxEntry } from './alert-store.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { envelopeFor, type Notifier } from './notifier.js';

export interface DeliveryResult {
  entry: OutboxEntry;
  ok: boolean;
  error?: string;
  /** When the next attempt is due, for failures. */
  retryAt?: string;
}

export interface DispatcherOptions {
  store: AlertStore;
  notifiers: ReadonlyMap<string, Notifier>;
  /** The clock every timing decision reads (injected, so tests and benchmarks can run simulated time). */
  clock: () => Date;
  backoff?: BackoffPolicy;
  /** How long a claimed entry is reserved for this process; must exceed the slowest send (default 60 s). */
  leaseMs?: number;
  /** Entries claimed per round trip to the store (default 50). */
  batch?: number;
  onResult?: (result: DeliveryResult) => void;
  /** A store error ended a lane's round (its entries stay in the outbox for the next kick). */
  onError?: (error: unknown, receiver: string) => void;
}

export interface OutboxDispatcher {
  /** Starts delivery on every idle lane and returns at once; a busy lane looks again when it finishes. */
  kick(): void;
  /** Kicks and waits until every lane has nothing due. */
  dispatchDue(): Promise<void>;
}

export function createOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 50;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  async function deliver(entry: OutboxEntry, notifier: Notifier): Promise<void> {
    const sentAt = options.clock().toISOString();
    try {
      await notifier.send(envelopeFor(entry, sentAt));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(options.clock().getTime() + backoffDelay(backoff, entry.attempts)).toISOString();
      await options.store.markFailed(entry.id, message, retryAt);
      options.onResult?.({ entry, ok: false, error: message, retryAt });
      return;
    }
    await options.store.markDelivered(entry.id, options.clock().toISOString());
    options.onResult?.({ entry, ok: true });
  }

  async function runLane(receiver: string, notifier: Notifier): Promise<void> {
    for (;;) {
      again.delete(receiver);
      const entries = await options.store.claimOutbox({ now: options.clock().toISOString(), leaseMs, limit: batch, receiver });
      // In order within a lane: a receiver sees a group's firing before its resolved.
      for (const entry of entries) await deliver(entry, notifier);
      if (entries.length < batch && !again.has(receiver)) return;
    }
  }

  function start(receiver: string, notifier: Notifier): Promise<void> {
    const current = running.get(receiver);
    if (current) {
      again.add(receiver);
      return current;
    }
    const lane = runLane(receiver, notifier)
      .catch((error: unknown) => options.onError?.(error, receiver))
      .finally(() => running.delete(receiver));
    running.set(receiver, lane);
    return lane;
  }

  return {
    kick() {
      for (const [receiver, notifier] of options.notifiers) void start(receiver, notifier);
    },
    async dispatchDue() {
      await Promise.all([...options.notifiers].map(([receiver, notifier]) => start(receiver, notifier)));
      // A lane that was busy when we asked may have been told to look again: wait for that round too.
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}
