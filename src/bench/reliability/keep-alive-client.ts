// A small HTTP client for the soak: keep-alive connections, at most `maxSockets` of them, requests beyond that queued in
// the client (and timed from when they were due). Unlike fetch, it never opens a new connection per waiting request,
// which on a busy machine overflows the server's accept queue and measures connection storms instead of the server.
import http from 'node:http';

export interface KeepAliveClient {
  request(method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number }>;
  close(): void;
}

export function keepAliveClient(baseUrl: string, token: string, maxSockets: number): KeepAliveClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
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
