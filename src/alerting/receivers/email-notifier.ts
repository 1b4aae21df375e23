// The e-mail receiver: sends the rendered notification over SMTP with nodemailer; the Message-ID derives from the idempotency key.
import nodemailer from 'nodemailer';
import { vigilError } from '../../errors/index.js';
import type { DocumentMessage } from '../document-message.js';
import type { NotificationEnvelope } from '../notification.js';
import type { Notifier } from '../notifier.js';
import { notificationSubject, renderNotificationText } from '../render-notification.js';

export interface EmailOptions {
  receiver: string;
  host: string;
  port: number;
  secure: boolean;
  requireTls: boolean;
  from: string;
  to: string[];
  auth?: { user: string; pass: string };
  timeoutMs: number;
  /** The theatre's zone, in which the body prints times (absent: ISO instants). */
  timeZone?: string;
}

export function createEmailNotifier(options: EmailOptions): Notifier {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: options.requireTls,
    ...(options.auth ? { auth: options.auth } : {}),
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    kind: 'email',
    receiver: options.receiver,
    async send(envelope: NotificationEnvelope) {
      try {
        await transport.sendMail({
          from: options.from,
          to: options.to,
          subject: notificationSubject(envelope),
          text: renderNotificationText(envelope, { timeZone: options.timeZone }),
          // A mail system (or a person's filter) can drop a second copy with the same Message-ID.
          messageId: `<${envelope.idempotencyKey}@vigil.alerting>`,
          headers: {
            'X-Vigil-Idempotency-Key': envelope.idempotencyKey,
            'X-Vigil-Delivery': envelope.deliveryId,
            'X-Vigil-Group': envelope.groupKey,
          },
        });
      } catch (error) {
        throw vigilError('VIGIL_DELIVERY_FAILED', `e-mail ${options.receiver}: ${(error as Error).message}`, {
          cause: error,
          details: { receiver: options.receiver },
        });
      }
    },
    async sendDocument(message: DocumentMessage) {
      try {
        await transport.sendMail({
          from: options.from,
          to: options.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
          messageId: `<${message.idempotencyKey}@vigil.brief>`,
          headers: { 'X-Vigil-Idempotency-Key': message.idempotencyKey },
        });
      } catch (error) {
        throw vigilError('VIGIL_DELIVERY_FAILED', `e-mail ${options.receiver}: ${(error as Error).message}`, {
          cause: error,
          details: { receiver: options.receiver },
        });
      }
    },
    async close() {
      transport.close();
    },
  };
}
