// The dry run replays history through the same rule evaluation and says on which days each rule would have fired.
import { describe, expect, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { parseDay } from '../time/zone.js';
import { alertingConfig } from './fixtures.contract.js';
import { countsPerYear, dryRunRules } from './rules-dry-run.js';

describe('dryRunRules', () => {
  it('lists the days each rule would have fired, with counts per year, using only what was known each day', () => {
    const quiet = [
      ...dailyCounts('test.aircraft', '2023-11-01', steady(70, 20, 3)),
      ...dailyCounts('test.ships', '2023-11-01', steady(70, 5, 1)),
    ];
    // 2024-01-09: a surge; then the ships feed goes silent for four days.
    const surge = [
      ...dailyCounts('test.aircraft', '2024-01-09', [75, 20, 21, 19, 20]),
      ...dailyCounts('test.ships', '2024-01-09', [30, 5]),
    ];
    const config = alertingConfig({
      rules: [
        { name: 'HypothesisH1', kind: 'hypothesis', hypothesis: 'H1', above: 0.3, labels: { severity: 'high' } },
        { name: 'ShipsHigh', kind: 'indicator', indicators: ['ships'], states: ['high'] },
        { name: 'ShipsSilent', kind: 'source-health', series: ['test.ships'], cadence: '1d', stale_after: '2d' },
        { name: 'ReceiverFailing', kind: 'receiver-health' },
      ],
      inhibit_rules: [],
    });
    const result = dryRunRules(
      config,
      testPack(),
      [...quiet, ...surge],
      parseDay('2023-12-20'),
      parseDay('2024-01-16'),
    );
    expect(result).toMatchObject({ from: '2023-12-20', to: '2024-01-16', days: 28 });
    const byRule = Object.fromEntries(result.rules.map((r) => [r.rule, r]));
    expect(Object.keys(byRule)).toEqual(['HypothesisH1', 'ShipsHigh', 'ShipsSilent']);
    // Reports for a day are published at 09:00 the next morning: the surge of the 9th is known on the 10th.
    expect(byRule.HypothesisH1.fired.map((f) => f.day)).toEqual(['2024-01-10']);
    expect(byRule.ShipsHigh.fired.map((f) => f.day)).toEqual(['2024-01-10']);
    // Last ships report published on the 11th at 09:00: more than two days silent by the end of the 13th.
    expect(byRule.ShipsSilent.fired.map((f) => [f.day, f.labels.series])).toEqual([['2024-01-13', 'test.ships']]);
    expect(byRule.ShipsSilent.firingDays).toEqual(['2024-01-13', '2024-01-14', '2024-01-15', '2024-01-16']);
    expect(Object.fromEntries(countsPerYear(byRule.ShipsSilent))).toEqual({ '2024': { fired: 1, firingDays: 4 } });
  });
});
