// The record a value is ranked in, and its rank: table tests with counts worked by hand.
import { describe, expect, it } from 'vitest';
import { getZone } from '../time/zone.js';
import { dailyRecord, recordRank } from './record-rank.js';

const zone = getZone('Asia/Taipei');
/** An MND-style report: period from 06:00 the day before (local), published at `published` (UTC instant). */
const obs = (day: string, value: number | null, published = `${day}T01:00:00.000Z`) => ({
  value,
  periodStart: `${day}T00:00:00+08:00`,
  publishedAt: published,
});

describe('recordRank', () => {
  const record = [12, 153, 70, 70, 9, 33];
  const cases: [string, number | null, readonly number[], ReturnType<typeof recordRank>][] = [
    ['the record high is highest', 153, record, { rank: 1, of: 6 }],
    ['70 shares second place with the other 70', 70, record, { rank: 2, of: 6 }],
    ['33 has three values above it', 33, record, { rank: 4, of: 6 }],
    ['the lowest is last', 9, record, { rank: 6, of: 6 }],
    ['a value above everything on record ranks first', 200, record, { rank: 1, of: 6 }],
    ['one day on record', 5, [5], { rank: 1, of: 1 }],
    ['an empty record says nothing', 5, [], undefined],
    ['a value not known has no rank (never ranked as zero)', null, record, undefined],
    ['NaN has no rank', Number.NaN, record, undefined],
  ];
  it.each(cases)('%s', (_name, value, rec, expected) => {
    expect(recordRank(value, rec)).toEqual(expected);
  });
});

describe('dailyRecord', () => {
  it('keeps one value per local day; nulls are no part of the record', () => {
    expect(dailyRecord([obs('2023-04-08', 45), obs('2023-04-09', null), obs('2023-04-10', 91)], zone, 'last')).toEqual([
      45, 91,
    ]);
  });

  const sameDay = [
    obs('2023-04-10', 30, '2023-04-10T01:00:00.000Z'),
    obs('2023-04-10', 12, '2023-04-10T09:00:00.000Z'),
  ];
  const cases: ['last' | 'sum' | 'max', number[]][] = [
    ['last', [12]],
    ['sum', [42]],
    ['max', [30]],
  ];
  it.each(cases)('combines two reports of one day with %s', (aggregate, expected) => {
    expect(dailyRecord(sameDay, zone, aggregate)).toEqual(expected);
  });

  it('groups by the local day of the period start (Asia/Taipei), not the UTC date', () => {
    // 2023-04-10 00:30 local is 2023-04-09 16:30 UTC: one local day with two reports.
    const early = { value: 7, periodStart: '2023-04-09T16:30:00.000Z', publishedAt: '2023-04-10T02:00:00.000Z' };
    expect(dailyRecord([obs('2023-04-10', 3), early], zone, 'sum')).toEqual([10]);
  });
});
