// Table tests for the knowledge states: no-coverage, stale and missing never count as absent or 0 and add no evidence.
import { describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../test/support/analysis-fixtures.js';
import type { Observation } from '../model/index.js';
import type { PackInput } from '../packs/pack-schema.js';
import { getZone, parseDay } from '../time/zone.js';
import { createAssessor } from './assessor.js';
import { NO_DECLARED_COVERAGE, type Coverage, type CoverageEntry } from './coverage.js';
import { PointInTimeIndex } from './point-in-time-index.js';

const zone = getZone('Asia/Taipei');
const day = (d: string) => parseDay(d);
type IndicatorInput = PackInput['indicators'][number];
const carrier: IndicatorInput = {
  id: 'carrier',
  name: 'Carrier',
  domain: 'sea',
  series: ['test.carrier'],
  role: 'lead',
  absentIsZero: true,
  detector: { kind: 'presence', withinDays: 3 },
  likelihoods: { present: { H1: 4 }, absent: { H1: 0.5 } },
};
const basePack = testPack();
const pack = testPack({
  indicators: [...(basePack.indicators as IndicatorInput[]), carrier],
  core: { indicators: ['air.count', 'ships', 'carrier'], minReporting: 2 },
});
// Activity days 2023-01-01 … 2023-02-19; reports published the next morning.
const air = dailyCounts('test.aircraft', '2023-01-01', steady(50, 12));
const ships = dailyCounts('test.ships', '2023-01-01', steady(50, 5, 1));

const declared = (series: string, from: string, to: string): CoverageEntry => ({
  series,
  windows: [{ from: day(from), to: day(to) }],
  origin: 'declared',
  from: 'test.csv',
});
const coverage = (...entries: CoverageEntry[]): Coverage => ({ entries });
const assess = (obs: Observation[], cov: Coverage, d: string) =>
  createAssessor(pack, new PointInTimeIndex(obs, zone), cov).assess(day(d));
const indicator = (obs: Observation[], cov: Coverage, d: string, id: string) =>
  assess(obs, cov, d).indicators.find((i) => i.id === id)!;

describe('indicator states against coverage', () => {
  const allDeclared = coverage(
    declared('test.aircraft', '2023-01-01', '2023-03-31'),
    declared('test.ships', '2023-01-01', '2023-03-31'),
    declared('test.carrier', '2023-02-01', '2023-02-28'),
  );
  const cases: {
    name: string;
    obs: Observation[];
    cov: Coverage;
    day: string;
    id: string;
    state: string;
    reason?: RegExp;
  }[] = [
    {
      name: 'count inside coverage, fresh report',
      obs: [...air, ...ships],
      cov: allDeclared,
      day: '2023-02-15',
      id: 'air.count',
      state: 'normal',
    },
    {
      name: 'count outside coverage, no report within its cadence',
      obs: [...air, ...ships],
      cov: coverage(declared('test.aircraft', '2023-03-01', '2023-03-31')),
      day: '2023-02-25',
      id: 'air.count',
      state: 'no-coverage',
      reason: /coverage: test\.csv/,
    },
    {
      name: 'count inside coverage, latest report 9 days old',
      obs: [...air, ...ships],
      cov: allDeclared,
      day: '2023-02-28',
      id: 'air.count',
      state: 'stale',
      reason: /latest data is 9 days old/,
    },
    {
      name: 'count inside coverage, null value with a reason',
      obs: [...air, ...dailyCounts('test.aircraft', '2023-02-20', [null])],
      cov: allDeclared,
      day: '2023-02-21',
      id: 'air.count',
      state: 'missing',
      reason: /no report/,
    },
    {
      name: 'count past the end of a declared file',
      obs: [...air, ...ships],
      cov: allDeclared,
      day: '2023-04-02',
      id: 'air.count',
      state: 'no-coverage',
    },
    {
      name: 'count outside coverage with a fresh report (ingested later): judged',
      obs: [...air, ...ships],
      cov: coverage(declared('test.aircraft', '2022-01-01', '2022-12-31')),
      day: '2023-02-20',
      id: 'air.count',
      state: 'normal',
    },
    {
      name: 'count, coverage began but no report yet',
      obs: [...air],
      cov: coverage(declared('test.aircraft', '2023-02-25', '2023-03-31')),
      day: '2023-02-27',
      id: 'air.count',
      state: 'no-coverage',
      reason: /coverage begins on 2023-02-25; no report yet/,
    },
    {
      name: 'count, coverage began, no report past the cadence',
      obs: [...air],
      cov: coverage(declared('test.aircraft', '2023-02-25', '2023-03-31')),
      day: '2023-03-01',
      id: 'air.count',
      state: 'stale',
      reason: /no report since coverage began on 2023-02-25/,
    },
    {
      name: 'event inside coverage, none seen: absent',
      obs: [],
      cov: allDeclared,
      day: '2023-02-15',
      id: 'carrier',
      state: 'absent',
    },
    {
      name: 'event outside coverage, none seen: no-coverage, never absent',
      obs: [],
      cov: allDeclared,
      day: '2023-03-15',
      id: 'carrier',
      state: 'no-coverage',
    },
    {
      name: 'event outside coverage but seen: present',
      obs: [event('test.carrier', '2023-03-14')],
      cov: allDeclared,
      day: '2023-03-15',
      id: 'carrier',
      state: 'present',
    },
    {
      name: 'event, learned coverage, last success 10 days ago: stale',
      obs: [],
      cov: coverage({
        series: 'test.*',
        windows: [{ from: day('2023-01-01'), to: Infinity }],
        origin: 'learned',
        from: 'collector x',
        lastSuccess: day('2023-02-05'),
        staleAfterDays: 3,
      }),
      day: '2023-02-15',
      id: 'carrier',
      state: 'stale',
      reason: /latest collection is 10 days old/,
    },
    {
      name: 'event, learned coverage, recent success: absent',
      obs: [],
      cov: coverage({
        series: 'test.*',
        windows: [{ from: day('2023-01-01'), to: Infinity }],
        origin: 'learned',
        from: 'collector x',
        lastSuccess: day('2023-02-14'),
        staleAfterDays: 3,
      }),
      day: '2023-02-15',
      id: 'carrier',
      state: 'absent',
    },
    {
      name: 'count, nothing declared or learned: a fresh report is judged',
      obs: [...air, ...ships],
      cov: NO_DECLARED_COVERAGE,
      day: '2023-02-15',
      id: 'air.count',
      state: 'normal',
    },
    {
      name: 'count, nothing declared or learned: an old report is no-coverage, not stale',
      obs: [...air, ...ships],
      cov: NO_DECLARED_COVERAGE,
      day: '2023-02-28',
      id: 'air.count',
      state: 'no-coverage',
      reason: /no source declared or collecting/,
    },
    {
      name: 'event, nothing declared or learned: a quiet day is no-coverage',
      obs: [],
      cov: NO_DECLARED_COVERAGE,
      day: '2023-02-15',
      id: 'carrier',
      state: 'no-coverage',
    },
    {
      name: 'event, nothing declared or learned: an event seen counts',
      obs: [event('test.carrier', '2023-02-14')],
      cov: NO_DECLARED_COVERAGE,
      day: '2023-02-15',
      id: 'carrier',
      state: 'present',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ind = indicator(c.obs, c.cov, c.day, c.id);
      expect(ind.state).toBe(c.state);
      if (c.reason) expect(ind.reason).toMatch(c.reason);
      if (['no-coverage', 'stale', 'missing'].includes(c.state)) {
        expect(ind.value).toBeNull();
        expect(ind.logLr).toEqual({});
        expect(ind.contribution).toBe(0);
      }
    });
  }

  it('absent is evidence inside coverage; outside, the same day adds none', () => {
    const inside = indicator([], allDeclared, '2023-02-15', 'carrier');
    expect(inside.logLr.H1).toBeCloseTo(Math.log(0.5), 12);
    expect(indicator([], allDeclared, '2023-03-15', 'carrier').logLr).toEqual({});
  });

  it('daily() fills absent days with 0 only inside the zero windows', () => {
    const index = new PointInTimeIndex([event('test.carrier', '2023-02-02')], zone);
    const s = index.daily(
      ['test.carrier'],
      Date.parse('2023-03-01T00:00:00Z'),
      day('2023-01-30'),
      day('2023-02-03'),
      'sum',
      true,
      [{ from: day('2023-02-01'), to: day('2023-02-28') }],
    );
    expect([...s.values]).toEqual([Number.NaN, Number.NaN, 0, 1, 0]);
  });
});

