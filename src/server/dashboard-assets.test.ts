// The dashboard's static files: strict CSP, immutable hashed assets, revalidated index, and a clear note when not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { DASHBOARD_CSP, registerDashboard } from './dashboard-assets.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-assets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dashboard assets', () => {
  it('serves index.html for revalidation and hashed assets as immutable, both under the CSP', async () => {
    const built = join(dir, 'built');
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(
      join(built, 'index.html'),
      '<!doctype html><script type="module" src="/assets/index-abc.js"></script>',
    );
    writeFileSync(join(built, 'assets', 'index-abc.js'), 'console.log(1)');
    const app = Fastify();
    await registerDashboard(app, built);
    const index = await app.inject('/');
    expect(index.headers).toMatchObject({ 'content-security-policy': DASHBOARD_CSP, 'cache-control': 'no-cache' });
    expect(DASHBOARD_CSP).toContain("script-src 'self'");
    expect(DASHBOARD_CSP).not.toMatch(/unsafe|https?:/);
    const js = await app.inject('/assets/index-abc.js');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    await app.close();
  });

  it('answers / with how to build the dashboard when web-dist is missing', async () => {
    const app = Fastify();
    await registerDashboard(app, join(dir, 'nothing-here'));
    const res = await app.inject('/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/npm run build/);
    await app.close();
  });
});
