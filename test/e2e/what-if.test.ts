// The what-if, tornado, ACH additions and roll-up in real Chromium: a likelihood ratio changed in the browser gives
// exactly the posterior of the analysis on a pack edited by hand (the CLI's path), and the views are screenshotted to
// test-artifacts/e2e/.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessAt } from '../../src/app/assess-at.js';
import type { Pack } from '../../src/packs/pack-schema.js';
import type { FixtureServer } from '../../src/server/server-fixture.js';
import { openObservationStore } from '../../src/storage/open-store.js';
import { parseDay } from '../../src/time/zone.js';
import { browserSkipReason } from './browser.js';
import { ARTIFACTS, openDashboardSession, type DashboardSession } from './dashboard-session.js';

const skip = browserSkipReason();
const DAY = '2023-04-10';

describe.skipIf(skip !== undefined)('what-if in Chromium', () => {
  let session: DashboardSession;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    session = await openDashboardSession({ fixture: { alerts: false }, timeout: 15_000 });
    ({ server, page } = session);
    await session.signInToBoard();
  }, 120_000);

  afterAll(() => session?.close());

  const shot = (name: string) => session.shot(name);
  const probability = async (id: string) =>
    Number(await page.getAttribute(`[data-testid=whatif-posterior-${id}]`, 'data-probability'));

  /** The assessment of DAY on the fixture's database with the pack edited by hand, as `vigil --pack edited.yaml` would. */
  async function editedAssessment(edit: (pack: Pack) => void) {
    const pack = structuredClone(server.pack) as Pack;
    edit(pack);
    const store = openObservationStore(server.dbPath);
    try {
      return await assessAt(store, pack, parseDay(DAY));
    } finally {
      await store.close();
    }
  }

  it('changes a likelihood ratio in the browser and shows exactly the posterior of the edited pack', async () => {
    await page.goto(`${server.url}/#/explain?at=${DAY}`);
    await page.waitForSelector('[data-testid="force-air.total"]'); // the what-if inputs are loaded
    expect(await page.getAttribute('[data-testid=whatif]', 'data-active')).toBe('no');
    await shot('explain-2023-04-10');
    await page.click('[data-testid="edit-air.total"]');
    const input = page.locator('[data-testid="lr-air.total-very-high-H2"]');
    expect(await input.inputValue()).toBe('20');
    await input.fill('400');
    await input.press('Enter');
    await page.waitForSelector('[data-testid=whatif][data-active=yes]');
    const expected = await editedAssessment((p) => {
      p.indicators.find((i) => i.id === 'air.total')!.likelihoods['very-high'].H2 = 400;
    });
    for (const hyp of expected.hypotheses) expect(await probability(hyp.id)).toBe(hyp.probability);
    expect(Number(await page.getAttribute('[data-testid=whatif-level]', 'data-level'))).toBe(expected.level);
    const served = Number(await page.getAttribute('[data-testid=served-posterior-H2]', 'data-probability'));
    expect(await probability('H2')).toBeGreaterThan(served); // it moved
    await shot('explain-whatif-lr');
  });

  it('turns an indicator off, forces a state and changes a prior and a threshold, each matching the edited pack', async () => {
    await page.uncheck('[data-testid="on-far-seas.carrier"]');
    await page.selectOption('[data-testid="force-sea.plan"]', 'high');
    const prior = page.locator('[data-testid=prior-H1]');
    await prior.fill('10');
    await prior.press('Enter');
    // The editor of air.total is still open from the test above.
    await page.waitForSelector('[data-testid=assumptions][data-indicator="air.total"]');
    const z = page.locator('[data-testid="th-air.total-very-high-z"]');
    await z.fill('3');
    await z.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="th-air.total-very-high-z"]')?.classList.contains('changed'),
    );
    const expected = await editedAssessment((p) => {
      const air = p.indicators.find((i) => i.id === 'air.total')!;
      air.likelihoods['very-high'].H2 = 400;
      const d = air.detector;
      if (d.kind === 'robust-z') d.levels.find((l) => l.state === 'very-high')!.z = 3;
      const carrier = p.indicators.find((i) => i.id === 'far-seas.carrier')!;
      carrier.likelihoods = {};
      carrier.watchStates = [];
      carrier.watchAtOnce = false;
      const others = p.hypotheses.filter((h) => !h.baseline && h.id !== 'H1').reduce((s, h) => s + h.prior, 0);
      p.hypotheses.find((h) => h.id === 'H1')!.prior = 0.1;
      p.hypotheses.find((h) => h.baseline)!.prior = 1 - 0.1 - others;
    });
    // sea.plan forced to "high" on the day is not a pack edit: its evidence is the pack's LR for "high".
    const shown = await page.locator('[data-testid=posterior] tbody tr').count();
    expect(shown).toBe(expected.hypotheses.length);
    expect(await page.textContent('[data-testid=whatif]')).toContain('5 change');
    expect(await page.inputValue('[data-testid="force-sea.plan"]')).toBe('high');
    // sea.plan forced from elevated to high on the day (H1 ×6.142 where elevated gave none): not the edited pack's answer.
    expect(await probability('H1')).toBeGreaterThan(expected.hypotheses.find((h) => h.id === 'H1')!.probability);
    await page.selectOption('[data-testid="force-sea.plan"]', '');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="force-sea.plan"]')?.classList.contains('changed'),
    );
    for (const hyp of expected.hypotheses) expect(await probability(hyp.id)).toBe(hyp.probability);
    expect(await page.textContent('[data-testid="diagnosticity-far-seas.carrier"]')).not.toBe('');
    await shot('explain-whatif-several');
  });

  it('draws the tornado of the assumptions around the what-if', async () => {
    await page.click('[data-testid=tornado-compute]');
    await page.waitForSelector('[data-testid=tornado-chart] .tornado-row');
    expect(await page.locator('[data-testid=tornado-chart] .tornado-row').count()).toBeGreaterThan(3);
    // Bars name indicators as the pack does (“PLA aircraft …”), never by id (`air.total`).
    expect(await page.textContent('[data-testid=tornado-chart]')).not.toMatch(/\b[a-z-]+\.[a-z][a-z.-]*\b/);
    await page.locator('[data-testid=tornado]').screenshot({ path: join(ARTIFACTS, 'explain-tornado.png') });
    await page.click('[data-testid=whatif-reset]');
    await page.waitForSelector('[data-testid=whatif][data-active=no]');
    expect(await page.textContent('[data-testid=tornado]')).toContain('compute again');
  });

  it('sorts the ACH matrix by diagnosticity, with an H0 column and not-reporting indicators last', async () => {
    await page.click('[data-testid=sort-diagnosticity]');
    const rows = await page.$$eval('[data-testid=ach-matrix] tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-diagnosticity') ?? ''),
    );
    const known = rows.filter((d) => d !== '').map(Number);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    const firstUnknown = rows.indexOf('');
    expect(firstUnknown).toBeGreaterThan(0); // this day has indicators not reporting
    expect(rows.slice(firstUnknown).every((d) => d === '')).toBe(true); // nothing known sorts last, never as 0
    expect(await page.textContent('[data-testid=ach-h0]')).toBe('H0');
    await page
      .locator('[data-testid=ach-matrix]')
      .screenshot({ path: join(ARTIFACTS, 'explain-ach-diagnosticity.png') });
  });

  it('rolls indicators up to domains and the theatre, naming the domain that drives the level', async () => {
    await page.click('[data-nav=rollup]');
    await page.waitForSelector(`[data-testid=rollup][data-day="${DAY}"]`);
    expect(await page.textContent('[data-testid=rollup-driver]')).toMatch(/Drives the level: \w+/);
    await shot('rollup-2023-04-10');
    // A day with no core indicator reporting: domains with nothing known say so, never 0.
    await page.fill('[data-testid=playback-date]', '2021-06-01');
    await page.waitForSelector('[data-testid=rollup][data-day="2021-06-01"]');
    expect(await page.locator('.rollup-domain.unknown').count()).toBeGreaterThan(0);
    expect(await page.textContent('.rollup-domain.unknown .bar-value')).toBe('—');
    await shot('rollup-2021-06-01');
  });

  it('shows the what-if and the roll-up in Traditional Chinese', async () => {
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('text=彙總：指標 → 領域 → 戰區');
    // The theatre by its 中文 name, as everywhere else in the 中文 dashboard.
    await page.waitForSelector('text=戰區 · 臺灣海峽');
    await shot('rollup-zh');
    await page.goto(`${server.url}/#/explain?at=${DAY}`);
    await page.waitForSelector('[data-testid="force-air.total"]');
    await page.uncheck('[data-testid="on-air.total"]');
    await page.waitForSelector('[data-testid=whatif][data-active=yes]');
    expect(await page.textContent('[data-testid=whatif]')).toContain('假設推演');
    await shot('explain-whatif-zh');
    await page.click('[data-testid=lang-switch]');
  });
});
