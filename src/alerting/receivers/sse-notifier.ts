// The server-sent-events receiver: publishes each envelope to an in-process hub that the dashboard's HTTP layer exposes.
import type { NotificationEnvelope } from '../notification.js';
import type { Notifier } from '../notifier.js';
import type { SseHub } from './sse-hub.js';

/** Delivered means published to the hub (and kept in its replay buffer for clients that reconnect). */
export function createSseNotifier(receiver: string, hub: SseHub): Notifier {
  return {
    kind: 'sse',
    receiver,
    async send(envelope: NotificationEnvelope) {
      hub.publish({ id: envelope.idempotencyKey, event: 'alert-notification', data: JSON.stringify(envelope) });
    },
    async close() {},
  };
}
