import { describe, expect, it } from 'vitest';
import { cadenceText, localDay, localMinute, spanText } from './local-text.js';

describe('local text', () => {
  it('prints instants as local days and minutes in the theatre zone', () => {
    expect(localDay('2026-08-22T01:00:00.000Z', 'Asia/Taipei')).toBe('2026-08-22');
    // 17:00 UTC is already the next day in Taipei.
    expect(localDay('2026-08-22T17:00:00.000Z', 'Asia/Taipei')).toBe('2026-08-23');
    expect(localMinute('2026-08-22T01:05:00.000Z', 'Asia/Taipei')).toBe('2026-08-22 09:05');
  });
  it('rounds spans to days or hours', () => {
    const silent = (105 * 24 + 23) * 3_600_000;
    expect(spanText(silent, 'en')).toBe('106 days');
    expect(spanText(silent, 'zh')).toBe('106 日');
    expect(spanText(36 * 3_600_000, 'en')).toBe('36 hours');
    expect(spanText(60_000, 'en')).toBe('1 minute');
  });
  it('says cadences in words', () => {
    expect(cadenceText(86_400_000, 'en')).toBe('daily');
    expect(cadenceText(86_400_000, 'zh')).toBe('每日');
    expect(cadenceText(6 * 3_600_000, 'en')).toBe('every 6 hours');
    expect(cadenceText(2 * 86_400_000, 'zh')).toBe('每 2 日');
  });
});
