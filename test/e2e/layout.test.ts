// The dashboard on any screen, in real Chromium: at 390, 1280 and 1920 px, in English and 中文, every view fits the
// width (the map too; its screenshots are the map view's own suite), with screenshots of board, indicator, timeline,
// alerts and explanation in test-artifacts/e2e/layout-<view>-<lang>-<width>.png; the phone navigation, the print
// stylesheet, ISO date entry, the collapsed flapping on the timeline, and the observation panel's magnitude and provenance.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './browser.js';
import { ARTIFACTS, openDashboardSession, type DashboardSession } from './dashboard-session.js';

const skip = browserSkipReason();
const WIDTHS = [390, 1280, 1920] as const;
const LANGS = ['en', 'zh-Hant'] as const;
const DAY = '2023-04-10';

/** Each view: its route and what shows it has finished drawing. */
const VIEWS: { name: string; hash: string; ready: string; shot: boolean }[] = [
  { name: 'board', hash: `#/board?at=${DAY}`, ready: `[data-testid=board][data-day="${DAY}"]`, shot: true },
  {
    name: 'indicator',
    hash: `#/indicator/air.total?at=${DAY}`,
    ready: '[data-testid=series-chart] circle[data-day="2023-04-09"]',
    shot: true,
  },
  { name: 'timeline', hash: `#/timeline?at=${DAY}`, ready: '[data-testid=timeline] .kind-episode', shot: true },
  { name: 'alerts', hash: `#/alerts?at=${DAY}`, ready: '[data-testid=replayed-alert]', shot: true },
  { name: 'explain', hash: `#/explain?at=${DAY}`, ready: '[data-testid=ach-matrix] td.consistent', shot: true },
  { name: 'map', hash: `#/map?at=${DAY}`, ready: '[data-testid=map]', shot: false },
];

