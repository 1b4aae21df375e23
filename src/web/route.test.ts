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

  it('keeps a view window (from, to, days) in the link, and drops bad ones', () => {
    const route = { view: 'scorecard' as const, at: '2023-12-31', from: '2021-01-01', to: '2023-12-31' };
    expect(formatRoute(route)).toBe('#/scorecard?at=2023-12-31&from=2021-01-01&to=2023-12-31');
    expect(parseRoute(formatRoute(route))).toEqual(route);
    expect(parseRoute('#/indicator/air.total?days=365')).toEqual({ view: 'indicator', id: 'air.total', days: 365 });
    expect(parseRoute('#/scorecard?from=2021-1-1&days=0&to=x')).toEqual({ view: 'scorecard' });
  });

  it('does calendar arithmetic across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(daysBetween('2020-09-01', '2026-08-22')).toBe(2181);
  });
});
