// Timeline items from daily assessments: level changes, and warning episodes (runs at WARNING or above).
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../model/index.js';
import { knowledgeItems, levelItems, replayedAlertItems, sortTimeline } from './timeline.js';

const day = (date: string, level: number) =>
  ({
    day: date,
    level,
    levelName: ['', 'NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL'][level],
  }) as unknown as Assessment;

describe('timeline', () => {
  it('reports level changes after the first day and closes episodes when the level drops below WARNING', () => {
    const items = levelItems([
      day('2023-04-05', 2),
      day('2023-04-06', 3),
      day('2023-04-07', 4),
      day('2023-04-08', 2),
      day('2023-04-09', 3),
    ]);
    expect(sortTimeline(items)).toEqual([
      { kind: 'episode', day: '2023-04-06', end: '2023-04-07', peak: 4, days: 2, ongoing: false },
      { kind: 'level-change', day: '2023-04-06', from: 2, to: 3, toName: 'WARNING' },
      { kind: 'level-change', day: '2023-04-07', from: 3, to: 4, toName: 'ALERT' },
      { kind: 'level-change', day: '2023-04-08', from: 4, to: 2, toName: 'WATCH' },
      { kind: 'episode', day: '2023-04-09', end: '2023-04-09', peak: 3, days: 1, ongoing: true },
      { kind: 'level-change', day: '2023-04-09', from: 2, to: 3, toName: 'WARNING' },
    ]);
  });

  it('reports runs of days that were not ok (unknown when no day of the run knew anything), the last one ongoing', () => {
    const k = (date: string, state: string) => ({ day: date, knowledge: { state } }) as unknown as Assessment;
    const items = knowledgeItems([
      k('2021-01-01', 'degraded'),
      k('2021-01-02', 'degraded'),
      k('2021-01-03', 'unknown'),
      k('2021-01-04', 'ok'),
      k('2021-01-05', 'unknown'),
      k('2021-01-06', 'unknown'),
      k('2021-01-07', 'ok'),
      k('2021-01-08', 'degraded'),
    ]);
    expect(items).toEqual([
      {
        kind: 'knowledge',
        day: '2021-01-02',
        end: '2021-01-03',
        state: 'degraded',
        days: 2,
        unknownDays: 1,
        ongoing: false,
      },
      {
        kind: 'knowledge',
        day: '2021-01-05',
        end: '2021-01-06',
        state: 'unknown',
        days: 2,
        unknownDays: 2,
        ongoing: false,
      },
      {
        kind: 'knowledge',
        day: '2021-01-08',
        end: '2021-01-08',
        state: 'degraded',
        days: 1,
        unknownDays: 0,
        ongoing: true,
      },
    ]);
  });

  it('says nothing about a quiet window', () => {
    expect(levelItems([day('2023-06-01', 1), day('2023-06-02', 1)])).toEqual([]);
  });

  it('takes replayed alerts inside the window and before the first stored one, marked as replayed', () => {
    const fired = (day: string, rule: string) => ({
      day,
      id: `${rule}-${day}`,
      rule,
      labels: { severity: 'high' },
      annotations: { summary: `${rule} on ${day}` },
    });
    const list = [fired('2023-03-01', 'A'), fired('2023-04-06', 'LevelAlert'), fired('2023-05-02', 'B')];
    expect(replayedAlertItems(list, '2023-03-20', '2023-06-01', '2023-05-01')).toEqual([
      {
        kind: 'alert',
        day: '2023-04-06',
        id: 'LevelAlert-2023-04-06',
        rule: 'LevelAlert',
        status: 'firing',
        summary: 'LevelAlert on 2023-04-06',
        summaryZh: 'LevelAlert on 2023-04-06',
        severity: 'high',
        replayed: true,
      },
    ]);
    expect(replayedAlertItems(list, '2023-01-01', '2023-12-31').map((i) => i.day)).toEqual([
      '2023-03-01',
      '2023-04-06',
      '2023-05-02',
    ]);
  });
});
