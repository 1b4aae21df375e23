// The two simple forecasters every pack must beat, computed point-in-time on the same observations.
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import type { Observation } from '../model/index.js';
import { formatDay, type DayNumber, type Zone } from '../time/zone.js';
import type { Episode } from './episodes.js';
import { outcome, type DayForecast } from './scoring.js';

export interface SimpleBaseline {
  id: string;
  description: string;
  /** The level the rule gives at the end of a day, from what was published by then. */
  level(index: PointInTimeIndex, zone: Zone, day: DayNumber): number;
}

const AIRCRAFT = ['mnd.aircraft.total', 'mnd.aircraft.adiz'];

export const SIMPLE_BASELINES: SimpleBaseline[] = [
  {
    id: 'aircraft>=45',
    description: 'MND report ≥ 45 aircraft → level 4',
    level(index, zone, day) {
      // The report published on day D covers activity day D-1.
      const asOf = zone.endOfDay(day) - 1;
      const series = index.daily(AIRCRAFT, asOf, day - 1, day - 1, 'max', false);
      return series.values[0] >= 45 ? 4 : 1;
    },
  },
  {
    id: 'trigger-7d',
    description: 'any political trigger in the last 7 days → level 3',
    level(index, zone, day) {
      const asOf = zone.endOfDay(day) - 1;
      const series = index.daily(TRIGGER_SERIES, asOf, day - 6, day, 'sum', true);
      return series.values.some((v) => v > 0) ? 3 : 1;
    },
  },
];

const TRIGGER_SERIES = [
  'us-arms-sale',
  'transit',
  'us-visit',
  'inauguration',
  'election',
  'speech',
  'us-legislation',
  'japan',
  'other',
].map((c) => `political.trigger.${c}`);

/**
 * Runs a simple baseline over a range. Its probability for "an episode starts within the horizon" is the in-sample
 * frequency of that outcome given the rule's level — a perfectly calibrated version of the rule, which flatters it.
 */
export function runSimpleBaseline(
  baseline: SimpleBaseline,
  observations: readonly Observation[],
  zone: Zone,
  from: DayNumber,
  to: DayNumber,
  episodes: readonly Episode[],
  horizonDays: number,
): DayForecast[] {
  const index = new PointInTimeIndex(observations, zone);
  const levels: number[] = [];
  for (let d = from; d <= to; d++) levels.push(baseline.level(index, zone, d));
  const rate = new Map<number, { n: number; y: number }>();
  levels.forEach((level, i) => {
    const r = rate.get(level) ?? { n: 0, y: 0 };
    r.n++;
    r.y += outcome(from + i, episodes, horizonDays);
    rate.set(level, r);
  });
  return levels.map((level, i) => {
    const r = rate.get(level)!;
    return { date: formatDay(from + i), level, pEvent7d: r.y / r.n };
  });
}
