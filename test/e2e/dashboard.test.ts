// The dashboard end to end in real Chromium: sign in, the board for the latest day, playback to Joint Sword, an
// indicator chart with its band, acknowledging an alert, live updates; screenshots of every view in test-artifacts/e2e/.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { FixtureServer } from '../../src/server/server-fixture.js';
import { browserSkipReason } from './browser.js';
import { ARTIFACTS, openDashboardSession, type DashboardSession } from './dashboard-session.js';

const skip = browserSkipReason();

describe.skipIf(skip !== undefined)('dashboard in Chromium', () => {
  let session: DashboardSession;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboardSession({ timeout: 10_000 });
    ({ server, page } = session);
  }, 60_000);

  afterAll(() => session?.close());

  const shot = (name: string) => session.shot(name);

  it('signs in and shows the board for the latest data day', async () => {
    await page.goto(server.url);
    await session.signIn('ana');
    const latest = await (
      await fetch(`${server.url}/api/v1/assessments/latest`, {
        headers: { authorization: `Bearer ${server.tokens.viewer}` },
      })
    ).json();
    await page.waitForSelector('[data-testid=board][data-day="2026-08-22"]');
    expect(await page.textContent('[data-testid=level-name]')).toBe(latest.levelName);
    expect(await page.getAttribute('[data-testid=level-badge]', 'data-level')).toBe(String(latest.level));
    expect(await page.locator('.cell').count()).toBe(latest.indicators.length);
    await shot('board');
    if (process.env.VIGIL_UPDATE_DOCS_SCREENSHOT)
      copyFileSync(join(ARTIFACTS, 'board.png'), join(PACKAGE_ROOT, 'docs', 'board.png'));
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
    try {
      await page.waitForSelector('[data-testid=level-name]:text("警報")');
      // Hypothesis and indicator names come from the pack's nameZh.
      await page.waitForSelector('text=大規模脅迫性演習或兵力激增');
      await page.waitForSelector('text=臺海周邊共機架次');
      // Domain and theatre names from the pack; the inbox is 警示, never the level's 警報.
      await page.waitForSelector('.domain-name:text("空中")');
      expect(await page.locator('[data-nav=alerts]').textContent()).toBe('警示');
      await shot('board-zh');
      // The alerts the rules would have held on 2023-04-10, in 中文: summaries, severities, states; ids one click away.
      await page.click('[data-nav=alerts]');
      const card = page.locator('[data-testid=replayed-alert][data-rule=LevelAlert]');
      await card.waitFor();
      expect(await card.locator('header strong').textContent()).toMatch(
        /^臺灣海峽 \d{4}-\d\d-\d\d 預警等級為警報（第 4 級）/,
      );
      const shown = await page.locator('[data-testid=replay]').evaluate((el) => {
        const clone = el.cloneNode(true) as HTMLElement;
        clone.querySelectorAll('details').forEach((d) => d.remove());
        return clone.textContent ?? '';
      });
      expect(shown).not.toMatch(/firing|resolved|\b(air|sea)\.[a-z-]+|mnd\.[a-z_.]+|\d{4}-\d\d-\d\dT\d\d:\d\d/);
      expect(await card.locator('details.alert-ids').textContent()).toContain('alertname=LevelAlert');
      await shot('alerts-zh');
      // The live inbox in 中文: the source-silent alert in words and local days, its playbook from `title_zh`/`text_zh`.
      await page.click('[data-testid=playback-latest]');
      const live = page.locator('[data-testid=alert-item]').first();
      await live.waitFor();
      expect(await live.locator('header strong').textContent()).toMatch(
        /^國防部\S+：已 \d+ 日無報告（最後一次：2026-08-22；應每日發布）$/,
      );
      expect(await live.locator('.checklist h3').textContent()).toBe('應變程序: 資料來源已停止更新');
      await shot('alerts-zh-live');
      await page.fill('[data-testid=playback-date]', '2023-04-10');
      // Events in playback: their source titles (English) after the 中文 names of the indicators they feed.
      await page.click('[data-nav=timeline]');
      await page.waitForSelector('[data-testid=timeline] .kind-event .event-kind');
      await shot('timeline-zh');
    } finally {
      await page.fill('[data-testid=playback-date]', '2023-04-10');
      await page.click('[data-nav=board]');
      await page.click('[data-testid=lang-switch]');
    }
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
    const csv =
      'date,end_date,category,title,country,source_url,confidence\n2026-08-22,,speech,Live-update test speech,Taiwan,https://example.org/live,high\n';
    const res = await fetch(`${server.url}/api/v1/ingest/triggers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.analyst}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(res.status).toBe(200);
    await page.waitForSelector('[data-testid=timeline] :text("Live-update test speech")');
  });

  const go = (hash: string) => session.go(hash);

  it('on the latest day names the sources that are stale now (the fixture clock is 10 days after the last MND report)', async () => {
    await go('#/board');
    await page.waitForSelector('[data-testid=board][data-day="2026-08-22"]');
    expect(await page.textContent('[data-testid=stale-banner]')).toMatch(
      /Sources past their cadence now: Taiwan MND daily PLA activity report \(\d+ d old, cadence 2 d\)/,
    );
  });

  it('says what it does not know before the level: a board with no core indicator reporting is never a plain NORMAL', async () => {
    await go('#/board?at=2021-06-01');
    await page.waitForSelector('[data-testid=board][data-day="2021-06-01"]');
    const banner = page.locator('[data-testid=knowledge-banner]');
    expect(await banner.getAttribute('data-state')).toBe('unknown');
    expect(await banner.textContent()).toContain('UNKNOWN: no core indicator is reporting');
    expect(await page.textContent('[data-testid=level-qualifier]')).toBe('not known');
    const bannerBox = await banner.boundingBox();
    const levelBox = await page.locator('.level-panel').boundingBox();
    expect(bannerBox!.y).toBeLessThan(levelBox!.y);
    expect(await page.locator('.cell[data-indicator="far-seas.carrier"].tone-no-coverage').count()).toBe(1);
    expect(await page.locator('.cell[data-state=absent]').count()).toBe(0);
    await shot('board-2021-06-01-unknown');
  });

  it('shades where a source was not collected and never draws a line across a missing day', async () => {
    await go('#/indicator/far-seas.carrier?at=2023-12-31');
    await page.click('.windows button:text("3y")');
    await page.waitForSelector('[data-testid=series-chart] [data-testid=no-coverage]');
    // Joint Staff releases were collected 2022-08-01 → 2023-08-31, the next source starts in 2024: shaded, no zero line.
    const spans = await page
      .locator('[data-testid=series-chart] [data-testid=no-coverage]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-from'), e.getAttribute('data-to')]));
    expect(spans).toContainEqual(['2023-09-01', '2023-12-31']);
    const circles = await page
      .locator('[data-testid=series-chart] circle.point')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-day')!));
    expect(circles.every((d) => d >= '2022-08-01' && d <= '2023-08-31')).toBe(true);
    expect(await page.textContent('[data-testid=unknown-now]')).toBe('state: no coverage · 2023-09-01 – 2023-12-31');
    await shot('indicator-far-seas-carrier-coverage');
    await go('#/indicator/air.total?at=2023-04-10');
    await page.waitForSelector('[data-testid=series-chart] circle.point');
    // Every segment of the value line joins consecutive days only.
    const segments = await page.locator('[data-testid=series-chart] path.value-line').count();
    const gaps = await page.locator('[data-testid=series-chart] circle.point').evaluateAll((els) => {
      const days = els.map((e) => Date.parse(e.getAttribute('data-day')!) / 86_400_000);
      return days.slice(1).filter((d, i) => d - days[i] > 1).length;
    });
    expect(segments).toBe(gaps + 1);
  });

  it('playback to a day before the data never leaves the previous day on screen', async () => {
    await go('#/board?at=2023-04-10');
    await page.waitForSelector('[data-testid=board][data-day="2023-04-10"]');
    await go('#/board?at=2019-06-01');
    await page.waitForSelector('main [role=alert], p.error');
    expect(await page.locator('[data-testid=board]').count()).toBe(0);
    expect(await page.textContent('p.error')).toContain('2019-06-01');
    await shot('board-2019-06-01');
  });

  it('shows the unknown state in the map table and a knowledge run on the timeline', async () => {
    await go('#/map?at=2021-06-01');
    await page.waitForSelector('.map-activity [data-testid=knowledge-banner][data-state=unknown]');
    expect(await page.locator('.map-activity tr.tone-no-coverage').count()).toBeGreaterThan(0);
    await shot('map-2021-06-01');
    await go('#/timeline?at=2021-06-01');
    await page.waitForSelector('[data-testid=timeline] .kind-knowledge');
    await shot('timeline-2021-06-01');
  });
});

if (skip) describe('dashboard in Chromium', () => it.skip(skip, () => {}));
