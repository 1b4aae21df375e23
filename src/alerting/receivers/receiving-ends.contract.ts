// Real receiving ends for tests: a node:http webhook server that checks signatures and a real SMTP server (smtp-server).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Notifier } from '../notifier.js';
import type { ReceivedDelivery } from '../notifier.contract.js';
import { createEmailNotifier } from './email-notifier.js';
import { verifySignature } from './webhook-signature.js';

export const WEBHOOK_TEST_SECRET = 'test-secret-0123456789';

export interface Hook {
  url: string;
  deliveries: (ReceivedDelivery & { signed: boolean; body: string })[];
  /** Answer to give to correctly signed requests. */
  status: number;
  close(): Promise<void>;
}

export async function startHook(secret = WEBHOOK_TEST_SECRET): Promise<Hook> {
  const hook: Hook = { url: '', deliveries: [], status: 204, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signed = verifySignature(body, req.headers['x-vigil-signature'] as string | undefined, secret);
      hook.deliveries.push({
        idempotencyKey: String(req.headers['idempotency-key']),
        deliveryId: String(req.headers['x-vigil-delivery']),
        content: body,
        body,
        signed,
      });
      res.writeHead(signed ? hook.status : 401).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  hook.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return hook;
}

export interface SmtpSink {
  port: number;
  messages: (ReceivedDelivery & { raw: string; subject: string; to: string[] })[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = { port: 0, messages: [], close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => new RegExp(`^${name}: *(.+)$`, 'mi').exec(raw)?.[1].trim() ?? '';
        // Quoted-printable soft line breaks would split words the tests look for.
        const content = raw
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
        const decoded = Buffer.from(content, 'latin1').toString('utf8');
        sink.messages.push({
          idempotencyKey: header('X-Vigil-Idempotency-Key'),
          deliveryId: header('X-Vigil-Delivery'),
          content: decoded,
          raw,
          subject: subjectOf(raw),
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((r) => server.close(() => r()));
  return sink;
}

/** The e-mail receiver `watch-floor` sending to the sink over plain SMTP (2 s timeout). */
export function sinkEmailNotifier(sink: SmtpSink): Notifier {
  return createEmailNotifier({
    receiver: 'watch-floor',
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    requireTls: false,
    from: 'vigil@example.org',
    to: ['watch-floor@example.org'],
    timeoutMs: 2_000,
  });
}

/** The Subject header, unfolded and with RFC 2047 encoded words (=?UTF-8?Q?…?= / ?B?) decoded. */
function subjectOf(raw: string): string {
  const folded = /^Subject: *(.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const words = folded.replace(/\?=\r?\n[ \t]+=\?/g, '?==?').replace(/\r?\n[ \t]+/g, ' ');
  return words.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}
