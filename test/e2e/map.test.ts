// The map end to end in real Chromium: Joint Sword day (2023-04-10) and a day with MSA closures in force (synthetic
// notices from test/fixtures/map/), at 390, 1280 and 1920 px, in English and 中文; a strait passage highlighted; pan and
// zoom by buttons, keyboard, wheel and drag. Screenshots in test-artifacts/e2e/map-*.png.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/app/paths.js';
import type { FixtureServer } from '../../src/server/server-fixture.js';
import { browserSkipReason } from './browser.js';
import { openDashboardSession, type DashboardSession } from './dashboard-session.js';

const skip = browserSkipReason();
const MSA_FILES = ['test/fixtures/same-day/msa-closure-near-taiwan.csv', 'test/fixtures/map/msa-closures.csv'];
const WIDTHS = [390, 1280, 1920];
const CLOSURE_DAY = '2023-06-21';

describe.skipIf(skip !== undefined)('map in Chromium', () => {
  let session: DashboardSession;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboardSession({ timeout: 15_000 });
    ({ server, page } = session);
    for (const file of MSA_FILES) {
      const res = await fetch(`${server.url}/api/v1/ingest/msa-warnings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.tokens.analyst}`, 'content-type': 'text/csv' },
        body: readFileSync(join(PACKAGE_ROOT, file)),
      });
      expect(res.status, await res.text()).toBe(200);
    }
    await session.signInToBoard();
  }, 90_000);

  afterAll(() => session?.close());

  const go = (hash: string) => session.go(hash);
  const shot = (name: string) => session.shot(name);
  const layer = (name: string) => page.locator(`[data-testid=map-layers] [data-layer=${name}]`);

  /** Table cells on the map page whose text wraps at two characters a line or fewer (dates, states, numbers broken). */
  const brokenCells = () =>
    page.locator('.map-activity td').evaluateAll((cells) =>
      cells
        .filter((c) => {
          const chars = (c.textContent ?? '').trim().length;
          if (chars < 2) return false;
          const range = document.createRange();
          range.selectNodeContents(c);
          const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
          return lines > 1 && chars / lines <= 2;
        })
        .map((c) => c.textContent),
    );

  it('draws Taiwan and the named islands, the ADIZ, the median line, graticule and scale on Joint Sword day', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await go('#/map?at=2023-04-10');
    await page.waitForSelector('.map-view[data-day="2023-04-10"] [data-testid=map] [data-area=adiz]');
    await page.waitForSelector('[data-testid=map] [data-area=medianLine]');
    expect(await page.locator('[data-testid=map] [data-land=Taiwan]').count()).toBe(1);
    expect(await page.locator('[data-testid=map] [data-island=Pratas]').count()).toBe(1);
    expect(await page.locator('[data-testid=map] .graticule line').count()).toBeGreaterThan(10);
    expect(Number(await page.getAttribute('[data-testid=scale-bar]', 'data-km'))).toBeGreaterThan(0);
    // No MSA scrape covers April 2023: said so, not drawn as a calm sea; the Joint Staff releases do cover the day.
    await page.waitForSelector('[data-testid=map-layers] [data-layer=msa][data-state=no-coverage]');
    expect(await layer('msa').textContent()).toBe('MSA navigation warnings: no coverage for this day');
    expect(await layer('straits').getAttribute('data-state')).toBe('none');
    expect(await page.locator('[data-testid=map] .closure').count()).toBe(0);
  });

  it('lists the closures in force with their number, period, text and link, and draws each area', async () => {
    await go(`#/map?at=${CLOSURE_DAY}`);
    await page.waitForSelector(`.map-view[data-day="${CLOSURE_DAY}"] [data-testid=msa-notices] tr[data-notice]`);
    const numbers = await page
      .locator('[data-testid=msa-notices] tr[data-notice]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-notice')));
    expect(numbers).toEqual(['FJ398/99', '粤航警997/99', '闽航警998/99', '闽航警999/99']);
    const row = page.locator('[data-testid=msa-notices] tr[data-notice="闽航警999/99"]');
    expect(await row.locator('a').getAttribute('href')).toBe('https://example.org/msa/article/999');
    expect(await row.locator('.notice-period').textContent()).toContain('2023-06-21 08:00 – 2023-06-23 18:00');
    expect(await row.locator('.notice-period').textContent()).toContain('06/21 0800 至 06/23 1800');
    expect(await row.locator('.notice-text').textContent()).toContain('实弹射击—闽航警999/99');
    expect(await page.locator('[data-testid=map] .closure').count()).toBe(4);
    expect(await layer('msa').textContent()).toBe('MSA navigation warnings: 4 in force this day');
    // The day after the scrape's last publication and after every closure ended: no coverage, not "none".
    await go('#/map?at=2023-06-25');
    await page.waitForSelector('.map-view[data-day="2023-06-25"] [data-layer=msa][data-state=no-coverage]');
  });

  it('highlights a strait when the Joint Staff reports a passage that day', async () => {
    await go('#/map?at=2023-04-21');
    await page.waitForSelector(
      '.map-view[data-day="2023-04-21"] [data-testid=map] [data-strait=miyako][data-active=yes]',
    );
    expect(await layer('straits').getAttribute('data-state')).toBe('some');
    expect(await page.textContent('[data-testid=strait-passages]')).toContain('Miyako Strait: aircraft, aircraft');
    await shot('map-2023-04-21-miyako-1280');
  });

  it('pans and zooms with the buttons, the keyboard, the wheel and a drag; reset returns home', async () => {
    await go('#/map?at=2023-04-10');
    const map = page.locator('[data-testid=map]');
    await map.waitFor();
    await page.click('[data-testid=map-reset]');
    const home = await map.getAttribute('viewBox');
    await page.click('[data-testid=map-zoom-in]');
    expect(Number(await map.getAttribute('data-zoom'))).toBeCloseTo(1.5, 2);
    await map.focus();
    await page.keyboard.press('ArrowRight');
    const [x1] = (await map.getAttribute('viewBox'))!.split(' ').map(Number);
    await page.keyboard.press('ArrowLeft');
    const [x2] = (await map.getAttribute('viewBox'))!.split(' ').map(Number);
    expect(x1).toBeGreaterThan(x2);
    await page.keyboard.press('+');
    expect(Number(await map.getAttribute('data-zoom'))).toBeCloseTo(2.25, 2);
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -100);
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid=map]')!.getAttribute('data-zoom')) > 2.5,
    );
    const before = (await map.getAttribute('viewBox'))!.split(' ').map(Number);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2 - 40, { steps: 4 });
    await page.mouse.up();
    const after = (await map.getAttribute('viewBox'))!.split(' ').map(Number);
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after[1]).toBeGreaterThan(before[1]);
    await page.click('[data-testid=map-reset]');
    expect(await map.getAttribute('viewBox')).toBe(home);
  });

  for (const lang of ['en', 'zh'] as const) {
    it(`screenshots in ${lang} at ${WIDTHS.join(', ')} px: no overflow, no one-character columns`, async () => {
      if (lang === 'zh') {
        await go('#/board');
        await page.click('[data-testid=lang-switch]');
        await page.waitForSelector('[data-nav=map]:text("地圖")');
      }
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const day of ['2023-04-10', CLOSURE_DAY]) {
          await go(`#/map?at=${day}`);
          await page.waitForSelector(
            `.map-view[data-day="${day}"] [data-testid=map-layers] [data-layer=msa]:not([data-state=loading])`,
          );
          if (day === CLOSURE_DAY) await page.waitForSelector('[data-testid=msa-notices] tr[data-notice]');
          await shot(`map-${day}-${lang}-${width}`);
          // The map view stays inside the window (the header and playback bar are the layout's, tested there); SVG marks
          // outside the viewBox are clipped, so only HTML boxes count.
          const overflow = await page.evaluate(() => {
            const view = document.querySelector('.map-view')!;
            let worst = { right: 0, what: '' };
            for (const e of [view, ...Array.from(view.querySelectorAll('*:not(svg *)'))]) {
              const right = e.getBoundingClientRect().right;
              if (right > worst.right) worst = { right, what: `${e.tagName}.${e.getAttribute('class') ?? ''}` };
            }
            return { px: Math.ceil(worst.right - window.innerWidth), what: worst.what };
          });
          expect(overflow.px, `${overflow.what} overflows by ${overflow.px}px at ${width}px`).toBeLessThanOrEqual(0);
          expect(await brokenCells(), `cells broken a character or two a line at ${width}px`).toEqual([]);
        }
      }
      if (lang === 'zh') expect(await layer('msa').textContent()).toBe('海事局航行警告：本日 4 則生效');
    });
  }
});

if (skip) describe('map in Chromium', () => it.skip(skip, () => {}));
