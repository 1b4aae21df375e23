// Table tests with hand-computed numbers for the reliability bins and the lead time, and the golden reliability diagram.
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/support/golden.js';
import type { Episode } from '../backtest/episodes.js';
import { formatDay, parseDay } from '../time/zone.js';
import { machineScorecard } from './machine-scorecard.js';
import { reliabilityBins } from './reliability.js';
import { renderReliabilitySvg } from './render-reliability-svg.js';

describe('reliability bins', () => {
  it('groups forecasts into ten bins with mean forecast and observed frequency', () => {
    const bins = reliabilityBins([
      { p: 0.02, y: 0 },
      { p: 0.04, y: 1 },
      { p: 0.05, y: 0 },
      { p: 0.35, y: 1 },
      { p: 0.31, y: 0 },
      { p: 1, y: 1 },
    ]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({
      low: 0,
      high: 0.1,
      count: 3,
      meanForecast: expect.closeTo(0.11 / 3, 12),
      observed: expect.closeTo(1 / 3, 12),
    });
    expect(bins[3]).toMatchObject({ count: 2, meanForecast: expect.closeTo(0.33, 12), observed: 0.5 });
    expect(bins[9]).toMatchObject({ count: 1, meanForecast: 1, observed: 1 }); // p = 1 falls in the last bin
    expect(bins[5]).toMatchObject({ count: 0, meanForecast: null, observed: null });
  });
});

const d0 = parseDay('2023-04-08');
const episode = (id: string, start: number): Episode => ({ id, name: id, kind: 'surge', start, end: start + 1 });
// Levels from D0−5: the run at WARNING+ begins on D0−3 and holds on D0−1 → lead 3; the second episode has no warning.
const levels = [1, 2, 3, 3, 4, 5, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 4, 4, 1];
const records = levels.map((level, k) => ({ date: formatDay(d0 - 5 + k), level, pEvent7d: 0.1 }));

describe('machine scorecard', () => {
  it('reuses the backtest scoring and measures lead as days at WARNING or above before D0', () => {
    const card = machineScorecard(records, [episode('A', d0), episode('B', d0 + 16), episode('C', d0 + 40)], {
      horizonDays: 7,
    });
    expect(card.leads.map((l) => [l.id, l.hit, l.leadDays])).toEqual([
      ['A', true, 3],
      ['B', true, 0],
    ]);
    expect([card.hits, card.misses, card.falseAlarms, card.scores.warned]).toEqual([2, 0, 0, 1]);
    expect(card.medianLeadDays).toBe(1.5);
    // Every day forecasts 10 %: one bin holding all 24 days; outcomes are the days D−7 … D−1 before A's and B's starts.
    expect(card.reliability[1]).toMatchObject({ count: 24, observed: expect.closeTo(12 / 24, 12) });
  });
});

describe('reliability diagram golden', () => {
  it('draws the diagonal and one dot per non-empty bin', () => {
    const bins = reliabilityBins([
      ...Array(40).fill({ p: 0.03, y: 0 }),
      { p: 0.04, y: 1 },
      { p: 0.25, y: 0 },
      { p: 0.28, y: 1 },
      { p: 0.72, y: 1 },
    ]);
    expectGolden(
      renderReliabilitySvg(bins, 'Reliability of P(episode within 7 d)', 'Test <pack>, 2021-01-01 → 2023-12-31'),
      'reliability-diagram.svg',
    );
  });
});
