// Live updates to dashboards over server-sent events: typed event names, ids unique per process, the SSE hub underneath.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSseHub, type SseFilter, type SseHub } from '../alerting/receivers/sse-hub.js';

/** What the dashboard listens for. */
export type LiveEventName = 'observations' | 'assessment' | 'alert' | 'alert-notification' | 'warning';

export interface LiveEvents {
  publish(event: LiveEventName, data: unknown): void;
  /** Serves the stream on a raw request (Last-Event-ID resumes from the replay buffer); `filter` picks this connection's events. */
  handle(req: IncomingMessage, res: ServerResponse, filter?: SseFilter): void;
  clientCount(): number;
  close(): void;
  /** The hub itself, for the alerting module's SSE receiver to publish notifications on the same stream. */
  readonly hub: SseHub;
}

export function createLiveEvents(options: { heartbeatMs?: number } = {}): LiveEvents {
  const hub = createSseHub({ replayLimit: 200, heartbeatMs: options.heartbeatMs ?? 15_000 });
  const boot = randomBytes(4).toString('hex');
  let n = 0;
  return {
    publish: (event, data) => void hub.publish({ id: `${boot}-${++n}`, event, data: JSON.stringify(data) }),
    handle: (req, res, filter) => hub.handle(req, res, filter),
    clientCount: () => hub.clientCount(),
    close: () => hub.close(),
    hub,
  };
}
