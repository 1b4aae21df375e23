// One durable work group of the in-process bus: its queue, its workers, and the ack-wait and redelivery rules.
import type { BusMessage, WorkHandler, WorkOptions } from '../bus.js';
import { isPermanentFailure } from '../handler-outcome.js';
import { retryDelay } from '../subjects.js';

/** A published message as the hub keeps it: the JSON is parsed afresh for every delivery, as over a wire. */
export interface Envelope {
  id: string;
  subject: string;
  json: string;
}

interface Queued {
  envelope: Envelope;
  deliveries: number;
}

export interface GroupWorker {
  handler: WorkHandler<unknown>;
  options: WorkOptions;
  busy: boolean;
  /** Takes no new messages (stopped gracefully, or its connection closed). */
  stopped: boolean;
  /** Its connection closed: like a dead process, whatever it settles from now on never reaches the bus. */
  dead: boolean;
  /** The handler now running, so stop() can wait for it. */
  running: Promise<void> | undefined;
}

interface InFlight {
  item: Queued;
  timer: NodeJS.Timeout;
}

export class InProcessGroup {
  private readonly pending: Queued[] = [];
  private readonly inFlight = new Set<InFlight>();
  private readonly workers: GroupWorker[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private next = 0;
  ackWaitMs: number;
  maxInFlight: number;

  constructor(options: WorkOptions, backlog: readonly Envelope[]) {
    this.ackWaitMs = options.ackWaitMs ?? 30_000;
    this.maxInFlight = options.maxInFlight ?? 1000;
    for (const envelope of backlog) this.pending.push({ envelope, deliveries: 0 });
  }

  /** The latest worker to join sets the group's settings, as with a JetStream consumer update. */
  addWorker(worker: GroupWorker): void {
    this.ackWaitMs = worker.options.ackWaitMs ?? this.ackWaitMs;
    this.maxInFlight = worker.options.maxInFlight ?? this.maxInFlight;
    this.workers.push(worker);
    this.pump();
  }

  removeWorker(worker: GroupWorker): void {
    worker.stopped = true;
    const index = this.workers.indexOf(worker);
    if (index >= 0) this.workers.splice(index, 1);
  }

  enqueue(envelope: Envelope): void {
    this.pending.push({ envelope, deliveries: 0 });
    this.pump();
  }

  /** Clears every timer (the hub is shutting down); unsettled messages are simply dropped with it. */
  dispose(): void {
    for (const f of this.inFlight) clearTimeout(f.timer);
    for (const t of this.timers) clearTimeout(t);
    this.inFlight.clear();
    this.timers.clear();
  }

  private pump(): void {
    while (this.pending.length > 0 && this.inFlight.size < this.maxInFlight) {
      const worker = this.idleWorker();
      if (worker === undefined) return;
      this.deliver(worker, this.pending.shift()!);
    }
  }

  /** Round-robin over idle workers, so work spreads like JetStream pull requests do. */
  private idleWorker(): GroupWorker | undefined {
    for (let i = 0; i < this.workers.length; i++) {
      const worker = this.workers[(this.next + i) % this.workers.length];
      if (!worker.busy && !worker.stopped) {
        this.next = (this.next + i + 1) % this.workers.length;
        return worker;
      }
    }
    return undefined;
  }

  private deliver(worker: GroupWorker, item: Queued): void {
    item.deliveries += 1;
    const flight: InFlight = { item, timer: this.ackTimer(() => this.expire(flight)) };
    this.inFlight.add(flight);
    worker.busy = true;
    const message: BusMessage = {
      id: item.envelope.id,
      subject: item.envelope.subject,
      payload: JSON.parse(item.envelope.json) as unknown,
      deliveryCount: item.deliveries,
      working: () => {
        if (!this.inFlight.has(flight)) return;
        clearTimeout(flight.timer);
        flight.timer = this.ackTimer(() => this.expire(flight));
      },
    };
    worker.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => worker.handler(message))
      .then(
        () => {
          if (!worker.dead) this.settle(flight, 'ack');
        },
        (error: unknown) => {
          if (worker.dead) return;
          const permanent = isPermanentFailure(error);
          worker.options.onError?.(error, message, permanent);
          this.settle(flight, permanent ? 'term' : 'nak', worker.options.retryDelayMs ?? 1000);
        },
      )
      .finally(() => {
        worker.busy = false;
        worker.running = undefined;
        this.pump();
      });
  }

  /** A settle after the ack wait ran out (or from a dead worker) is ignored: the message is already back in line. */
  private settle(flight: InFlight, outcome: 'ack' | 'nak' | 'term', baseDelayMs = 0): void {
    if (!this.inFlight.delete(flight)) return;
    clearTimeout(flight.timer);
    if (outcome !== 'nak') return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.pending.unshift(flight.item);
        this.pump();
      },
      retryDelay(baseDelayMs, flight.item.deliveries),
    );
    timer.unref();
    this.timers.add(timer);
  }

  private expire(flight: InFlight): void {
    if (!this.inFlight.delete(flight)) return;
    this.pending.unshift(flight.item);
    this.pump();
  }

  private ackTimer(onExpiry: () => void): NodeJS.Timeout {
    const timer = setTimeout(onExpiry, this.ackWaitMs);
    timer.unref();
    return timer;
  }
}
