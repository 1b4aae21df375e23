// The brief route: the daily brief of a day as HTML or PDF, assessed and marked for the caller's TLP ceiling, behind
// sign-in, with the assessments' day checks.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClearUser, putAmberPartnerReport, startFixtureServer, type FixtureServer } from './server-fixture.js';

let server: FixtureServer;
let clearToken: string;

beforeAll(async () => {
  server = await startFixtureServer({ alerts: false });
  clearToken = await addClearUser(server, 'cleo');
  await putAmberPartnerReport(server);
}, 60_000);
afterAll(async () => server?.close());

const get = (url: string, token?: string) =>
  server.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /api/v1/briefs/:date', () => {
  it('gives each reader the brief their ceiling allows, marked with its own TLP', async () => {
    const amber = await get('/api/v1/briefs/2026-08-22?lang=zh', server.tokens.viewer);
    expect(amber.statusCode).toBe(200);
    expect(amber.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(amber.headers['x-vigil-tlp']).toBe('AMBER');
    expect(amber.body).toContain('<html lang="zh-Hant">');
    expect(amber.body).toContain('>TLP:AMBER<');
    expect(amber.body).toContain('partner:example');
    const clear = await get('/api/v1/briefs/2026-08-22', clearToken);
    expect(clear.statusCode).toBe(200);
    expect(clear.headers['x-vigil-tlp']).toBe('CLEAR');
    expect(clear.body).not.toContain('partner:example');
    expect(clear.body).not.toContain('TLP:AMBER');
  });

  it('needs sign-in, and refuses a day in the future or a language it does not have', async () => {
    expect((await get('/api/v1/briefs/2026-08-22')).statusCode).toBe(401);
    const future = await get('/api/v1/briefs/2026-09-05', server.tokens.viewer);
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'VIGIL_DATE_INVALID' });
    expect((await get('/api/v1/briefs/2026-08-22?lang=fr', server.tokens.viewer)).statusCode).toBe(400);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))(
    'prints the PDF',
    async () => {
      const pdf = await get('/api/v1/briefs/2026-08-22?format=pdf', server.tokens.viewer);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
    30_000,
  );
});
