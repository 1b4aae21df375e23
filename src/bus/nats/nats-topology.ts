// Names and configurations of Vigil's JetStream streams and durable consumers, optionally inside a namespace.
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { vigilError } from '../../errors/index.js';
import { DUPLICATE_WINDOW_MS, STREAM_FAMILIES, type StreamFamily } from '../subjects.js';

const NAMESPACE = /^[a-z0-9_]{1,32}$/;

/** Maps Vigil subjects to wire subjects and stream names; a namespace keeps several Vigils (or tests) apart on one server. */
export interface NatsTopology {
  namespace?: string;
  wireSubject(subject: string): string;
  /** The Vigil subject of a wire subject (the namespace token removed). */
  vigilSubject(wire: string): string;
  streamName(family: StreamFamily): string;
  streamConfig(
    family: StreamFamily,
    storage: 'file' | 'memory',
  ): Partial<StreamConfig> & { name: string; subjects: string[] };
  durableName(group: string, subject: string): string;
  consumerConfig(durable: string, wire: string, ackWaitMs: number, maxInFlight: number): Partial<ConsumerConfig>;
}

export function natsTopology(namespace?: string): NatsTopology {
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `invalid NATS namespace ${JSON.stringify(namespace)} (expected 1-32 lower-case letters, digits and _)`,
    );
  }
  const prefix = namespace === undefined ? '' : `${namespace}.`;
  const topology: NatsTopology = {
    namespace,
    wireSubject: (subject) => `${prefix}${subject}`,
    vigilSubject: (wire) => (wire.startsWith(prefix) ? wire.slice(prefix.length) : wire),
    streamName: (family) => `${namespace === undefined ? '' : `${namespace.toUpperCase()}_`}VIGIL_${family.name}`,
    streamConfig: (family, storage) => ({
      name: topology.streamName(family),
      subjects: [`${prefix}${family.prefix}.>`],
      // Limits retention: acknowledged messages stay until max_age, so a group created later can replay them, and
      // several groups can read one subject (a work-queue stream would allow only one consumer per subject).
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: nanos(family.maxAgeMs),
      duplicate_window: nanos(DUPLICATE_WINDOW_MS),
      storage: storage === 'memory' ? StorageType.Memory : StorageType.File,
      num_replicas: 1,
    }),
    // Durable names may not contain dots; group and subject are both [a-z0-9_-] tokens.
    durableName: (group, subject) => `${group}__${subject.replaceAll('.', '_')}`,
    consumerConfig: (durable, wire, ackWaitMs, maxInFlight) => ({
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // One filter subject per consumer: nats-server 2.9 has no filter_subjects.
      filter_subject: wire,
      ack_wait: nanos(ackWaitMs),
      max_ack_pending: maxInFlight,
      max_deliver: -1,
    }),
  };
  return topology;
}

export { STREAM_FAMILIES };
