// Delivers the outbox: one lane per receiver (a failing or slow receiver never holds up another), at least once, retries with backoff.
// Within a lane, order per alert group holds across retries: while an earlier notification of a group is undelivered
// (failed and waiting for its retry, or leased by another process), later ones of that group are held back, so a
// receiver never sees `resolved` overtaken by an older `firing` after an outage.
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

/** The outbox's order: created, then id (the order claims take and listings return). */
function before(a: OutboxEntry, b: OutboxEntry): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Notifications of one alert group on one route are states of the same thing: they must arrive in order. */
function groupOf(entry: OutboxEntry): string {
  return `${entry.notification.routeId}\u0000${entry.notification.groupKey}`;
}

export function createOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const leaseMs = options.leaseMs ?? 60_000;
  const batch = options.batch ?? 50;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  /** Sends one entry: on success, when it was delivered; on failure, it is marked failed and the result says when it is due again. */
  async function deliver(
    entry: OutboxEntry,
    notifier: Notifier,
  ): Promise<{ deliveredAt: string } | { retryAt: string }> {
    const sentAt = options.clock().toISOString();
    try {
      await notifier.send(envelopeFor(entry, sentAt));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(options.clock().getTime() + backoffDelay(backoff, entry.attempts)).toISOString();
      await options.store.markFailed(entry.id, message, retryAt);
      options.onResult?.({ entry, ok: false, error: message, retryAt });
      return { retryAt };
    }
    return { deliveredAt: options.clock().toISOString() };
  }

  async function runLane(receiver: string, notifier: Notifier): Promise<void> {
    for (;;) {
      again.delete(receiver);
      const now = options.clock().toISOString();
      const entries = await options.store.claimOutbox({ now, leaseMs, limit: batch, receiver });
      const blocked =
        entries.length === 0 ? new Map<string, string>() : await earlierUndelivered(receiver, entries, now);
      // The round's deliveries are marked together before the next claim: one write for a backlog, not one per entry
      // (until then they stay leased to this lane; a crash before the mark sends them again, as any crash after a send).
      const delivered: { entry: OutboxEntry; at: string }[] = [];
      try {
        // In order within a lane: a receiver sees a group's firing before its resolved.
        for (const entry of entries) {
          const group = groupOf(entry);
          const until = blocked.get(group);
          if (until !== undefined) {
            await hold(entry, until);
            continue;
          }
          const outcome = await deliver(entry, notifier);
          if ('retryAt' in outcome) blocked.set(group, outcome.retryAt);
          else delivered.push({ entry, at: outcome.deliveredAt });
        }
      } finally {
        await options.store.markDelivered(delivered.map((d) => ({ id: d.entry.id, at: d.at })));
        for (const d of delivered) options.onResult?.({ entry: d.entry, ok: true });
      }
      if (entries.length < batch && !again.has(receiver)) return;
    }
  }

  /**
   * For each group with an undelivered entry older than one just claimed (not itself claimed now), when that entry
   * may next be tried: the claimed ones behind it wait until then. Only entries no lane could claim now can be such an
   * entry (not yet due, or leased elsewhere): a due one left unclaimed comes after every claimed one, since a claim takes
   * the oldest due first. So the store is asked for those few, not for the whole backlog.
   */
  async function earlierUndelivered(
    receiver: string,
    claimed: readonly OutboxEntry[],
    now: string,
  ): Promise<Map<string, string>> {
    const claimedIds = new Set(claimed.map((e) => e.id));
    const firstClaimed = new Map<string, OutboxEntry>();
    for (const e of claimed) {
      const first = firstClaimed.get(groupOf(e));
      if (first === undefined || before(e, first)) firstClaimed.set(groupOf(e), e);
    }
    // Without the claimed entries themselves (this lane's lease makes them "waiting"): usually nothing comes back.
    const waiting = await options.store.listOutbox({
      status: 'pending',
      receiver,
      waitingAt: now,
      exceptIds: [...claimedIds],
    });
    const blocked = new Map<string, string>();
    for (const e of waiting) {
      const group = groupOf(e);
      const first = firstClaimed.get(group);
      if (claimedIds.has(e.id) || first === undefined || !before(e, first) || blocked.has(group)) continue;
      blocked.set(
        group,
        [e.nextAttemptAt, e.leasedUntil ?? '', now].reduce((a, b) => (a > b ? a : b)),
      );
    }
    return blocked;
  }

  /** Gives a claimed entry back, due when the entry it waits for is (at least a second from now, so a lane never spins). */
  async function hold(entry: OutboxEntry, until: string): Promise<void> {
    const floor = new Date(options.clock().getTime() + 1000).toISOString();
    await options.store.markFailed(
      entry.id,
      'held: an earlier notification of its group is not delivered yet (order per group)',
      until > floor ? until : floor,
    );
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
