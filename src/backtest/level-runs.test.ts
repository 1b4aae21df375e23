import { describe, expect, it } from 'vitest';
import { levelRuns } from './level-runs.js';

const of = (levels: number[]) => levels.map((level) => ({ level }));

describe('levelRuns', () => {
  it('counts runs, one-day runs and changes by hand', () => {
    // runs: [1,1] [2] [1] [3,3,3] [2] → 5 runs, 3 of one day, 4 changes over 8 days
    const r = levelRuns(of([1, 1, 2, 1, 3, 3, 3, 2]));
    expect(r).toMatchObject({ days: 8, runs: 5, oneDayRuns: 3, changes: 4 });
    expect(r.oneDayShare).toBeCloseTo(0.6, 12);
    expect(r.changesPerYear).toBeCloseTo(4 / (8 / 365.25), 9);
  });

  it('a constant record is one run and no change; an empty one is nothing', () => {
    expect(levelRuns(of([2, 2, 2]))).toMatchObject({ runs: 1, oneDayRuns: 0, changes: 0, changesPerYear: 0 });
    expect(levelRuns([])).toMatchObject({ runs: 0, oneDayShare: 0, changes: 0, changesPerYear: 0 });
  });
});
