// The NATS JetStream Bus adapter: streams per family, durable pull consumers as work groups, Nats-Msg-Id dedup,
// ordered consumers for broadcast.
import {
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DeliverPolicy } from '@nats-io/jetstream';
import { isVigilError, vigilError, type VigilError } from '../../errors/index.js';
import type { BroadcastHandler, Bus, BusMessage, BusSubscription, WorkHandler, WorkOptions } from '../bus.js';
import { encodePayload, isPermanentFailure } from '../handler-outcome.js';
import { checkGroup, retryDelay, streamOf, streamOfPattern, STREAM_FAMILIES } from '../subjects.js';
import { natsTopology } from './nats-topology.js';
import { parseNatsUrl } from './nats-url.js';

export interface NatsBusOptions {
  /** `nats://host[:port][,…][?namespace=name]`. */
  url: string;
  /** Stream storage; tests may use memory. Default file (survives a server restart). */
  storage?: 'file' | 'memory';
  /** Connection name shown by the server (e.g. the role). */
  name?: string;
  connectTimeoutMs?: number;
}

/** Connects and makes sure Vigil's three streams exist (creating or updating them). */
export async function createNatsBus(options: NatsBusOptions): Promise<Bus> {
  const location = parseNatsUrl(options.url);
  const topology = natsTopology(location.namespace);
  const unavailable = (what: string, cause?: unknown): VigilError =>
    isVigilError(cause)
      ? cause
      : vigilError(
          'VIGIL_BUS_UNAVAILABLE',
          `NATS at ${location.label}: ${what}${cause === undefined ? '' : `: ${(cause as Error).message}`}`,
          { cause },
        );

  let nc: NatsConnection;
  try {
    nc = await connect({
      servers: location.servers,
      name: options.name ?? 'vigil',
      timeout: options.connectTimeoutMs ?? 5000,
      maxReconnectAttempts: -1,
    });
  } catch (error) {
    throw vigilError('VIGIL_BUS_UNAVAILABLE', `cannot reach NATS at ${location.label}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let jsm: JetStreamManager;
  let js: JetStreamClient;
  try {
    jsm = await jetstreamManager(nc);
    js = jetstream(nc);
    for (const family of STREAM_FAMILIES) {
      const config = topology.streamConfig(family, options.storage ?? 'file');
      await jsm.streams.add(config).catch(() => jsm.streams.update(config.name, config));
    }
  } catch (error) {
    await nc.close().catch(() => {});
    throw unavailable('JetStream streams could not be set up (is JetStream enabled, -js?)', error);
  }

  let closed = false;
  const loops = new Set<() => void>();
  const ensureOpen = () => {
    if (closed) throw vigilError('VIGIL_BUS_UNAVAILABLE', `the NATS bus connection to ${location.label} is closed`);
  };
  const toMessage = <T>(m: JsMsg, deliveryCount: number): BusMessage<T> => ({
    id: m.headers?.get('Nats-Msg-Id') ?? String(m.seq),
    subject: topology.vigilSubject(m.subject),
    payload: JSON.parse(m.string()) as T,
    deliveryCount,
    working: () => m.working(),
  });

  async function ensureConsumer(stream: string, durable: string, wire: string, options: WorkOptions): Promise<void> {
    const config = topology.consumerConfig(durable, wire, options.ackWaitMs ?? 30_000, options.maxInFlight ?? 1000);
    try {
      await jsm.consumers.add(stream, config);
    } catch {
      // It exists with other settings: the latest worker to join sets ack wait and the in-flight limit.
      await jsm.consumers.update(stream, durable, {
        ack_wait: config.ack_wait,
        max_ack_pending: config.max_ack_pending,
      });
    }
  }

  return {
    kind: 'nats',

    async publish(subject, payload, { id }) {
      ensureOpen();
      streamOf(subject);
      if (typeof id !== 'string' || id === '')
        throw vigilError('VIGIL_INPUT_INVALID', `bus publish to ${subject}: id must be a non-empty string`);
      const json = encodePayload(subject, payload, Math.min(nc.info?.max_payload ?? Infinity, 1024 * 1024));
      try {
        const ack = await js.publish(topology.wireSubject(subject), json, { msgID: id });
        return { duplicate: ack.duplicate };
      } catch (error) {
        throw unavailable(`publish to ${subject} failed`, error);
      }
    },

    async work<T>(subject: string, options: WorkOptions, handler: WorkHandler<T>): Promise<BusSubscription> {
      ensureOpen();
      const family = streamOf(subject);
      checkGroup(options.group);
      const stream = topology.streamName(family);
      const durable = topology.durableName(options.group, subject);
      let messages: ConsumerMessages;
      try {
        await ensureConsumer(stream, durable, topology.wireSubject(subject), options);
        messages = await (await js.consumers.get(stream, durable)).consume({ max_messages: 1 });
      } catch (error) {
        throw unavailable(`cannot join work group ${options.group} on ${subject}`, error);
      }
      let stopping = false;
      let handling = false;
      const stopPulling = () => {
        void messages.close().catch(() => {});
      };
      loops.add(stopPulling);
      const settle = async (m: JsMsg) => {
        let message: BusMessage<T> | undefined;
        try {
          message = toMessage<T>(m, m.info.deliveryCount);
          await handler(message);
          if (!closed) m.ack();
        } catch (error) {
          // After close() the process is as good as dead: whatever it settles never reaches the server.
          if (closed) return;
          const permanent = message === undefined || isPermanentFailure(error);
          options.onError?.(
            error,
            message ?? {
              id: String(m.seq),
              subject,
              payload: undefined,
              deliveryCount: m.info.deliveryCount,
              working: () => {},
            },
            permanent,
          );
          if (permanent) m.term();
          else m.nak(retryDelay(options.retryDelayMs ?? 1000, m.info.deliveryCount));
        }
      };
      const loop = (async () => {
        try {
          for await (const m of messages) {
            if (stopping) {
              // Pulled ahead while stopping: hand it straight back rather than let it wait out the ack wait.
              m.nak();
              continue;
            }
            handling = true;
            await settle(m);
            handling = false;
            if (stopping) stopPulling();
          }
        } catch {
          // The connection closed under the iterator: unsettled messages are redelivered after their ack wait.
        }
      })();
      return {
        async stop() {
          stopping = true;
          if (!handling) stopPulling();
          await loop;
          loops.delete(stopPulling);
        },
      };
    },

    async subscribe<T>(pattern: string, handler: BroadcastHandler<T>): Promise<BusSubscription> {
      ensureOpen();
      const family = streamOfPattern(pattern);
      let messages: ConsumerMessages;
      try {
        // An ordered consumer from "now": sees only what the stream stored, so a deduplicated publish is not seen twice.
        const consumer = await js.consumers.get(topology.streamName(family), {
          filter_subjects: topology.wireSubject(pattern),
          deliver_policy: DeliverPolicy.New,
        });
        messages = await consumer.consume();
      } catch (error) {
        throw unavailable(`cannot subscribe to ${pattern}`, error);
      }
      const stopPulling = () => {
        void messages.close().catch(() => {});
      };
      loops.add(stopPulling);
      const loop = (async () => {
        try {
          for await (const m of messages) {
            try {
              await handler(toMessage<T>(m, 1));
            } catch {
              // Broadcast is at-most-once: a subscriber's failure is its own.
            }
          }
        } catch {
          // Connection closed.
        }
      })();
      return {
        async stop() {
          stopPulling();
          await loop;
          loops.delete(stopPulling);
        },
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const stop of loops) stop();
      loops.clear();
      await nc.close().catch(() => {});
    },
  };
}