describe.skipIf(skip !== undefined)('dashboard layout in Chromium', () => {
  let session: DashboardSession;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboardSession({ timeout: 15_000 });
    page = session.page;
    await session.signInToBoard();
  }, 90_000);

  afterAll(() => session?.close());

  const go = (hash: string) => session.go(hash);

  const setLang = async (lang: string) => {
    await page.evaluate((l) => localStorage.setItem('vigil.lang', l), lang);
    await page.reload();
    await page.waitForSelector('.topbar');
  };

  /** How far the page is wider than the viewport (0: it fits). */
  const overflow = () =>
    page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

  /** The elements that stick out past the right edge, to say what overflows when something does. */
  const culprits = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((e) => !e.closest('.table-scroll, .ach, .topbar nav, .indicator-list, .map-activity table, svg'))
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}.${Array.from(e.classList).join('.')} → ${Math.round(e.getBoundingClientRect().right)}`,
        ),
    );

  for (const width of WIDTHS)
    for (const lang of LANGS)
      it(`fits ${width} px in ${lang}: every view, with screenshots`, async () => {
        await page.setViewportSize({ width, height: 900 });
        await setLang(lang);
        const wide: string[] = [];
        for (const view of VIEWS) {
          await go(view.hash);
          await page.waitForSelector(view.ready);
          if (view.name === 'indicator') {
            await page.click('[data-testid=series-chart] circle[data-day="2023-04-09"]');
            await page.waitForSelector('[data-testid=point-magnitude]');
          }
          await page.evaluate(() => document.fonts.ready);
          const over = await overflow();
          if (over > 0) wide.push(`${view.name}: ${over} px too wide (${(await culprits()).join(', ')})`);
          if (view.shot)
            await page.screenshot({
              path: join(ARTIFACTS, `layout-${view.name}-${lang === 'en' ? 'en' : 'zh'}-${width}.png`),
              fullPage: true,
            });
        }
        expect(wide).toEqual([]);
      });

  it('gives a phone the views as a row of finger-sized links that work', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await setLang('en');
    await go(`#/board?at=${DAY}`);
    await page.waitForSelector('[data-testid=board]');
    for (const nav of ['board', 'map', 'timeline', 'explain', 'alerts']) {
      const box = (await page.locator(`[data-nav=${nav}]`).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(32);
    }
    await page.locator('[data-nav=alerts]').scrollIntoViewIfNeeded();
    await page.click('[data-nav=alerts]');
    await page.waitForSelector('[data-testid=replayed-alert]');
    expect(page.url()).toContain('#/alerts?at=2023-04-10');
  });

  it('takes the playback day as ISO YYYY-MM-DD whatever the locale, and says what is wrong with a bad one', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await go(`#/board?at=${DAY}`);
    await page.waitForSelector(`[data-testid=board][data-day="${DAY}"]`);
    const input = page.locator('[data-testid=playback-date]');
    expect(await input.getAttribute('type')).toBe('text');
    expect(await input.inputValue()).toBe(DAY);
    for (const [typed, message] of [
      ['08/22/2026', 'Type the day as YYYY-MM-DD (e.g. 2023-04-10)'],
      ['2023-02-30', '2023-02-30 is not a day of the calendar'],
      ['2019-01-01', 'The data start on'],
      ['2099-01-01', 'The latest data day is 2026-08-22'],
    ]) {
      await input.fill(typed);
      await input.press('Enter');
      expect(await page.textContent('[data-testid=playback-date-error]')).toContain(message);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect(page.url()).toContain(`at=${DAY}`);
    }
    await page.screenshot({
      path: join(ARTIFACTS, 'layout-date-error.png'),
      clip: { x: 0, y: 0, width: 1280, height: 160 },
    });
    await input.fill('2023-04-12');
    await page.waitForSelector('[data-testid=board][data-day="2023-04-12"]');
    expect(await page.locator('[data-testid=playback-date-error]').count()).toBe(0);
  });

  it('collapses NORMAL↔WATCH flapping into one row that expands', async () => {
    await go(`#/timeline?at=${DAY}`);
    const flap = page.locator('[data-testid=flap]').first();
    await flap.waitFor();
    expect(Number(await flap.getAttribute('data-changes'))).toBeGreaterThanOrEqual(3);
    expect(await flap.textContent()).toMatch(/WATCH ↔ NORMAL, \d+ changes, \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}/);
    await flap.locator('button').click();
    expect(await flap.locator('.flap-changes li').count()).toBe(Number(await flap.getAttribute('data-changes')));
    // Replayed alerts are on the timeline in playback.
    expect(await page.locator('[data-testid=timeline] .kind-alert.replayed').count()).toBeGreaterThan(0);
  });

  it('shows magnitude and provenance behind a point: ×baseline, rank in the record known then, assumed times as assumed', async () => {
    await go(`#/indicator/air.total?at=${DAY}`);
    await page.click('[data-testid=series-chart] circle[data-day="2023-04-09"]');
    await page.waitForSelector('[data-testid=observations] tbody tr');
    expect(await page.textContent('[data-testid=point-magnitude]')).toMatch(
      /^Magnitude: 70 aircraft · ×[\d.]+ baseline · (highest|\d+(st|nd|rd|th) highest) of [\d,]+ days on record$/,
    );
    const row = await page.textContent('[data-testid=observations] tbody tr');
    expect(row).toContain('time not stated; assumed 09:00');
    expect(row).toContain('A1 as given for mnd');
    expect(row).not.toMatch(/2023-04-10 09:00/);
  });

  it('prints one column without navigation or playback, the level and states told apart without colour', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await go(`#/board?at=${DAY}`);
    await page.waitForSelector(`[data-testid=board][data-day="${DAY}"]`);
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    try {
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.locator('.playback').isVisible()).toBe(false);
      expect(await page.$eval('[data-testid=board]', (e) => getComputedStyle(e).display)).toBe('block');
      const badge = await page.$eval('[data-testid=level-badge]', (e) => {
        const s = getComputedStyle(e);
        return { bg: s.backgroundColor, color: s.color, border: s.borderTopWidth };
      });
      expect(badge).toEqual({ bg: 'rgb(255, 255, 255)', color: 'rgb(0, 0, 0)', border: '5px' });
      const marks = await page.$$eval('.cell .cell-state', (els) =>
        els.map((e) => getComputedStyle(e, '::before').content),
      );
      expect(marks).toContain('"▲▲ "');
      await page.screenshot({ path: join(ARTIFACTS, 'layout-print-board.png'), fullPage: true });
      await go(`#/timeline?at=${DAY}`);
      await page.waitForSelector('[data-testid=timeline] .kind-episode');
      await page.screenshot({ path: join(ARTIFACTS, 'layout-print-timeline.png'), fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

if (skip) describe('dashboard layout in Chromium', () => it.skip(skip, () => {}));
