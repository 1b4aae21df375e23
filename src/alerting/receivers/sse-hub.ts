// An in-process server-sent-events hub: any node:http handler can expose it; clients resume with Last-Event-ID from a replay buffer.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SseEvent {
  /** Unique and stable: a reconnecting client sends the last one it saw. */
  id: string;
  event: string;
  data: string;
}

/**
 * Decides for one connection whether it gets an event (asked when the event is published, and for each replayed
 * event when the client connects). It may answer later; the connection still gets its events in order. A filter
 * that throws or rejects withholds the event.
 */
export type SseFilter = (event: SseEvent) => boolean | Promise<boolean>;

export interface SseHub {
  /** Serves the event stream on this request (use as, or from, a node:http request handler); `filter` picks its events. */
  handle(req: IncomingMessage, res: ServerResponse, filter?: SseFilter): void;
  /** Sends to every connected client its filter lets through and keeps it for replay; returns how many clients it reached (or will). */
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
  const clients = new Map<ServerResponse, Client>();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => clients.forEach((_c, res) => res.write(': keep-alive\n\n')), heartbeatMs)
      : undefined;
  heartbeat?.unref();

  /** Writes the event to the client if its filter agrees; a filter's later answer waits behind earlier ones. */
  const deliver = (client: Client, event: SseEvent, text: string): boolean => {
    const { res, filter } = client;
    if (!filter) {
      res.write(text);
      return true;
    }
    let verdict: boolean | Promise<boolean>;
    try {
      verdict = filter(event);
    } catch {
      return false;
    }
    if (typeof verdict === 'boolean' && client.queue === undefined) {
      if (verdict) res.write(text);
      return verdict;
    }
    const ok = Promise.resolve(verdict).catch(() => false);
    const next: Promise<void> = (client.queue ?? Promise.resolve()).then(async () => {
      if ((await ok) && clients.get(res) === client) res.write(text);
    });
    client.queue = next;
    void next.then(() => {
      if (client.queue === next) client.queue = undefined;
    });
    return true;
  };

  return {
    handle(req, res, filter) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      const last = req.headers['last-event-id'];
      const from = typeof last === 'string' ? buffer.findIndex((e) => e.id === last) + 1 : buffer.length;
      const client: Client = { res, filter, queue: undefined };
      clients.set(res, client);
      for (const e of buffer.slice(from)) deliver(client, e, format(e));
      const drop = () => clients.delete(res);
      req.on('close', drop);
      res.on('close', drop);
    },
    publish(event) {
      buffer.push(event);
      if (buffer.length > replayLimit) buffer.splice(0, buffer.length - replayLimit);
      const text = format(event);
      let reached = 0;
      for (const client of clients.values()) if (deliver(client, event, text)) reached += 1;
      return reached;
    },
    clientCount: () => clients.size,
    close() {
      if (heartbeat) clearInterval(heartbeat);
      for (const res of clients.keys()) res.end();
      clients.clear();
    },
  };
}

interface Client {
  res: ServerResponse;
  filter: SseFilter | undefined;
  /** The last delivery still waiting for a filter's answer, if any. */
  queue: Promise<void> | undefined;
}

/** One event; data lines are split so a newline in the payload cannot end the event early. */
function format(e: SseEvent): string {
  return `id: ${e.id}\nevent: ${e.event}\n${e.data
    .split('\n')
    .map((l) => `data: ${l}`)
    .join('\n')}\n\n`;
}
