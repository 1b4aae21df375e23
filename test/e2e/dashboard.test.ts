// The dashboard end to end in real Chromium: sign in, the board for the latest day, playback to Joint Sword, an
// indicator chart with its band, acknowledging an alert, live updates; screenshots of every view in test-artifacts/e2e/.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import { FIXTURE_PASSWORD, startFixtureServer, type FixtureServer } from '../../src/server/server-fixture.js';
import { browserSkipReason, launchBrowser, type Browser } from './browser.js';
import { buildDashboard } from './build-dashboard.js';

const skip = browserSkipReason();
const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts', 'e2e');

describe.skipIf(skip !== undefined)('dashboard in Chromium', () => {
  let server: FixtureServer;
  let browser: Browser;
  let page: Page;
  let webDist: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    webDist = await buildDashboard();
    [server, browser] = await Promise.all([startFixtureServer({ dashboardDir: webDist }), launchBrowser()]);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (webDist) rmSync(dirname(webDist), { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('signs in and shows the board for the latest data day', async () => {
    await page.goto(server.url);
    await page.fill('input[name=username]', 'ana');
    await page.fill('input[name=password]', FIXTURE_PASSWORD);
    await page.click('button[type=submit]');
    const latest = await (await fetch(`${server.url}/api/v1/assessments/latest`, { headers: { authorization: `Bearer ${server.tokens.viewer}` } })).json();
    await page.waitForSelector('[data-testid=board][data-day="2026-08-22"]');
    expect(await page.textContent('[data-testid=level-name]')).toBe(latest.levelName);
    expect(await page.getAttribute('[data-testid=level-badge]', 'data-level')).toBe(String(latest.level));
    expect(await page.locator('.cell').count()).toBe(latest.indicators.length);
    await shot('board');
    if (process.env.VIGIL_UPDATE_DOCS_SCREENSHOT) copyFileSync(join(ARTIFACTS, 'board.png'), join(PACKAGE_ROOT, 'docs', 'board.png'));
  });

  it('plays back to 2023-04-10 and shows ALERT, as known then', async () => {
    await page.fill('[data-testid=playback-date]', '2023-04-10');
    await page.waitForSelector('[data-testid=board][data-day="2023-04-10"]');
    expect(await page.textContent('[data-testid=level-name]')).toBe('ALERT');
    expect(page.url()).toContain('at=2023-04-10');
    await shot('board-2023-04-10');
  });

  it('renders an indicator chart with its baseline band, and the observations behind a point', async () => {
    await page.click('[data-indicator="air.total"]');
    await page.waitForSelector('[data-testid=series-chart] [data-testid=band]');
    expect(await page.locator('[data-testid=series-chart] [data-testid=band]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=series-chart] circle.anomaly').count()).toBeGreaterThan(0);
    await page.click('[data-testid=series-chart] circle[data-day="2023-04-09"]');
    await page.waitForSelector('[data-testid=observations] tbody tr');
    expect(await page.textContent('[data-testid=observations]')).toContain('mnd.aircraft.total');
    await shot('indicator-air-total');
    await page.click('a:text("PLA aircraft entering the ADIZ")');
    await page.click('.windows button:text("3y")');
    await page.waitForSelector('[data-testid=series-chart]');
    await shot('indicator-air-adiz');
  });

  it('draws the map, the timeline and the explanation for the playback day', async () => {
    await page.click('[data-nav=map]');
    await page.waitForSelector('[data-testid=map] [data-area=medianLine]');
    expect(page.url()).toContain('at=2023-04-10');
    await shot('map');
    await page.click('[data-nav=timeline]');
    await page.waitForSelector('[data-testid=timeline] .kind-episode');
    await shot('timeline');
    await page.click('[data-nav=explain]');
    await page.waitForSelector('[data-testid=ach-matrix] td.consistent');
    await shot('explain');
  });

  it('switches to Traditional Chinese', async () => {
    await page.click('[data-nav=board]');
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('[data-testid=level-name]:text("警報")');
    // Hypothesis and indicator names come from the pack's nameZh.
    await page.waitForSelector('text=大規模脅迫性演習或兵力激增');
    await page.waitForSelector('text=共機架次（臺海周邊）');
    await shot('board-zh');
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('[data-testid=level-name]:text("ALERT")');
  });

  it('plays back the alerts the rules would have held on 2023-04-10, then acknowledges a live one', async () => {
    await page.click('[data-nav=alerts]');
    expect(page.url()).toContain('at=2023-04-10');
    await page.waitForSelector('[data-testid=replayed-alert][data-rule=LevelAlert]');
    expect(await page.locator('[data-testid=replayed-alert] [data-testid=ack-button]').count()).toBe(0);
    await shot('alerts-2023-04-10');
    await page.click('[data-testid=playback-latest]');
    const card = page.locator('[data-testid=alert-item][data-acked=no]').first();
    await card.waitFor();
    const id = await card.getAttribute('data-alert');
    await card.locator('input[type=text]').fill('checking the feed');
    await card.locator('[data-testid=ack-button]').click();
    const acked = page.locator(`[data-testid=alert-item][data-alert="${id}"][data-acked=yes] [data-testid=acked]`);
    await acked.waitFor();
    expect(await acked.textContent()).toContain('ana');
    expect(await acked.textContent()).toContain('checking the feed');
    await shot('alerts');
  });

  it('updates live when new observations arrive', async () => {
    await page.click('[data-nav=timeline]');
    await page.click('[data-testid=playback-latest]');
    await page.waitForSelector('[data-testid=timeline]');
    const csv = 'date,end_date,category,title,country,source_url,confidence\n2026-08-22,,speech,Live-update test speech,Taiwan,https://example.org/live,high\n';
    const res = await fetch(`${server.url}/api/v1/ingest/triggers`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens.analyst}`, 'content-type': 'text/csv' }, body: csv });
    expect(res.status).toBe(200);
    await page.waitForSelector('[data-testid=timeline] :text("Live-update test speech")');
  });
});

if (skip) describe('dashboard in Chromium', () => it.skip(skip, () => {}));
