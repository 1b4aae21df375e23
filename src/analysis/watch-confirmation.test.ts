import { describe, expect, it } from 'vitest';
import { dailyCounts, event, steady, testPack } from '../../test/support/analysis-fixtures.js';
import type { Observation } from '../model/index.js';
import { formatDay, getZone, parseDay } from '../time/zone.js';
import { createAssessor } from './assessor.js';
import { NO_DECLARED_COVERAGE } from './coverage.js';
import { PointInTimeIndex } from './point-in-time-index.js';
import { applyMinimumDwell } from './warning-level.js';

const zone = getZone('Asia/Taipei');
// An event model that never reaches WARNING, so every level here is NORMAL or WATCH.
const base = { eventModel: { intercept: -12, lead: 1, concurrent: 0 } };
const warning = {
  holdDays: 2,
  critical: { enter: 0.5, exit: 0.3 },
  alert: { enter: 0.6, exit: 0.4 },
  warning: { enter: 0.2, exit: 0.1 },
};
const blipPack = testPack(base);
const confirmedPack = testPack({ ...base, warning: { ...warning, minDays: 2, watch: { groups: 2, confirmDays: 3 } } });
// 2023-01-01 … 2023-02-19 quiet; the report for activity day D is published on D+1.
const quiet = [
  ...dailyCounts('test.aircraft', '2023-01-01', steady(50, 12)),
  ...dailyCounts('test.ships', '2023-01-01', steady(50, 5, 1)),
];
const first = parseDay('2023-02-10');
const levels = (pack: typeof blipPack, obs: Observation[], days = 8) => {
  const assessor = createAssessor(pack, new PointInTimeIndex(obs, zone), NO_DECLARED_COVERAGE);
  return Array.from({ length: days }, (_, i) => assessor.assess(first + i).level);
};
// One day of elevated aircraft: activity day 2023-02-11, judged on 2023-02-12 only.
const airBlip = [
  ...quiet.filter((o) => !(o.series === 'test.aircraft' && o.periodStart.startsWith('2023-02-10T22'))),
  ...dailyCounts('test.aircraft', '2023-02-11', [22]),
];
// A trigger on 2023-02-12: decay ½^(age/3) ≥ 0.5 keeps it fresh on 02-12 … 02-15 (ages 0 … 3).
const trigger = event('test.trigger', '2023-02-12');

describe('WATCH needs more than a one-day blip', () => {
  it('the blip is elevated on one assessed day only', () => {
    const a = createAssessor(blipPack, new PointInTimeIndex(airBlip, zone), NO_DECLARED_COVERAGE);
    expect([first + 1, first + 2, first + 3].map((d) => a.assess(d).indicators[0].state)).toEqual([
      'normal',
      'elevated',
      'normal',
    ]);
  });

  it('without a rule, one indicator for one day is WATCH for one day (the flap)', () => {
    expect(levels(blipPack, airBlip)).toEqual([1, 1, 2, 1, 1, 1, 1, 1]);
  });

  it('with groups 2 / confirmDays 3, a one-day blip in one group stays NORMAL', () => {
    expect(levels(confirmedPack, airBlip)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('a watch state lasting three days is confirmed on its third day and shown one more day (minDays 2)', () => {
    // trigger fresh 02-12 … 02-15 (days 2 … 5): confirmed on 02-14 and 02-15, held by the dwell on 02-16
    expect(levels(blipPack, [...quiet, trigger])).toEqual([1, 1, 2, 2, 2, 2, 1, 1]);
    expect(levels(confirmedPack, [...quiet, trigger])).toEqual([1, 1, 1, 1, 2, 2, 2, 1]);
  });

  it('two evidence groups on the same day are WATCH at once', () => {
    // 02-12: air elevated (group air) and the trigger fresh (its own group); 02-13 held by the dwell; 02-14 … 02-15 confirmed
    expect(levels(confirmedPack, [...airBlip, trigger])).toEqual([1, 1, 2, 2, 2, 2, 2, 1]);
    const a = createAssessor(
      confirmedPack,
      new PointInTimeIndex([...airBlip, trigger], zone),
      NO_DECLARED_COVERAGE,
    ).assess(first + 2);
    expect(a).toMatchObject({ day: formatDay(first + 2), watch: true, rawLevel: 2 });
  });

  it('minimum dwell keeps a level reached on the last minDays - 1 days', () => {
    expect(applyMinimumDwell(1, [4])).toBe(4);
    expect(applyMinimumDwell(3, [2, 1])).toBe(3);
    expect(applyMinimumDwell(2, [])).toBe(2);
  });
});
