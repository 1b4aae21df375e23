// The Notifier port: delivers one notification envelope to one receiver, or rejects with VIGIL_DELIVERY_FAILED.
import type { OutboxEntry } from './alert-store.js';
import type { DocumentMessage } from './document-message.js';
import { ENVELOPE_VERSION, type NotificationEnvelope } from './notification.js';

export interface Notifier {
  /** `webhook`, `email`, `sse`, `terminal`. */
  readonly kind: string;
  /** The receiver name from the alerting file. */
  readonly receiver: string;
  /** Resolves once the receiving end has accepted the envelope; rejects with VIGIL_DELIVERY_FAILED otherwise. */
  send(envelope: NotificationEnvelope): Promise<void>;
  /**
   * Delivers a document (the daily brief): e-mail with attachments, webhook with links. Absent on receivers that
   * cannot carry one (SSE, terminal).
   */
  sendDocument?(message: DocumentMessage): Promise<void>;
  close(): Promise<void>;
}

/** The envelope for one attempt at an outbox entry: the idempotency key stays, the delivery id is new each attempt. */
export function envelopeFor(entry: OutboxEntry, sentAt: string): NotificationEnvelope {
  return {
    version: ENVELOPE_VERSION,
    deliveryId: `${entry.id}#${entry.attempts}`,
    idempotencyKey: entry.id,
    receiver: entry.receiver,
    attempt: entry.attempts,
    sentAt,
    ...entry.notification,
  };
}
