// Formatting and the state tone, which colours the indicator matrix from the evidence a state carries.
import { describe, expect, it } from 'vitest';
import type { IndicatorView } from './api-types.js';
import { localTime, num, pct, signed, stateTone } from './format.js';
import { levelName, stateName, translate } from './i18n.js';

const ind = (state: string, logLr: Record<string, number> = {}) => ({ state, logLr }) as IndicatorView;

describe('format', () => {
  it('formats probabilities, numbers, signed contributions and local times', () => {
    expect([pct(0.0004), pct(0.021), pct(0.98), pct(0.9996)]).toEqual(['<0.1 %', '2.1 %', '98.0 %', '>99.9 %']);
    expect([num(null), num(3), num(2.5), num(Number.NaN)]).toEqual(['—', '3', '2.5', '—']);
    expect([signed(4.17), signed(-0.5), signed(0.001)]).toEqual(['+4.17', '−0.50', '·']);
    expect(localTime('2023-04-09T22:00:00.000Z', 'Asia/Taipei')).toBe('2023-04-10 06:00');
  });

  it('tones states by their evidence; insufficient data and missing are never calm', () => {
    expect(stateTone(ind('very-high', { H1: 1.9 }))).toBe('high');
    expect(stateTone(ind('elevated', { H1: 0.5 }))).toBe('raised');
    expect(stateTone(ind('fresh', {}), ['fresh'])).toBe('raised');
    expect(stateTone(ind('normal', { H1: -0.8 }))).toBe('calm');
    expect(stateTone(ind('insufficient-data'))).toBe('insufficient');
    expect(stateTone(ind('missing'))).toBe('missing');
  });

  it('speaks English and Traditional Chinese, with insufficient data spelled out', () => {
    expect(stateName('en', 'insufficient-data')).toBe('insufficient data');
    expect(stateName('zh-Hant', 'insufficient-data')).toBe('資料不足');
    expect(stateName('zh-Hant', 'some-pack-state')).toBe('some-pack-state');
    expect([levelName('en', 4), levelName('zh-Hant', 4)]).toEqual(['ALERT', '警報']);
    expect(translate('zh-Hant', 'board.pEvent', { n: 7 })).toBe('7 日內發生重大事件機率');
  });
});
