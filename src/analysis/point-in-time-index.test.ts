// Adding to the point-in-time index: revisions of one claim published on one local day collapse to the day's last,
// and every read as of a day's end is what the uncollapsed index reads.
import { describe, expect, it } from 'vitest';
import { dailyCounts } from '../../test/support/analysis-fixtures.js';
import type { Observation } from '../model/index.js';
import { getZone, parseDay } from '../time/zone.js';
import { PointInTimeIndex } from './point-in-time-index.js';

const zone = getZone('Asia/Taipei');
const day = parseDay('2024-05-01');
/** The report for 2024-04-30, revised: 09:00 → 10, 12:00 → 11, 23:59 → 12 on 1 May, then 08:00 → 13 on 2 May. */
const [report] = dailyCounts('s', '2024-04-30', [10]);
const revised = (value: number, local: string): Observation => ({
  ...report,
  id: `r${value}`,
  value,
  publishedAt: new Date(`${local}+08:00`).toISOString(),
});
const revisions = [
  revised(10, '2024-05-01T09:00:00'),
  revised(11, '2024-05-01T12:00:00'),
  revised(12, '2024-05-01T23:59:00'),
  revised(13, '2024-05-02T08:00:00'),
];
const valueAt = (index: PointInTimeIndex, asOfMs: number) =>
  index.daily(['s'], asOfMs, day - 1, day - 1, 'last', false).values[0];

describe('PointInTimeIndex.add', () => {
  const plain = new PointInTimeIndex([], zone);
  plain.add(revisions);
  const collapsed = new PointInTimeIndex([], zone);
  collapsed.add(revisions, 'publication-day');

  it.each([
    ['the end of 30 April (nothing published yet)', zone.endOfDay(day - 1) - 1, Number.NaN],
    ['the end of 1 May (the 23:59 revision)', zone.endOfDay(day) - 1, 12],
    ['the end of 2 May (the next morning’s revision)', zone.endOfDay(day + 1) - 1, 13],
  ])('reads as of %s the same with or without collapsing', (_, asOfMs, expected) => {
    expect(valueAt(plain, asOfMs)).toBe(expected);
    expect(valueAt(collapsed, asOfMs)).toBe(expected);
  });

  it('keeps one entry per claim and publication day: within the day, only the day’s last is left', () => {
    const noon = Date.parse('2024-05-01T13:00:00+08:00');
    expect(valueAt(plain, noon)).toBe(11);
    // Collapsed, the 09:00 and 12:00 revisions were replaced by the 23:59 one: not for reads inside the day.
    expect(valueAt(collapsed, noon)).toBe(Number.NaN);
  });
});
