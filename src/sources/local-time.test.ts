import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isLocalDate, isoInstant, localDateOf, localInstant } from './local-time.js';

describe('local-time', () => {
  it('validates calendar dates strictly', () => {
    expect(['2024-02-29', '2000-02-29', '2023-12-31', '1900-01-01', '2200-12-31'].every(isLocalDate)).toBe(true);
    // Years outside 1900–2200 are typing errors (0000, 9999), refused with the file's line by every parser.
    expect(
      [
        '0001-01-01',
        '1899-12-31',
        '2201-01-01',
        '9999-12-31',
        '2023-02-29',
        '1900-02-29',
        '2023-02-30',
        '2023-04-31',
        '2023-13-01',
        '2023-00-10',
        '2023-01-00',
        '2023-1-01',
        ' 2023-01-01',
        '',
      ].some(isLocalDate),
    ).toBe(false);
  });

  it('converts local wall time at +08:00 to UTC instants', () => {
    expect(localInstant('2024-05-24', 9)).toBe('2024-05-24T01:00:00.000Z');
    expect(localInstant('2024-05-24', 6)).toBe('2024-05-23T22:00:00.000Z');
    expect(localInstant('2024-01-01', 0)).toBe('2023-12-31T16:00:00.000Z');
    expect(localInstant('2024-02-29', 24)).toBe('2024-02-29T16:00:00.000Z');
    expect(localInstant('2024-05-24', 23, 59)).toBe('2024-05-24T15:59:00.000Z');
    expect(localInstant('2024-05-24', 0, 0, -300)).toBe('2024-05-24T05:00:00.000Z');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-05-24', 0)).toBe('2024-05-24');
  });

  it('finds the local date of an instant', () => {
    expect(localDateOf('2024-05-23T15:59:59.999Z')).toBe('2024-05-23');
    expect(localDateOf('2024-05-23T16:00:00.000Z')).toBe('2024-05-24');
  });

  it('formats instants exactly as Date.toISOString', () => {
    expect(isoInstant(Date.UTC(2024, 4, 23, 22, 0, 0, 7))).toBe('2024-05-23T22:00:00.007Z');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }), (ms) => {
        expect(isoInstant(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date for every date, time and offset', () => {
    const date = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -720, max: 840 }),
        fc.integer({ min: -800, max: 800 }),
        (day, h, m, offset, n) => {
          const [y, mo, d] = day.split('-').map(Number);
          expect(localInstant(day, h, m, offset)).toBe(
            new Date(Date.UTC(y, mo - 1, d, h, m) - offset * 60_000).toISOString(),
          );
          expect(addDays(day, n)).toBe(new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10));
          expect(isLocalDate(day)).toBe(true);
        },
      ),
    );
  });
});
