// One dashboard session for the Chromium suites: the dashboard built by Vite, the fixture API server serving it, a
// fresh Chromium and one page, with the helpers every suite uses (sign in, go to a route, screenshot).
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import {
  FIXTURE_PASSWORD,
  startFixtureServer,
  type FixtureOptions,
  type FixtureServer,
} from '../../src/server/server-fixture.js';
import { launchBrowser, type Browser } from './browser.js';
import { buildDashboard } from './build-dashboard.js';

/** Where the suites write their screenshots and exports. */
export const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts', 'e2e');

export interface DashboardSessionOptions {
  /** Fixture server options besides the dashboard folder. */
  fixture?: Omit<FixtureOptions, 'dashboardDir'>;
  /** The page's default timeout in ms. */
  timeout: number;
  /** Browser permissions granted to the server's origin before the page opens. */
  permissions?: string[];
}

export interface DashboardSession {
  server: FixtureServer;
  browser: Browser;
  page: Page;
  /** Fills the sign-in form as this fixture user (password FIXTURE_PASSWORD) and submits it. */
  signIn(username: string): Promise<void>;
  /** Opens the server's root and signs in as ana, then waits for the board. */
  signInToBoard(): Promise<void>;
  /** Moves the single-page app to a route (`#/…`) without reloading. */
  go(hash: string): Promise<void>;
  /** A full-page screenshot in ARTIFACTS/<name>.png. */
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openDashboardSession(options: DashboardSessionOptions): Promise<DashboardSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const webDist = await buildDashboard();
  const [server, browser] = await Promise.all([
    startFixtureServer({ ...options.fixture, dashboardDir: webDist }),
    launchBrowser(),
  ]);
  if (options.permissions) await browser.context.grantPermissions(options.permissions, { origin: server.url });
  const page = await browser.context.newPage();
  page.setDefaultTimeout(options.timeout);
  const signIn = async (username: string) => {
    await page.waitForSelector('input[name=username]');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', FIXTURE_PASSWORD);
    await page.click('button[type=submit]');
  };
  return {
    server,
    browser,
    page,
    signIn,
    async signInToBoard() {
      await page.goto(server.url);
      await signIn('ana');
      await page.waitForSelector('[data-testid=board]');
    },
    go: (hash) =>
      page.evaluate((h) => {
        location.hash = h;
      }, hash),
    shot: (name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await server.close();
      rmSync(dirname(webDist), { recursive: true, force: true });
    },
  };
}
