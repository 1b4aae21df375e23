// An in-process server-sent-events hub: any node:http handler can expose it; clients resume with Last-Event-ID from a replay buffer.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SseEvent {
  /** Unique and stable: a reconnecting client sends the last one it saw. */
  id: string;
  event: string;
  data: string;
}

export interface SseHub {
  /** Serves the event stream on this request (use as, or from, a node:http request handler). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Sends to every connected client and keeps it for replay; returns how many clients it reached. */
  publish(event: SseEvent): number;
  clientCount(): number;
  /** Ends every stream. */
  close(): void;
}

export interface SseHubOptions {
  /** Events kept for clients that reconnect (default 500). */
  replayLimit?: number;
  /** Comment lines that keep proxies from closing idle streams (default 15 s; 0 turns them off). */
  heartbeatMs?: number;
}

export function createSseHub(options: SseHubOptions = {}): SseHub {
  const replayLimit = options.replayLimit ?? 500;
  const buffer: SseEvent[] = [];
  const clients = new Set<ServerResponse>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const heartbeat = heartbeatMs > 0 ? setInterval(() => clients.forEach((c) => c.write(': keep-alive\n\n')), heartbeatMs) : undefined;
  heartbeat?.unref();

  return {
    handle(req, res) {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write('retry: 2000\n\n');
      const last = req.headers['last-event-id'];
      const from = typeof last === 'string' ? buffer.findIndex((e) => e.id === last) + 1 : buffer.length;
      for (const e of buffer.slice(from)) res.write(format(e));
      clients.add(res);
      const drop = () => clients.delete(res);
      req.on('close', drop);
      res.on('close', drop);
    },
    publish(event) {
      buffer.push(event);
      if (buffer.length > replayLimit) buffer.splice(0, buffer.length - replayLimit);
      const text = format(event);
      for (const c of clients) c.write(text);
      return clients.size;
    },
    clientCount: () => clients.size,
    close() {
      if (heartbeat) clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
    },
  };
}

/** One event; data lines are split so a newline in the payload cannot end the event early. */
function format(e: SseEvent): string {
  return `id: ${e.id}\nevent: ${e.event}\n${e.data.split('\n').map((l) => `data: ${l}`).join('\n')}\n\n`;
}
