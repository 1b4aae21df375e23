import { describe, expect, it } from 'vitest';
import { formatDay, getZone, parseDay, weekdayOf } from './zone.js';

describe('zone', () => {
  it('maps instants to Taipei local days and back', () => {
    const taipei = getZone('Asia/Taipei');
    const day = parseDay('2023-04-10');
    expect(taipei.dayOf(Date.parse('2023-04-09T16:00:00Z'))).toBe(day);
    expect(taipei.dayOf(Date.parse('2023-04-09T15:59:59.999Z'))).toBe(day - 1);
    expect(new Date(taipei.startOfDay(day)).toISOString()).toBe('2023-04-09T16:00:00.000Z');
    expect(new Date(taipei.endOfDay(day)).toISOString()).toBe('2023-04-10T16:00:00.000Z');
  });

  it('handles a zone with daylight saving', () => {
    const ny = getZone('America/New_York');
    const summer = parseDay('2024-07-01');
    expect(new Date(ny.startOfDay(summer)).toISOString()).toBe('2024-07-01T04:00:00.000Z');
    const winter = parseDay('2024-01-15');
    expect(new Date(ny.startOfDay(winter)).toISOString()).toBe('2024-01-15T05:00:00.000Z');
    const springForward = parseDay('2024-03-10');
    expect(ny.endOfDay(springForward) - ny.startOfDay(springForward)).toBe(23 * 3_600_000);
  });

  it('parses dates strictly', () => {
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(() => parseDay('2023-02-29')).toThrow('invalid date "2023-02-29"');
    expect(() => parseDay('2023-4-1')).toThrow(/expected a calendar date/);
    expect(weekdayOf(parseDay('2023-04-10'))).toBe(1);
  });

  it('rejects an unknown zone', () => {
    expect(() => getZone('Mars/Olympus')).toThrow('unknown time zone "Mars/Olympus"');
  });
});
