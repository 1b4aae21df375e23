// The Bus port: publish with an id for dedup, durable work groups (at-least-once, ack/nak, redelivery), broadcast.
// Adapters: in-process (the default, one process) and NATS JetStream; both pass src/bus/bus.contract.ts.

/** A delivered message. Handlers settle it by returning (ack) or throwing (nak, or term for a permanent error). */
export interface BusMessage<T = unknown> {
  /** The publisher's id: publishing the same id twice to one stream within the dedup window delivers it once. */
  id: string;
  subject: string;
  payload: T;
  /** 1 on first delivery; more after a failed handler, an ack-wait timeout or a worker's death. */
  deliveryCount: number;
  /** The handler is still working on it: restarts the ack-wait clock (call it from long handlers). */
  working(): void;
}

export interface PublishOptions {
  /** Identity for dedup; a retried publish must reuse it. */
  id: string;
}

export interface PublishResult {
  /** True when the bus already had a message with this id (nothing new was queued). */
  duplicate: boolean;
}

export interface WorkOptions {
  /**
   * The durable group: workers (in any process) with the same group and subject share its messages, each message
   * going to one of them; different groups each get every message. Lower-case letters, digits, `-` and `_`.
   */
  group: string;
  /** How long a delivered message may go unsettled (and without working()) before another worker gets it; default 30 s. */
  ackWaitMs?: number;
  /**
   * Messages the whole group may hold unsettled at once, across all its workers; default 1000. 1 makes the group
   * strictly sequential: no two workers ever handle its messages at the same time (used to partition by theatre).
   * Fixed when the group is first created.
   */
  maxInFlight?: number;
  /** First redelivery delay after a failed handler; doubles per attempt up to 60 s; default 1 s. */
  retryDelayMs?: number;
  /** Called with each handler failure (the message is redelivered, or dropped when `permanent`). */
  onError?: (error: unknown, message: BusMessage, permanent: boolean) => void;
}

export type WorkHandler<T> = (message: BusMessage<T>) => Promise<void>;
export type BroadcastHandler<T> = (message: BusMessage<T>) => void | Promise<void>;

export interface BusSubscription {
  /** Takes no new messages, then waits for the handler that is running (if any) to settle its message. */
  stop(): Promise<void>;
}

export interface Bus {
  /** Adapter name: `memory` or `nats`. */
  readonly kind: string;
  /** Queues `payload` (JSON-serialisable) on `subject`, a concrete subject inside one of the streams (subjects.ts). */
  publish(subject: string, payload: unknown, options: PublishOptions): Promise<PublishResult>;
  /**
   * Becomes one worker of a durable group on `subject`. Each worker handles one message at a time; for more
   * concurrency start more workers. Messages published before the group's first worker are kept for it.
   */
  work<T = unknown>(subject: string, options: WorkOptions, handler: WorkHandler<T>): Promise<BusSubscription>;
  /**
   * Broadcast: every live subscriber gets every message published on a matching subject after it subscribed
   * (`*` matches one token, a final `>` the rest). Not durable, not acknowledged.
   */
  subscribe<T = unknown>(pattern: string, handler: BroadcastHandler<T>): Promise<BusSubscription>;
  /**
   * Drops the connection without waiting for running handlers: what they have not settled is redelivered after its
   * ack wait, as if the process had died. Stop subscriptions first for a graceful shutdown. Idempotent; later
   * calls reject with VIGIL_BUS_UNAVAILABLE.
   */
  close(): Promise<void>;
}
