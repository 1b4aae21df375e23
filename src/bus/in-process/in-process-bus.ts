// The in-process Bus (the default): one hub per process, any number of connections to it, the same semantics as the
// NATS adapter (dedup window, durable groups with ack wait and redelivery, broadcast) without a server.
import { vigilError } from '../../errors/index.js';
import type { BroadcastHandler, Bus, BusSubscription, WorkOptions } from '../bus.js';
import { encodePayload } from '../handler-outcome.js';
import { checkGroup, DUPLICATE_WINDOW_MS, streamOf, streamOfPattern, subjectMatches } from '../subjects.js';
import { DedupWindow } from './dedup-window.js';
import { InProcessGroup, type Envelope, type GroupWorker } from './in-process-group.js';

/** Messages kept for a subject no group has consumed yet; beyond this the oldest are dropped (like discard=old). */
const MAX_BACKLOG = 100_000;

export interface InProcessHub {
  /** A new connection: what another process would get from a shared broker. */
  connect(): Bus;
}

export interface InProcessHubOptions {
  /** The clock for the dedup window; default Date.now (this is an adapter, at the edge). */
  now?: () => number;
}

interface Subscriber {
  pattern: string;
  handler: BroadcastHandler<unknown>;
  owner: object;
}

export function createInProcessHub(options: InProcessHubOptions = {}): InProcessHub {
  const now = options.now ?? Date.now;
  const seen = new DedupWindow(DUPLICATE_WINDOW_MS);
  const backlogs = new Map<string, Envelope[]>();
  const groups = new Map<string, Map<string, InProcessGroup>>();
  const subscribers = new Set<Subscriber>();
  let open = 0;

  const isDuplicate = (stream: string, id: string): boolean => seen.seen(`${stream}\u0000${id}`, now());

  function route(envelope: Envelope): void {
    const subjectGroups = groups.get(envelope.subject);
    if (subjectGroups === undefined) {
      const backlog = backlogs.get(envelope.subject) ?? [];
      backlog.push(envelope);
      if (backlog.length > MAX_BACKLOG) backlog.shift();
      backlogs.set(envelope.subject, backlog);
    } else {
      for (const group of subjectGroups.values()) group.enqueue(envelope);
    }
    for (const s of subscribers) {
      if (!subjectMatches(s.pattern, envelope.subject)) continue;
      setImmediate(() => {
        try {
          void Promise.resolve(
            s.handler({
              id: envelope.id,
              subject: envelope.subject,
              payload: JSON.parse(envelope.json),
              deliveryCount: 1,
              working: () => {},
            }),
          ).catch(() => {});
        } catch {
          // Broadcast is at-most-once: a subscriber's failure is its own.
        }
      });
    }
  }

  function groupFor(subject: string, options: WorkOptions): InProcessGroup {
    let subjectGroups = groups.get(subject);
    if (subjectGroups === undefined) {
      subjectGroups = new Map();
      groups.set(subject, subjectGroups);
    }
    let group = subjectGroups.get(options.group);
    if (group === undefined) {
      // The first group on a subject takes what was published before anyone listened.
      group = new InProcessGroup(options, subjectGroups.size === 0 ? (backlogs.get(subject) ?? []) : []);
      backlogs.delete(subject);
      subjectGroups.set(options.group, group);
    }
    return group;
  }

  function shutdownIfUnused(): void {
    if (open > 0) return;
    for (const subjectGroups of groups.values()) for (const g of subjectGroups.values()) g.dispose();
  }

  return {
    connect(): Bus {
      let closed = false;
      const owner = {};
      const workers = new Set<{ group: InProcessGroup; worker: GroupWorker }>();
      open += 1;
      const ensureOpen = () => {
        if (closed) throw vigilError('VIGIL_BUS_UNAVAILABLE', 'the in-process bus connection is closed');
      };

      return {
        kind: 'memory',

        async publish(subject, payload, { id }) {
          ensureOpen();
          const stream = streamOf(subject);
          if (typeof id !== 'string' || id === '')
            throw vigilError('VIGIL_INPUT_INVALID', `bus publish to ${subject}: id must be a non-empty string`);
          const json = encodePayload(subject, payload);
          if (isDuplicate(stream.name, id)) return { duplicate: true };
          route({ id, subject, json });
          return { duplicate: false };
        },

        async work(subject, options, handler): Promise<BusSubscription> {
          ensureOpen();
          streamOf(subject);
          checkGroup(options.group);
          const group = groupFor(subject, options);
          const worker: GroupWorker = {
            handler: handler as GroupWorker['handler'],
            options,
            busy: false,
            stopped: false,
            dead: false,
            running: undefined,
          };
          const entry = { group, worker };
          workers.add(entry);
          group.addWorker(worker);
          return {
            async stop() {
              group.removeWorker(worker);
              workers.delete(entry);
              await worker.running;
            },
          };
        },

        async subscribe(pattern, handler): Promise<BusSubscription> {
          ensureOpen();
          streamOfPattern(pattern);
          const subscriber: Subscriber = { pattern, handler: handler as BroadcastHandler<unknown>, owner };
          subscribers.add(subscriber);
          return {
            async stop() {
              subscribers.delete(subscriber);
            },
          };
        },

        async close() {
          if (closed) return;
          closed = true;
          for (const { group, worker } of workers) {
            worker.dead = true;
            group.removeWorker(worker);
          }
          workers.clear();
          for (const s of subscribers) if (s.owner === owner) subscribers.delete(s);
          open -= 1;
          shutdownIfUnused();
        },
      };
    },
  };
}

/** The default bus: a private hub with one connection (a single Vigil process). */
export function createInProcessBus(options: InProcessHubOptions = {}): Bus {
  return createInProcessHub(options).connect();
}
