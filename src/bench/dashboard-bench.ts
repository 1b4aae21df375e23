// Benchmarks of the dashboard and API: first render of the board in headless Chromium over loopback, the gzipped JS
// the browser downloads, and the assessment endpoint's p99 latency under 50 concurrent clients (autocannon).
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { PACKAGE_ROOT } from '../app/paths.js';
import { DEFAULT_DASHBOARD_DIR } from '../server/dashboard-assets.js';
import { FIXTURE_PASSWORD, startFixtureServer } from '../server/server-fixture.js';
import { medianOf, type BenchFigure } from './bench-types.js';

const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const RENDER_RUNS = 7;

export async function runDashboardBench(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const dashboardDir = await builtDashboard();
  figures.push({ name: 'dashboard.js_gz_kb', value: jsGzipKb(dashboardDir), unit: 'kB' });
  const server = await startFixtureServer({ dashboardDir, now: () => new Date() });
  try {
    if (existsSync(CHROMIUM))
      figures.push({ name: 'dashboard.first_render_ms', value: await firstRenderMs(server.url), unit: 'ms' });
    else
      process.stderr.write(`dashboard.first_render_ms skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
    const load = await autocannon({
      url: `${server.url}/api/v1/assessments/2023-04-10`,
      connections: 50,
      duration: 5,
      headers: { authorization: `Bearer ${server.tokens.viewer}` },
    });
    if (load.errors + load.timeouts + load.non2xx > 0)
      throw new Error(`api load test: ${load.errors} errors, ${load.timeouts} timeouts, ${load.non2xx} non-2xx`);
    figures.push({ name: 'api.assessment_p99_ms', value: load.latency.p99, unit: 'ms' });
    figures.push({ name: 'api.assessment_req_per_s', value: Math.round(load.requests.average), unit: 'req/s' });
  } finally {
    await server.close();
  }
  return figures;
}

/** web-dist/ as `npm run build` leaves it; built into a temporary folder when absent (running from source). */
async function builtDashboard(): Promise<string> {
  if (existsSync(join(DEFAULT_DASHBOARD_DIR, 'index.html'))) return DEFAULT_DASHBOARD_DIR;
  const { build } = await import('vite');
  const outDir = join(mkdtempSync(join(tmpdir(), 'vigil-bench-web-')), 'web-dist');
  await build({
    configFile: join(PACKAGE_ROOT, 'src', 'web', 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  process.on('exit', () => rmSync(join(outDir, '..'), { recursive: true, force: true }));
  return outDir;
}

function jsGzipKb(dir: string): number {
  const assets = join(dir, 'assets');
  const bytes = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0);
  return Math.round(bytes / 102.4) / 10;
}

/**
 * Median over fresh browser contexts (empty cache) of: navigation start → the board of the latest day on screen,
 * for a signed-in user (the session cookie is set before navigating, as after a sign-in).
 */
async function firstRenderMs(url: string): Promise<number> {
  const login = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'vic', password: FIXTURE_PASSWORD }),
  });
  const cookie = /vigil_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('benchmark sign-in failed');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const times: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
      await context.addCookies([{ name: 'vigil_session', value: cookie, url }]);
      const page = await context.newPage();
      const t0 = performance.now();
      await page.goto(url);
      await page.waitForSelector('[data-testid=board] [data-testid=level-badge]', { timeout: 15_000 });
      times.push(performance.now() - t0);
      await context.close();
    }
    // The first run also pays for starting the renderer; the median of the rest is the steady figure.
    return Math.round(medianOf(times.slice(1)));
  } finally {
    await browser.close();
  }
}
