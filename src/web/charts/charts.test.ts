// Chart geometry: projection of the strait, GeoJSON paths, runs of consecutive days, anomalies, ticks.
import { describe, expect, it } from 'vitest';
import type { SeriesPointView } from '../api-types.js';
import { geometryPath, labelPoint, projection } from './geo-projection.js';
import { ticks } from './scale.js';
import { isAnomaly, runs } from './series-chart.js';

describe('geo projection', () => {
  const bounds = { west: 116.5, south: 21.5, east: 123.5, north: 28.5 };
  it('maps the box corners onto the SVG and keeps north up', () => {
    const p = projection(bounds, 640);
    expect(p([116.5, 28.5])).toEqual([0, 0]);
    const [x, y] = p([123.5, 21.5]);
    expect(x).toBeCloseTo(640, 6);
    expect(y).toBeCloseTo(p.height, 0);
    expect(p.height).toBeGreaterThan(640);
  });

  it('draws lines, polygons and points, and labels a polygon inside the box', () => {
    const p = projection(bounds, 700);
    expect(
      geometryPath(
        {
          type: 'LineString',
          coordinates: [
            [122, 27],
            [118, 23],
          ],
        },
        p,
      ),
    ).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(
      geometryPath(
        {
          type: 'Polygon',
          coordinates: [
            [
              [120, 22],
              [122, 22],
              [121, 25],
              [120, 22],
            ],
          ],
        },
        p,
      ),
    ).toMatch(/Z$/);
    expect(geometryPath({ type: 'Point', coordinates: [121, 24] }, p)).toMatch(/h6v6h-6Z$/);
    expect(geometryPath({ type: 'Unknown' }, p)).toBe('');
    expect(
      labelPoint(
        {
          type: 'Polygon',
          coordinates: [
            [
              [120, 22],
              [122, 22],
              [121, 25],
              [120, 22],
            ],
          ],
        },
        bounds,
      ),
    ).toEqual([121, 23.5]);
  });
});

describe('series chart', () => {
  const point = (day: string, value: number | null, band: [number, number] | null = null): SeriesPointView => ({
    day,
    judgedOn: day,
    value,
    baseline: null,
    band: band && { low: band[0], high: band[1], n: 30 },
    state: 'normal',
    score: null,
    observationIds: [],
  });

  it('splits runs at gaps and marks values outside the band', () => {
    expect(runs([point('2023-01-01', 1), point('2023-01-02', 1), point('2023-01-05', 1)]).map((r) => r.length)).toEqual(
      [2, 1],
    );
    expect(runs([point('2023-01-01', 1), point('2023-01-04', 1)], 3)).toHaveLength(1);
    // The chart's value line uses the default: one missing day splits it.
    expect(runs([point('2023-01-01', 1), point('2023-01-03', 1)])).toHaveLength(2);
    expect(isAnomaly(point('2023-01-01', 70, [0, 26]))).toBe(true);
    expect(isAnomaly(point('2023-01-01', 10, [0, 26]))).toBe(false);
    expect(isAnomaly(point('2023-01-01', null, [0, 26]))).toBe(false);
  });

  it('picks round ticks', () => {
    expect(ticks(0, 75, 5)).toEqual([0, 20, 40, 60]);
    expect(ticks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
