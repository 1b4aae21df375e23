// The warning product in real Chromium: the daily brief in both languages with its PDF, the formal warning workflow
// (draft, coordination, the drafter refused at issue, a dissent and the issue by another user), the scorecard of the
// machine level and of the issued warning, and an analyst note written on the indicator view and drawn on its chart
// and on the timeline, with the chart and CSV exports. Screenshots in test-artifacts/e2e/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLA_EPISODES as EPISODES } from '../../src/scorecard/scorecard-fixtures.js';
import type { FixtureServer } from '../../src/server/server-fixture.js';
import { browserSkipReason } from './browser.js';
import { ARTIFACTS, openDashboardSession, type DashboardSession } from './dashboard-session.js';

const skip = browserSkipReason();

describe.skipIf(skip !== undefined)('warning product in Chromium', () => {
  let session: DashboardSession;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboardSession({
      fixture: { episodes: EPISODES, alerts: false },
      timeout: 15_000,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    ({ server, page } = session);
  }, 90_000);

  afterAll(() => session?.close());

  const shot = (name: string) => session.shot(name);
  const go = (hash: string) => session.go(hash);
  const signIn = async (username: string) => {
    await session.signIn(username);
    await page.waitForSelector('header.topbar');
  };
  const api = async (path: string) =>
    (
      await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${server.tokens.viewer}` } })
    ).json();

  it('shows the daily brief in English and Traditional Chinese, and downloads its PDF', async () => {
    await page.goto(`${server.url}/#/brief?at=2023-04-10`);
    await signIn('ana');
    await page.waitForSelector('[data-testid=brief-frame][data-day="2023-04-10"][data-lang=en]');
    const frame = page.frameLocator('[data-testid=brief-frame]');
    await frame.locator('text=ALERT').first().waitFor();
    expect(await frame.locator('body').textContent()).toContain('TLP:');
    await shot('brief-en');
    await page.selectOption('[data-testid=brief-lang]', 'zh');
    await page.waitForSelector('[data-testid=brief-frame][data-lang=zh]');
    await page.frameLocator('[data-testid=brief-frame]').locator('text=警報').first().waitFor();
    // The frame's text is there before it is painted: let it paint before the screenshot.
    await page.waitForTimeout(500);
    await shot('brief-zh');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=brief-pdf]')]);
    expect(download.suggestedFilename()).toBe('vigil-brief-2023-04-10-zh.pdf');
    const file = await download.path();
    expect(readFileSync(file!).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('drafts a warning, sends it to coordination, and refuses its issue by the drafter', async () => {
    await go('#/warnings?at=2023-04-07');
    await page.waitForSelector('[data-testid=draft-form]');
    expect(await page.textContent('[data-testid=draft-form]')).toContain('2023-04-07');
    // The likelihood choices are the ICD 203 yardstick with its ranges.
    expect(await page.locator('select[name=likelihood] option').allTextContents()).toEqual([
      'almost no chance (1–5 %)',
      'very unlikely (5–20 %)',
      'unlikely (20–45 %)',
      'roughly even chance (45–55 %)',
      'likely (55–80 %)',
      'very likely (80–95 %)',
      'almost certain (95–99 %)',
    ]);
    await page.fill('textarea[name=judgement]', 'A major PLA exercise around Taiwan is likely within 7 days.');
    await page.selectOption('select[name=likelihood]', 'likely');
    await page.selectOption('select[name=confidence]', 'moderate');
    await page.selectOption('select[name=horizon]', '7');
    await page.click('[data-testid=draft-submit]');
    const card = page.locator('[data-testid=warning-card]').first();
    await card.locator('[data-testid=warning-status]:text("DRAFT")').waitFor();
    expect(await card.textContent()).toContain('drafted by ana');
    expect(await card.textContent()).toContain('Machine assessment of 2023-04-07');
    await card.locator('[data-action=coordinate]').click();
    await page.waitForSelector('[data-testid=warning-card][data-status=coordination]');
    await page.locator('[data-testid=warning-card][data-status=coordination] [data-action=withdraw]').click();
    await page.waitForSelector('[data-testid=warning-error]:text("Say why the warning is withdrawn.")');
    await page.locator('[data-testid=warning-card][data-status=coordination] [data-action=issue]').click();
    const error = page.locator('[data-testid=warning-card][data-status=coordination] [data-testid=warning-error]');
    await error.waitFor();
    expect(await error.textContent()).toContain('must be issued by another reviewer');
    expect(await page.locator('[data-testid=warning-card][data-status=issued]').count()).toBe(0);
    await shot('warnings-drafter-refused');
  });

  it('records a dissent and issues the warning as another user', async () => {
    await page.click('header.topbar button:text("Sign out")');
    await signIn('admin');
    await go('#/warnings?at=2023-04-07');
    const card = page.locator('[data-testid=warning-card][data-status=coordination]');
    await card.waitFor();
    await card.locator('[data-testid=warning-text]').fill('Ship counts are within the spring range.');
    await card.locator('[data-action=dissent]').click();
    await card.locator('[data-testid=dissents]', { hasText: 'Ship counts are within the spring range.' }).waitFor();
    expect(await card.locator('[data-testid=dissents]').textContent()).toContain('Dissent (admin)');
    await card.locator('[data-action=issue]').click();
    const issued = page.locator('[data-testid=warning-card][data-status=issued]');
    await issued.waitFor();
    expect(await issued.textContent()).toContain('issued by admin');
    expect(await issued.locator('[data-testid=warning-status]').textContent()).toBe('ISSUED');
    await shot('warnings-issued');
  });

  it('shows the scorecard of the machine level and of the issued warning, and exports it as CSV', async () => {
    await go('#/scorecard?at=2023-12-31');
    await page.fill('[data-testid=scorecard-from]', '2020-06-01');
    await page.fill('[data-testid=scorecard-from]', '2021-01-01');
    // The window is in the address, so a copied link opens the same scorecard.
    await page.waitForURL(/from=2021-01-01/);
    // Days are typed and shown as ISO whatever the browser's locale; an impossible day is refused with its reason.
    expect(await page.inputValue('[data-testid=scorecard-from]')).toBe('2021-01-01');
    await page.fill('[data-testid=scorecard-to]', '2023-02-30');
    expect(await page.textContent('[data-testid=scorecard-to-error]')).toContain('2023-02-30');
    await page.fill('[data-testid=scorecard-to]', '2023-12-31');
    expect(await page.locator('[data-testid=scorecard-to-error]').count()).toBe(0);
    await page.waitForSelector('[data-testid=scorecard-machine]');
    const expected = await api('/scorecard?from=2021-01-01&to=2023-12-31&at=2023-12-31');
    await page.waitForSelector(`[data-testid=scorecard-machine] h2:text("2021-01-01 → 2023-12-31")`);
    expect(await page.textContent('[data-figure=hits] .figure-value')).toBe(
      `${expected.machine.hits}/${expected.machine.hits + expected.machine.misses}`,
    );
    expect(await page.textContent('[data-figure=brier] .figure-value')).toBe(expected.machine.scores.brier.toFixed(4));
    expect(await page.locator('[data-testid=episode-leads] tbody tr').count()).toBe(6);
    expect(await page.locator('[data-testid=machine-reliability] svg circle.bin').count()).toBeGreaterThan(0);
    // The warning issued above (2023-04-07, likely, 7 days) is scored a hit on Joint Sword, one day ahead.
    const row = page.locator('[data-testid=issued-scored] tbody tr');
    expect(await row.getAttribute('data-outcome')).toBe('hit');
    expect(await row.textContent()).toContain('E4');
    await shot('scorecard');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=scorecard] .product-toolbar [data-export=csv]').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('scorecard-2021-01-01-2023-12-31.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('part,id,name_or_day,start_or_horizon,outcome,lead_days,stated,episode');
    expect(csv).toContain('issued,');
  }, 90_000);

  it('records the outcome of the issued warning on its card, and the scorecard reads the ruling', async () => {
    await go('#/warnings?at=2023-04-07');
    const card = page.locator('[data-testid=warning-card][data-status=issued]');
    const form = card.locator('[data-testid=adjudication-form]');
    await form.waitFor();
    // The ruling must say what it rests on: refused in the reader's language before asking the server.
    await form.locator('[data-action=adjudicate]').click();
    await card.locator('[data-testid=adjudication-error]:text("Say what the ruling rests on.")').waitFor();
    await form.locator('select[name=outcome]').selectOption('occurred');
    await form.locator('input[name=occurredOn]').fill('2023-04-08');
    await form.locator('input[name=note]').fill('Joint Sword began on 8 April.');
    await form.locator('[data-action=adjudicate]').click();
    const ruling = card.locator('[data-testid=warning-ruling]');
    await ruling.waitFor();
    expect(await ruling.textContent()).toBe(
      'Outcome: It occurred on 2023-04-08 (ruled by admin): Joint Sword began on 8 April.',
    );
    expect(await card.locator('[data-testid=adjudication-form]').count()).toBe(0);
    await shot('warnings-adjudicated');
    const scored = (await api('/scorecard?from=2021-01-01&to=2023-12-31&at=2023-12-31')).issued.scored;
    expect(scored).toEqual([expect.objectContaining({ day: '2023-04-07', outcome: 'hit', leadDays: 1 })]);
  });

  it('writes a note on the indicator view, draws it on the chart and the timeline, and exports the chart', async () => {
    await go('#/indicator/air.total');
    await page.waitForSelector('[data-testid=series-chart] circle.point');
    const day = await page.locator('[data-testid=series-chart] circle.point').last().getAttribute('data-day');
    await page.locator('[data-testid=series-chart] circle.point').last().click();
    await page.waitForSelector(`[data-testid=note-form] :text("New note about ${day}")`);
    await page.selectOption('[data-testid=note-form] select[name=reliability]', 'B');
    await page.selectOption('[data-testid=note-form] select[name=credibility]', '2');
    await page.selectOption('[data-testid=note-form] select[name=tlp]', 'green');
    await page.fill('[data-testid=note-form] textarea[name=text]', 'Carrier group seen leaving port the night before.');
    await page.click('[data-testid=note-submit]');
    expect(await page.textContent('[data-testid=note-message]')).toContain(
      'No indicator reads note.air.total: it moves no assessment.',
    );
    await page.waitForSelector(`[data-testid=series-chart] [data-testid=note-mark][data-day="${day}"]`);
    expect(await page.textContent('[data-testid=note-list]')).toContain('No indicator reads this series');
    await shot('indicator-note');

    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=svg]')]);
    const markup = readFileSync((await svg.path())!, 'utf8');
    expect(markup).toMatch(/^<\?xml[^>]*>\n<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(markup).toContain('Carrier group seen leaving port');
    await svg.saveAs(join(ARTIFACTS, 'export-indicator-chart.svg'));
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=png]')]);
    await png.saveAs(join(ARTIFACTS, 'export-indicator-chart.png'));
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv]')]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\r\n')[0]).toBe(
      'day,value,baseline,band_low,band_high,band_n,state,judged_on,reason',
    );
    await page.click('[data-export=link]');
    await page.waitForSelector('.export-bar :text("Link copied")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.url}/#/indicator/air.total`);

    await page.click('[data-nav=timeline]');
    await page.waitForSelector('[data-testid=timeline-note]');
    expect(await page.textContent('[data-testid=timeline-note]')).toContain('admin (B2, TLP:GREEN) note.air.total');
    await shot('timeline-note');
  });

  it('shows the new views in Traditional Chinese', async () => {
    await page.click('[data-testid=lang-switch]');
    await go('#/warnings?at=2023-04-07');
    await page.waitForSelector('[data-testid=warning-status]:text("已發布")');
    expect(await page.textContent('[data-nav=scorecard]')).toBe('成效評分');
    expect(await page.textContent('[data-testid=warning-ruling]')).toBe(
      '結果：已發生，2023-04-08 開始（admin 裁定）：Joint Sword began on 8 April.',
    );
    await shot('warnings-zh');
    await go('#/scorecard?at=2023-12-31');
    await page.waitForSelector('[data-testid=machine-reliability] svg text:text("所述機率（%）")');
    await shot('scorecard-zh');
    await page.click('[data-testid=lang-switch]');
  }, 60_000);
});

if (skip) describe('warning product in Chromium', () => it.skip(skip, () => {}));
