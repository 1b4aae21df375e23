import { describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { withId, type Observation } from '../model/index.js';
import { applyHysteresis } from './warning-level.js';
import { getZone, parseDay } from '../time/zone.js';
import { createAssessor } from './assessor.js';
import type { Coverage } from './coverage.js';
import { PointInTimeIndex } from './point-in-time-index.js';

const zone = getZone('Asia/Taipei');
const pack = testPack();
// Activity days 2023-01-01 … 2023-02-19 (50 days); the report for day D is published on D+1.
const quietAir = dailyCounts('test.aircraft', '2023-01-01', steady(50, 12));
const quietShips = dailyCounts('test.ships', '2023-01-01', steady(50, 5, 1));
const assessor = (obs: Observation[]) => createAssessor(pack, new PointInTimeIndex(obs, zone), COVERED);
const day = (d: string) => parseDay(d);
// Every test series was being collected through 2023: a quiet day is quiet, an old report is stale.
const COVERED: Coverage = {
  entries: [
    {
      series: 'test.*',
      windows: [{ from: parseDay('2023-01-01'), to: parseDay('2023-12-31') }],
      origin: 'declared',
      from: 'test',
    },
  ],
};

describe('assessment', () => {
  it('reads a quiet period as NORMAL with H0 most probable', () => {
    const a = assessor([...quietAir, ...quietShips]).assess(day('2023-02-15'));
    expect(a.level).toBe(1);
    expect(a.levelName).toBe('NORMAL');
    expect(a.hypotheses.find((h) => h.id === 'H0')!.probability).toBeGreaterThan(0.9);
    expect(a.indicators.find((i) => i.id === 'air.count')).toMatchObject({ state: 'normal', dataDay: '2023-02-14' });
  });

  it('absent expected evidence lowers a hypothesis below its prior', () => {
    const a = assessor([...quietAir, ...quietShips]).assess(day('2023-02-15'));
    const h2 = a.hypotheses.find((h) => h.id === 'H2')!;
    expect(h2.probability).toBeLessThan(h2.prior * 0.5);
    const ships = a.indicators.find((i) => i.id === 'ships')!;
    expect(ships.contributions.H2).toBeCloseTo(Math.log(0.3));
  });

  it('a surge on the latest report raises H1 and the level to ALERT, explained by the air indicator', () => {
    const surge = dailyCounts('test.aircraft', '2023-02-20', [70]);
    const a = assessor([...quietAir, ...quietShips, ...surge]).assess(day('2023-02-21'));
    expect(a.level).toBe(4);
    const [, h1] = a.hypotheses;
    expect(h1.probability).toBeGreaterThan(0.6);
    const air = a.indicators.find((i) => i.id === 'air.count')!;
    expect(air.state).toBe('high');
    expect(air.contributions.H1).toBeCloseTo(Math.log(20));
    expect(air.observationIds).toEqual([surge[0].id]);
  });

  it('uses only what was published by the end of the day (no look-ahead)', () => {
    const surge = dailyCounts('test.aircraft', '2023-02-20', [70]); // published 2023-02-21 09:00
    const a = assessor([...quietAir, ...quietShips, ...surge]);
    expect(a.assess(day('2023-02-20')).indicators.find((i) => i.id === 'air.count')!.state).toBe('normal');
  });

  it('a later revision replaces a figure only from the day it was published', () => {
    const original = dailyCounts('test.aircraft', '2023-02-20', [12])[0];
    const { id: _id, ...input } = original;
    const revision = withId({ ...input, value: 70, publishedAt: new Date('2023-02-23T09:00:00+08:00').toISOString() });
    const a = assessor([...quietAir, ...quietShips, original, revision]);
    const value = (d: string) => a.assess(day(d)).indicators.find((i) => i.id === 'air.count')!.value;
    expect(value('2023-02-21')).toBe(12);
    const later = createAssessor(
      pack,
      new PointInTimeIndex([...quietAir, ...quietShips, original, revision], zone),
      COVERED,
    );
    expect(later.assess(day('2023-02-23')).indicators.find((i) => i.id === 'air.count')!).toMatchObject({
      dataDay: '2023-02-20',
      value: 70,
    });
  });

  it('a missing report is missing, never zero', () => {
    const gap = dailyCounts('test.aircraft', '2023-02-20', [null]);
    const a = assessor([...quietAir, ...quietShips, ...gap]).assess(day('2023-02-21'));
    expect(a.indicators.find((i) => i.id === 'air.count')).toMatchObject({
      state: 'missing',
      value: null,
      reason: 'no report',
    });
    const stale = assessor([...quietAir, ...quietShips]).assess(day('2023-02-28'));
    expect(stale.indicators.find((i) => i.id === 'air.count')).toMatchObject({
      state: 'stale',
      reason: 'latest data is 9 days old',
    });
  });

  it('a fresh trigger puts the board on WATCH and decays away', () => {
    const a = assessor([...quietAir, ...quietShips, event('test.trigger', '2023-02-14')]);
    expect(a.assess(day('2023-02-15')).level).toBe(2);
    expect(a.assess(day('2023-02-15')).indicators.find((i) => i.id === 'trigger')!.state).toBe('fresh');
    expect(a.assess(day('2023-02-19')).level).toBe(1);
  });

  it('correlated indicators in one group count once', () => {
    const grouped = testPack({
      indicators: [
        ...testPack().indicators.map((i) => ({ ...i })),
        {
          id: 'air.copy',
          name: 'Aircraft again',
          domain: 'air',
          series: ['test.aircraft'],
          group: 'air',
          detector: { kind: 'threshold', levels: [{ state: 'high', min: 50 }] },
          likelihoods: { high: { H1: 10 } },
        },
      ],
    });
    const surge = dailyCounts('test.aircraft', '2023-02-20', [70]);
    const a = createAssessor(
      grouped,
      new PointInTimeIndex([...quietAir, ...quietShips, ...surge], zone),
      COVERED,
    ).assess(day('2023-02-21'));
    const copy = a.indicators.find((i) => i.id === 'air.copy')!;
    expect(copy.logLr.H1).toBeCloseTo(Math.log(10));
    expect(copy.contributions.H1 ?? 0).toBe(0);
    expect(a.indicators.find((i) => i.id === 'air.count')!.contributions.H1).toBeCloseTo(Math.log(20));
  });

  it('holds a level while evidence stays above the exit threshold, for at most holdDays (hysteresis)', () => {
    expect(applyHysteresis(2, 4, [1, 4])).toBe(4); // dipped below enter, still above exit: held
    expect(applyHysteresis(2, 3, [1, 4])).toBe(3); // exit threshold of ALERT no longer met: down to what still holds
    expect(applyHysteresis(2, 4, [1, 1])).toBe(2); // nothing entered within the hold window
    expect(applyHysteresis(5, 1, [1, 1])).toBe(5); // rising is immediate
  });

  it("builds a day's assessment once until forgetFrom reaches that day", () => {
    const index = new PointInTimeIndex([...quietAir, ...quietShips], zone);
    const a = createAssessor(pack, index, COVERED);
    const before = a.assess(day('2023-02-20'));
    const quiet = a.assess(day('2023-02-21'));
    expect(a.assess(day('2023-02-21'))).toBe(quiet);
    index.add(dailyCounts('test.aircraft', '2023-02-20', [70])); // published 2023-02-21
    a.forgetFrom(day('2023-02-21'), ['test.aircraft']);
    expect(a.assess(day('2023-02-20'))).toBe(before);
    const surge = a.assess(day('2023-02-21'));
    expect(surge).not.toBe(quiet);
    expect([quiet.level, surge.level]).toEqual([1, 4]);
  });

  it('is deterministic and independent of evaluation order', () => {
    const obs = [...quietAir, ...quietShips, ...dailyCounts('test.aircraft', '2023-02-20', [70, 30, 12])];
    const forward = createAssessor(pack, new PointInTimeIndex(obs, zone), COVERED);
    const backward = createAssessor(pack, new PointInTimeIndex([...obs].reverse(), zone), COVERED);
    const days = ['2023-02-21', '2023-02-22', '2023-02-23'].map(day);
    const f = days.map((d) => forward.assess(d));
    const b = [...days]
      .reverse()
      .map((d) => backward.assess(d))
      .reverse();
    expect(b).toEqual(f);
  });
});
