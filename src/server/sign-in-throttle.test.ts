// Sign-in throttling through the API: parallel guesses, a victim's account from elsewhere, audit of refusals, and the
// client address behind a trusted reverse proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from './create-server.js';
import { createMetrics } from './metrics.js';
import { FIXTURE_PASSWORD, startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
}, 30_000);
afterAll(async () => server?.close());

const signIn = (
  username: string,
  password: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
  app = server.app,
) => app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress, headers });

describe('sign-in throttling', () => {
  it('refuses parallel wrong passwords once the limit is reached, not after they have all been hashed', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn('admin', `wrong password ${i}!`, '198.51.100.7')),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(35);
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(5);
    expect(Number(answers.find((a) => a.statusCode === 429)!.headers['retry-after'])).toBeGreaterThan(800);
    // Even the right password, from the attacking address, waits.
    expect((await signIn('admin', FIXTURE_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
  });

  it('does not lock the victim out from another address', async () => {
    expect((await signIn('admin', FIXTURE_PASSWORD, '192.0.2.10')).statusCode).toBe(200);
  });

  it('writes one audit entry per lock, not one per refused try', async () => {
    const refused = await server.deps.users.listAudit({ action: 'session.login-throttled' });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({
      actor: 'anonymous',
      target: 'admin',
      details: { ip: '198.51.100.7', limits: ['user-address'] },
    });
    expect((await server.deps.users.listAudit({ action: 'session.login-failed' })).length).toBeLessThanOrEqual(5);
  });

  it('counts an IPv6 client by its /64', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signIn('vic', 'wrong password!!', `2001:db8:7:7::${i + 1}`)).statusCode).toBe(401);
    expect((await signIn('vic', FIXTURE_PASSWORD, '2001:db8:7:7:ffff::1')).statusCode).toBe(429);
    expect((await signIn('vic', FIXTURE_PASSWORD, '2001:db8:7:8::1')).statusCode).toBe(200);
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy (--trust-proxy)', async () => {
    // Two more apps on the same accounts (each with its own metrics registry, which names each metric once).
    const direct = await createServer({ ...server.deps, metrics: createMetrics() });
    const proxied = await createServer({ ...server.deps, metrics: createMetrics() }, { trustProxy: ['10.0.0.1'] });
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    await signIn('ana', 'wrong password!!', '10.0.0.1', headers, direct);
    await signIn('ana', 'wrong password!!', '10.0.0.1', headers, proxied);
    await signIn('ana', 'wrong password!!', '10.0.0.2', headers, proxied);
    const ips = (await server.deps.users.listAudit({ action: 'session.login-failed', target: 'ana' })).map(
      (e) => e.details.ip,
    );
    expect(ips).toEqual(['10.0.0.1', '203.0.113.9', '10.0.0.2']);
  });
});