describe('knowledge state', () => {
  const cov = (airTo: string, carrierFrom = '2023-02-01') =>
    coverage(
      declared('test.aircraft', '2023-01-01', airTo),
      declared('test.ships', '2023-01-01', '2023-03-31'),
      declared('test.carrier', carrierFrom, '2023-03-31'),
    );
  it('ok when at least minReporting core indicators report', () => {
    const k = assess([...air, ...ships], cov('2023-03-31'), '2023-02-15').knowledge;
    expect(k).toMatchObject({ state: 'ok', reporting: 3, minReporting: 2, notReporting: [] });
  });
  it('degraded with fewer, naming which and why', () => {
    // Aircraft reports end with January, where its coverage ends: by 2023-02-20 nothing fresh, and no coverage.
    const k = assess([...air.slice(0, 31), ...ships], cov('2023-01-31', '2023-03-01'), '2023-02-20').knowledge;
    expect(k.state).toBe('degraded');
    expect(k.reporting).toBe(1);
    expect(k.notReporting.map((n) => [n.id, n.state])).toEqual([
      ['air.count', 'no-coverage'],
      ['carrier', 'no-coverage'],
    ]);
  });
  it('unknown when no core indicator reports, whatever the level says', () => {
    const a = assess([...air.slice(0, 31), ...ships], cov('2023-01-31'), '2023-05-01');
    expect(a.knowledge).toMatchObject({ state: 'unknown', reporting: 0 });
    expect(a.levelName).toBe('NORMAL');
  });
});

describe('episode under way', () => {
  it('while at ALERT the assessment says since when and which hypothesis', () => {
    const surge = dailyCounts('test.aircraft', '2023-02-20', [80, 90, 85, 95]);
    // No carrier source in these days: its absence is not evidence against H1.
    const a = createAssessor(
      pack,
      new PointInTimeIndex([...air, ...ships, ...surge], zone),
      coverage(declared('test.carrier', '2022-01-01', '2022-12-31')),
    );
    expect(a.assess(day('2023-02-20')).episode).toBeUndefined();
    const d = a.assess(day('2023-02-23'));
    expect(d.level).toBeGreaterThanOrEqual(4);
    expect(d.episode).toMatchObject({ since: '2023-02-21', days: 3, sinceBounded: false, hypothesis: { id: 'H1' } });
  });
});
