import { describe, expect, it } from 'vitest';
import { formatNumber } from './number-format.js';

describe('formatNumber', () => {
  it('prints integers as they are and rounds the rest', () => {
    expect(formatNumber(153)).toBe('153');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.6940990970021974)).toBe('0.69');
    expect(formatNumber(8.46)).toBe('8.5');
    expect(formatNumber(12.04)).toBe('12');
    expect(formatNumber(3.0001)).toBe('3');
    expect(formatNumber(-0.004)).toBe('0');
    expect(formatNumber(0.05)).toBe('0.05');
    expect(formatNumber(-2.25)).toBe('-2.3');
  });
  it('shows what is not known as a dash', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
