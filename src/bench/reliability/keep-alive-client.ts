// A small HTTP client for the soak: keep-alive connections, at most `maxSockets` of them, requests beyond that queued in
// the client (and timed from when they were due). Unlike fetch, it never opens a new connection per waiting request,
// which on a busy machine overflows the server's accept queue and measures connection storms instead of the server.
import http from 'node:http';

export interface KeepAliveClient {
  request(method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number }>;
  close(): void;
}

/**
 * Idle connections are closed by the client after this, well before the server's keep-alive timeout (Fastify's
 * 72 s). Otherwise a connection left idle since a burst (the agent reuses the most recent first) could be taken for a
 * request just as the server closed it, failing with ECONNRESET: a client race, not a server error.
 */
const CLIENT_IDLE_MS = 30_000;

export function keepAliveClient(baseUrl: string, token: string, maxSockets: number): KeepAliveClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets, timeout: CLIENT_IDLE_MS });
  return {
    request: (method, path, body) =>
      new Promise((resolve, reject) => {
        const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}` };
        if (body !== undefined) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = Buffer.byteLength(body);
        }
        const req = http.request(`${baseUrl}${path}`, { method, agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}
