// Response headers the probe found missing: no-store on authenticated JSON, a CSP on the API docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
}, 30_000);
afterAll(async () => server?.close());

describe('response headers', () => {
  it('marks authenticated JSON (answers and errors) Cache-Control: no-store', async () => {
    for (const url of ['/api/v1/board', '/api/v1/observations?limit=1', '/api/v1/session', '/api/v1/indicators/nope']) {
      const res = await server.app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${server.tokens.viewer}` },
      });
      expect(res.headers['content-type'], url).toMatch(/json/);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('serves the API docs under a Content-Security-Policy that allows nothing from elsewhere', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;| 'sha256-)/);
    expect(csp).toMatch(/style-src 'self'( 'sha256-[^']+')* 'unsafe-inline'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/https:|validator\.swagger\.io|upgrade-insecure-requests|\*/);
  });
});
