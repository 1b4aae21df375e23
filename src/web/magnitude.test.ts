// Magnitude in words, in both languages: value, multiple of the baseline, rank in the record known so far.
import { describe, expect, it } from 'vitest';
import { magnitudeText, ordinal, ratioText, type MagnitudeInput } from './magnitude.js';

describe('magnitudeText', () => {
  const cases: [string, MagnitudeInput, string, string][] = [
    [
      'a record: 153 against a median of 16',
      { value: 153, unit: 'aircraft', baseline: 16, rank: { rank: 1, of: 2100 } },
      '153 aircraft · ×9.6 baseline · highest of 2,100 days on record',
      '153 架次 · 基準的 9.6 倍 · 有紀錄的 2,100 日中最高',
    ],
    [
      'the same bucket, a smaller value: 70 ranks lower',
      { value: 70, unit: 'aircraft', baseline: 16, rank: { rank: 23, of: 2100 } },
      '70 aircraft · ×4.4 baseline · 23rd highest of 2,100 days on record',
      '70 架次 · 基準的 4.4 倍 · 有紀錄的 2,100 日中第 23 高',
    ],
    [
      'below baseline, the lowest on record',
      { value: 2, baseline: 9, rank: { rank: 40, of: 40 } },
      '2 · ×0.22 baseline · lowest of 40 days on record',
      '2 · 基準的 0.22 倍 · 有紀錄的 40 日中最低',
    ],
    [
      'a zero baseline has no multiple',
      { value: 3, unit: 'ships', baseline: 0, rank: { rank: 2, of: 5 } },
      '3 ships · 2nd highest of 5 days on record',
      '3 艘 · 有紀錄的 5 日中第 2 高',
    ],
    ['no baseline, no record', { value: 1234, baseline: null }, '1,234', '1,234'],
    ['a value not known says nothing (never 0)', { value: null, baseline: 16 }, '', ''],
  ];
  it.each(cases)('%s', (_name, input, en, zh) => {
    expect(magnitudeText('en', input)).toBe(en);
    expect(magnitudeText('zh-Hant', input)).toBe(zh);
  });

  it('writes ratios and ordinals plainly', () => {
    expect([9.5625, 1, 0.4321, 123.4, 2].map(ratioText)).toEqual(['9.6', '1', '0.43', '123', '2']);
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});
