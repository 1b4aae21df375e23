import { describe, expect, it } from 'vitest';
import { formatProbability } from './probability-format.js';

describe('formatProbability', () => {
  it.each([
    [0, '<0.1 %'],
    [0.0004, '<0.1 %'],
    [0.001, '0.1 %'],
    [0.0123, '1.2 %'],
    [0.0994, '9.9 %'],
    [0.1, '10 %'],
    [0.456, '46 %'],
    [0.9, '90 %'],
    [0.934, '93 %'],
    [0.994, '99 %'],
    [0.995, '99.5 %'],
    [0.9989, '99.9 %'],
    [0.999, '>99.9 %'],
    [1, '>99.9 %'],
    [Number.NaN, '—'],
  ])('%s → %s', (p, text) => expect(formatProbability(p)).toBe(text));
  it('precise keeps one decimal in the middle, and still never says 0 % or 100 %', () => {
    expect([0.452, 0.0004, 0.9995].map((p) => formatProbability(p, true))).toEqual(['45.2 %', '<0.1 %', '>99.9 %']);
  });
});
