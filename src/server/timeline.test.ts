// Timeline items from daily assessments: level changes, and warning episodes (runs at WARNING or above).
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../model/index.js';
import { levelItems, sortTimeline } from './timeline.js';

const day = (date: string, level: number) => ({ day: date, level, levelName: ['', 'NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL'][level] }) as unknown as Assessment;

describe('timeline', () => {
  it('reports level changes after the first day and closes episodes when the level drops below WARNING', () => {
    const items = levelItems([day('2023-04-05', 2), day('2023-04-06', 3), day('2023-04-07', 4), day('2023-04-08', 2), day('2023-04-09', 3)]);
    expect(sortTimeline(items)).toEqual([
      { kind: 'episode', day: '2023-04-06', end: '2023-04-07', peak: 4, days: 2, ongoing: false },
      { kind: 'level-change', day: '2023-04-06', from: 2, to: 3, toName: 'WARNING' },
      { kind: 'level-change', day: '2023-04-07', from: 3, to: 4, toName: 'ALERT' },
      { kind: 'level-change', day: '2023-04-08', from: 4, to: 2, toName: 'WATCH' },
      { kind: 'episode', day: '2023-04-09', end: '2023-04-09', peak: 3, days: 1, ongoing: true },
      { kind: 'level-change', day: '2023-04-09', from: 2, to: 3, toName: 'WARNING' },
    ]);
  });

  it('says nothing about a quiet window', () => {
    expect(levelItems([day('2023-06-01', 1), day('2023-06-02', 1)])).toEqual([]);
  });
});
