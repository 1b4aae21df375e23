// Flapping on the timeline: which runs of level changes collapse into one row, and which stay as they are.
import { describe, expect, it } from 'vitest';
import type { TimelineItemView } from './api-types.js';
import { collapseFlapping, type TimelineRow } from './timeline-collapse.js';

const NAMES = ['', 'NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL'];
const change = (day: string, from: number, to: number): TimelineItemView => ({
  kind: 'level-change',
  day,
  from,
  to,
  toName: NAMES[to],
});
const event = (day: string): TimelineItemView => ({
  kind: 'event',
  day,
  title: 'visit',
  series: 'political.trigger.visit',
  indicators: [],
  source: 'triggers',
  sourceRef: null,
});
/** A row as a short string: `flap 1↔2 ×N first–last`, `L a→b day`, `E day`. */
const short = (r: TimelineRow) =>
  r.kind === 'flap'
    ? `flap ${r.levels[0]}↔${r.levels[1]} ×${r.changes} ${r.day}–${r.end}`
    : r.kind === 'level-change'
      ? `L ${r.from}→${r.to} ${r.day}`
      : `${r.kind} ${r.day}`;

describe('collapseFlapping', () => {
  const cases: [string, TimelineItemView[], string[]][] = [
    [
      'seven NORMAL↔WATCH flips within days of each other: one row',
      [
        change('2023-03-01', 1, 2),
        change('2023-03-03', 2, 1),
        change('2023-03-06', 1, 2),
        change('2023-03-09', 2, 1),
        change('2023-03-12', 1, 2),
        change('2023-03-15', 2, 1),
        change('2023-03-20', 1, 2),
      ],
      ['flap 1↔2 ×7 2023-03-01–2023-03-20'],
    ],
    [
      'two changes (one excursion) stay as they are',
      [change('2023-03-01', 1, 2), change('2023-03-03', 2, 1)],
      ['L 1→2 2023-03-01', 'L 2→1 2023-03-03'],
    ],
    [
      'a gap longer than 14 days ends the run',
      [
        change('2023-03-01', 1, 2),
        change('2023-03-05', 2, 1),
        change('2023-03-19', 1, 2),
        change('2023-04-03', 2, 1),
        change('2023-04-04', 1, 2),
      ],
      ['flap 1↔2 ×3 2023-03-01–2023-03-19', 'L 2→1 2023-04-03', 'L 1→2 2023-04-04'],
    ],
    [
      'a move to a third level ends the run and is kept',
      [
        change('2023-04-01', 1, 2),
        change('2023-04-02', 2, 1),
        change('2023-04-03', 1, 2),
        change('2023-04-05', 2, 3),
        change('2023-04-07', 3, 4),
      ],
      ['flap 1↔2 ×3 2023-04-01–2023-04-03', 'L 2→3 2023-04-05', 'L 3→4 2023-04-07'],
    ],
    [
      'events inside a run neither break it nor disappear; the row stands where the run starts',
      [
        change('2023-03-01', 2, 1),
        event('2023-03-02'),
        change('2023-03-04', 1, 2),
        change('2023-03-06', 2, 1),
        event('2023-03-07'),
      ],
      ['flap 1↔2 ×3 2023-03-01–2023-03-06', 'event 2023-03-02', 'event 2023-03-07'],
    ],
    [
      'WARNING↔WATCH flapping collapses the same way, lower level first',
      [change('2023-05-01', 3, 2), change('2023-05-02', 2, 3), change('2023-05-03', 3, 2)],
      ['flap 2↔3 ×3 2023-05-01–2023-05-03'],
    ],
    ['nothing in, nothing out', [], []],
  ];
  it.each(cases)('%s', (_name, items, expected) => {
    expect(collapseFlapping(items).map(short)).toEqual(expected);
  });

  it('keeps the changes a row stands for, so the view can expand it', () => {
    const items = [change('2023-03-01', 1, 2), change('2023-03-02', 2, 1), change('2023-03-03', 1, 2)];
    const [row] = collapseFlapping(items);
    expect(row.kind === 'flap' && row.items).toEqual(items);
  });

  it('takes the gap and the smallest run as options', () => {
    const items = [change('2023-03-01', 1, 2), change('2023-03-04', 2, 1)];
    expect(collapseFlapping(items, { minChanges: 2 }).map(short)).toEqual(['flap 1↔2 ×2 2023-03-01–2023-03-04']);
    expect(collapseFlapping(items, { minChanges: 2, gapDays: 2 }).map(short)).toEqual([
      'L 1→2 2023-03-01',
      'L 2→1 2023-03-04',
    ]);
  });
});
