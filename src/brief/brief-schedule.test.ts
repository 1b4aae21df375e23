// The brief's schedule with a fake clock: which day is due and when the next one goes out, in the theatre's zone.
import { describe, expect, it } from 'vitest';
import { formatDay } from '../time/zone.js';
import { dueBriefDay, nextBriefAt, parseLocalTime } from './brief-schedule.js';

const taipei = { timeZone: 'Asia/Taipei', minuteOfDay: parseLocalTime('06:30') };
const at = (iso: string) => Date.parse(iso);

describe('brief schedule', () => {
  it.each([
    // Taipei is UTC+8: 06:30 local on 10 April is 22:30 UTC on 9 April.
    ['2023-04-09T22:29:59.999Z', '2023-04-08', '2023-04-09T22:30:00.000Z'], // 06:29:59 local: yesterday's is still due
    ['2023-04-09T22:30:00.000Z', '2023-04-09', '2023-04-10T22:30:00.000Z'], // 06:30 local: the 9th just ended
    ['2023-04-10T15:59:00.000Z', '2023-04-09', '2023-04-10T22:30:00.000Z'], // 23:59 local on the 10th
    ['2023-04-10T16:00:00.000Z', '2023-04-09', '2023-04-10T22:30:00.000Z'], // 00:00 local on the 11th, before 06:30
  ])('at %s the brief of %s is due; the next goes out at %s', (now, day, next) => {
    expect(formatDay(dueBriefDay(taipei, at(now)))).toBe(day);
    expect(new Date(nextBriefAt(taipei, at(now))).toISOString()).toBe(next);
  });

  it('follows the wall clock across a daylight-saving change', () => {
    const london = { timeZone: 'Europe/London', minuteOfDay: parseLocalTime('07:00') };
    // Clocks go forward on 26 March 2023: 07:00 is 07:00 UTC on the 25th and 06:00 UTC on the 26th.
    expect(new Date(nextBriefAt(london, at('2023-03-25T08:00:00Z'))).toISOString()).toBe('2023-03-26T06:00:00.000Z');
    expect(formatDay(dueBriefDay(london, at('2023-03-26T06:30:00Z')))).toBe('2023-03-25');
  });

  it.each(['6:30', '24:00', '06:60', 'noon', ''])('refuses %j as a send time', (text) => {
    expect(() => parseLocalTime(text)).toThrow(/invalid --brief-at/);
  });
});
