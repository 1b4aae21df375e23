// The terminal receiver: prints each notification as text to a stream (what `vigil alerts watch` shows live).
import { vigilError } from '../../errors/index.js';
import type { NotificationEnvelope } from '../notification.js';
import type { Notifier } from '../notifier.js';
import { renderNotificationText } from '../render-notification.js';

export interface TextSink {
  write(text: string, callback: (error?: Error | null) => void): unknown;
}

export function createTerminalNotifier(
  receiver: string,
  sink: TextSink,
  options: { colour?: boolean; timeZone?: string } = {},
): Notifier {
  return {
    kind: 'terminal',
    receiver,
    send(envelope: NotificationEnvelope) {
      return new Promise<void>((resolve, reject) => {
        sink.write(`${renderNotificationText(envelope, options)}\n`, (error) => {
          if (error)
            reject(vigilError('VIGIL_DELIVERY_FAILED', `terminal ${receiver}: ${error.message}`, { cause: error }));
          else resolve();
        });
      });
    },
    async close() {},
  };
}
