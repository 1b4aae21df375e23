// The Notifier contract for server-sent events: a real node:http server exposes the hub and a real client reads the stream.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runNotifierContract, waitFor, type ReceivedDelivery } from '../notifier.contract.js';
import { createSseHub, type SseHub } from './sse-hub.js';
import { createSseNotifier } from './sse-notifier.js';

interface SseClient {
  events: (ReceivedDelivery & { id: string })[];
  close(): void;
}

/** Reads `text/event-stream` from the server the way a browser's EventSource does (id, event, data lines). */
function connect(port: number, lastEventId?: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const client: SseClient = { events: [], close: () => {} };
    const req = http.get(
      { host: '127.0.0.1', port, path: '/events', headers: lastEventId ? { 'last-event-id': lastEventId } : {} },
      (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const field = (name: string) =>
              block
                .split('\n')
                .filter((l) => l.startsWith(`${name}: `))
                .map((l) => l.slice(name.length + 2));
            const data = field('data').join('\n');
            if (data === '') continue;
            const envelope = JSON.parse(data);
            client.events.push({
              id: field('id')[0],
              idempotencyKey: envelope.idempotencyKey,
              deliveryId: envelope.deliveryId,
              content: data,
            });
          }
        });
        client.close = () => req.destroy();
        resolve(client);
      },
    );
    req.on('error', (e) => (client.events.length === 0 ? reject(e) : undefined));
  });
}

async function serve(hub: SseHub) {
  const server = http.createServer((req, res) => hub.handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const close = () =>
    new Promise<void>((r) => {
      hub.close();
      server.closeAllConnections();
      server.close(() => r());
    });
  return { port, close };
}

runNotifierContract('server-sent events', async () => {
  const hub = createSseHub({ heartbeatMs: 0 });
  const { port, close } = await serve(hub);
  const client = await connect(port);
  await waitFor(() => Array.from({ length: hub.clientCount() }), 1);
  return {
    notifier: createSseNotifier('dashboard', hub),
    received: (n) => waitFor(() => client.events, n),
    close: async () => {
      client.close();
      await close();
    },
  };
});

describe('SSE hub', () => {
  it('replays what a reconnecting client missed after its Last-Event-ID', async () => {
    const hub = createSseHub({ heartbeatMs: 0 });
    const { port, close } = await serve(hub);
    try {
      for (const id of ['e1', 'e2', 'e3'])
        hub.publish({
          id,
          event: 'alert-notification',
          data: JSON.stringify({ idempotencyKey: id, deliveryId: `${id}#1` }),
        });
      const client = await connect(port, 'e1');
      const got = await waitFor(() => client.events, 2);
      expect(got.map((e) => e.id)).toEqual(['e2', 'e3']);
      client.close();
    } finally {
      await close();
    }
  });
});
