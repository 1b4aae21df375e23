import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../time/zone.js';
import type { Episode } from './episodes.js';
import { outcome, score, type DayForecast } from './scoring.js';

const d = (s: string) => parseDay(s);
const episode = (id: string, start: string, end = start): Episode => ({
  id,
  name: id,
  kind: 'surge',
  start: d(start),
  end: d(end),
});

/** 100 days from 2023-01-01, level 1 and p = 0.01 except where overridden. */
function days(overrides: Record<string, Partial<DayForecast>>): DayForecast[] {
  return Array.from({ length: 100 }, (_, i) => {
    const date = formatDay(d('2023-01-01') + i);
    return { date, level: 1, pEvent7d: 0.01, ...overrides[date] };
  });
}

describe('scoring', () => {
  const episodes = [episode('A', '2023-02-10', '2023-02-12')];

  it('detects at D0 or D0+1 and warns at D0-1', () => {
    const s = score(days({ '2023-02-09': { level: 3 }, '2023-02-11': { level: 4 } }), episodes);
    expect(s.perEpisode[0]).toMatchObject({ detected: true, warned: true, levels: [1, 1, 3, 1, 4] });
    const late = score(days({ '2023-02-12': { level: 4 } }), episodes);
    expect(late.perEpisode[0]).toMatchObject({ detected: false, warned: false });
  });

  it('counts false-alarm runs: not overlapping an episode (seen one report later) nor preceding one within 14 days', () => {
    const s = score(
      days({
        '2023-01-05': { level: 3 },
        '2023-01-06': { level: 4 }, // false alarm: one run
        '2023-01-30': { level: 3 }, // episode starts 11 days later: a warning, not a false alarm
        '2023-02-13': { level: 4 }, // the day after the episode ends: its report, not a false alarm
        '2023-03-20': { level: 3 }, // false alarm
      }),
      episodes,
    );
    expect(s.falseAlarmEpisodes).toBe(2);
    expect(s.falseAlarmsPerYear).toBeCloseTo(2 / (100 / 365.25));
    expect(s.shareAtWarning).toBeCloseTo(5 / 100);
  });

  it('scores pEvent7d with the Brier score and skill against climatology', () => {
    // Outcome is 1 on the 7 days before the start (2023-02-03 … 2023-02-09).
    expect(outcome(d('2023-02-03'), episodes, 7)).toBe(1);
    expect(outcome(d('2023-02-10'), episodes, 7)).toBe(0);
    const perfect: Record<string, Partial<DayForecast>> = {};
    for (let i = 0; i < 7; i++) perfect[formatDay(d('2023-02-03') + i)] = { pEvent7d: 1 };
    const good = score(days(Object.fromEntries(Object.entries(perfect).map(([k]) => [k, { pEvent7d: 1 }]))), episodes);
    expect(good.climatology).toBeCloseTo(0.07);
    expect(good.brier).toBeCloseTo((93 * 0.01 ** 2) / 100);
    expect(good.brierSkill).toBeGreaterThan(0.99);
    const bad = score(days({}), episodes);
    expect(bad.brierSkill).toBeLessThan(0);
  });

  it('gives no Brier score to a forecaster without probabilities', () => {
    const s = score(
      days({}).map(({ date, level }) => ({ date, level })),
      episodes,
    );
    expect([s.brier, s.brierSkill]).toEqual([null, null]);
  });
});
