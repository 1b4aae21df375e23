// The webhook receiver: POSTs the JSON envelope, signed with HMAC-SHA256 over the raw body, with delivery id and idempotency key headers.
import http from 'node:http';
import https from 'node:https';
import { vigilError } from '../../errors/index.js';
import { documentWebhookBody, type DocumentMessage } from '../document-message.js';
import type { NotificationEnvelope } from '../notification.js';
import type { Notifier } from '../notifier.js';
import { signBody } from './webhook-signature.js';

export interface WebhookOptions {
  receiver: string;
  url: string;
  secret: string;
  timeoutMs: number;
}

export function createWebhookNotifier(options: WebhookOptions): Notifier {
  const url = new URL(options.url);
  const client = url.protocol === 'https:' ? https : http;
  // Keep-alive: a notification on loopback then costs one request, not a connection set-up.
  const agent = new client.Agent({ keepAlive: true, maxSockets: 8 });

  const post = (body: string, delivery: string, idempotencyKey: string) => {
    const headers = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      'user-agent': 'vigil-alerting',
      'x-vigil-signature': signBody(body, options.secret),
      'x-vigil-delivery': delivery,
      'idempotency-key': idempotencyKey,
    };
    return new Promise<void>((resolve, reject) => {
      const fail = (why: string, cause?: unknown) =>
        reject(
          vigilError('VIGIL_DELIVERY_FAILED', `webhook ${options.receiver}: ${why}`, {
            cause,
            details: { receiver: options.receiver },
          }),
        );
      const req = client.request(url, { method: 'POST', headers, agent, timeout: options.timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else fail(`HTTP ${status}`);
        });
        res.on('error', (error) => fail(error.message, error));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
      req.on('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message, error));
      req.end(body);
    });
  };

  return {
    kind: 'webhook',
    receiver: options.receiver,
    send: (envelope: NotificationEnvelope) =>
      post(JSON.stringify(envelope), envelope.deliveryId, envelope.idempotencyKey),
    sendDocument: (message: DocumentMessage) =>
      post(documentWebhookBody(message), `${message.idempotencyKey}@${message.sentAt}`, message.idempotencyKey),
    async close() {
      agent.destroy();
    },
  };
}
