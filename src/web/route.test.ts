// Hash routes round-trip; bad views and dates fall back safely.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatRoute, parseRoute } from './route.js';

describe('route', () => {
  it('parses and formats views, indicator ids and the playback day', () => {
    expect(parseRoute('#/indicator/air.total?at=2023-04-10')).toEqual({
      view: 'indicator',
      id: 'air.total',
      at: '2023-04-10',
    });
    expect(formatRoute({ view: 'indicator', id: 'air.total', at: '2023-04-10' })).toBe(
      '#/indicator/air.total?at=2023-04-10',
    );
    expect(parseRoute(formatRoute({ view: 'map' }))).toEqual({ view: 'map' });
    expect(parseRoute('#/rollup?at=2023-04-10')).toEqual({ view: 'rollup', at: '2023-04-10' });
    expect(parseRoute('')).toEqual({ view: 'board' });
    expect(parseRoute('#/nowhere?at=yesterday')).toEqual({ view: 'board' });
  });

  it('does calendar arithmetic across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2020-09-01', '2026-08-22')).toBe(2181);
  });
});
