// A local HTTP server for collector tests: serves saved pages by path, with scripted failures, and records requests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface TestServer {
  url(path: string): string;
  /** Replies for a path, used in order; the last one repeats. */
  route(path: string, ...replies: Reply[]): void;
  requests: Array<{ path: string; userAgent?: string; at: number }>;
  /** Highest number of requests in progress at one time. */
  maxConcurrent: number;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Reply[]>();
  const hanging = new Set<ServerResponse>();
  let inFlight = 0;
  const state: Pick<TestServer, 'requests' | 'maxConcurrent'> = { requests: [], maxConcurrent: 0 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    state.requests.push({ path, userAgent: req.headers['user-agent'], at: Date.now() });
    inFlight++;
    state.maxConcurrent = Math.max(state.maxConcurrent, inFlight);
    res.on('close', () => inFlight--);
    const replies = routes.get(path);
    const reply =
      replies === undefined ? { status: 404, body: 'not found' } : replies.length > 1 ? replies.shift()! : replies[0];
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    // A short delay makes overlapping requests visible to maxConcurrent.
    setTimeout(() => {
      const body = reply.body ?? '';
      res.writeHead(reply.status ?? 200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': String(Buffer.byteLength(body)),
        ...reply.headers,
      });
      res.end(body);
    }, 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, ...replies) => void routes.set(path, replies),
    get requests() {
      return state.requests;
    },
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
