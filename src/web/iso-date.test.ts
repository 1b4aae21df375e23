// The playback day as typed: ISO only, a real calendar day, inside the data span.
import { describe, expect, it } from 'vitest';
import { parseIsoDay } from './iso-date.js';

describe('parseIsoDay', () => {
  const cases: [string, ReturnType<typeof parseIsoDay>][] = [
    ['2023-04-10', { ok: true, day: '2023-04-10' }],
    [' 2023-04-10 ', { ok: true, day: '2023-04-10' }],
    ['2020-09-16', { ok: true, day: '2020-09-16' }],
    ['2026-08-22', { ok: true, day: '2026-08-22' }],
    ['08/22/2026', { ok: false, problem: 'format' }],
    ['22.08.2026', { ok: false, problem: 'format' }],
    ['2023-4-10', { ok: false, problem: 'format' }],
    ['20230410', { ok: false, problem: 'format' }],
    ['', { ok: false, problem: 'format' }],
    ['2023-02-29', { ok: false, problem: 'calendar' }],
    ['2024-02-29', { ok: true, day: '2024-02-29' }],
    ['2023-13-01', { ok: false, problem: 'calendar' }],
    ['2023-04-31', { ok: false, problem: 'calendar' }],
    ['2020-09-15', { ok: false, problem: 'before' }],
    ['2026-08-23', { ok: false, problem: 'after' }],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parseIsoDay(text, '2020-09-16', '2026-08-22')).toEqual(expected);
  });
});
