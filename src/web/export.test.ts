// CSV of the dashboard's exports: quoting, empty cells, and text a spreadsheet would run as a formula.
import { describe, expect, it } from 'vitest';
import { toCsv } from './export.js';

describe('toCsv', () => {
  it('quotes what needs quoting and leaves numbers and empty cells as they are', () => {
    expect(
      toCsv([
        ['day', 'value', 'reason'],
        ['2023-04-10', 70, 'band, n=41'],
        ['2023-04-11', null, 'said "no"'],
      ]),
    ).toBe('day,value,reason\r\n2023-04-10,70,"band, n=41"\r\n2023-04-11,,"said ""no"""\r\n');
  });

  it('defuses text that starts like a formula, but not a negative number', () => {
    expect(toCsv([['=HYPERLINK("x")', '-1.5', -2, '@SUM(A1)', '+cmd']])).toBe(
      `"'=HYPERLINK(""x"")",-1.5,-2,'@SUM(A1),'+cmd\r\n`,
    );
  });
});
