import { describe, expect, it } from 'vitest';
import {
  haversineKm,
  MEDIAN_LINE,
  pointToEdgeKm,
  shapeDistanceKm,
  TAIWAN,
  type LonLat,
  type Shape,
} from './geo-distance.js';

const point = (lon: number, lat: number): Shape => ({ vertices: [[lon, lat]], closed: false });
const square = (lon: number, lat: number, size: number): Shape => ({
  closed: true,
  vertices: [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
  ],
});

describe('geo distance', () => {
  it('measures great-circle distances (1° of latitude ≈ 111.2 km; Taipei–Kaohsiung ≈ 297 km)', () => {
    expect(haversineKm([121, 23], [121, 24])).toBeCloseTo(111.2, 0);
    const taipei: LonLat = [121.5654, 25.033];
    const kaohsiung: LonLat = [120.3014, 22.6273];
    expect(haversineKm(taipei, kaohsiung)).toBeGreaterThan(292);
    expect(haversineKm(taipei, kaohsiung)).toBeLessThan(302);
  });

  it('measures a vertex to an edge perpendicularly, and to the nearer end beyond it', () => {
    // Edge along the 24N parallel; a point 1° north of its middle is ~111 km away.
    expect(pointToEdgeKm([120.5, 25], [120, 24], [121, 24])).toBeCloseTo(111.2, 0);
    expect(pointToEdgeKm([119, 24], [120, 24], [121, 24])).toBeCloseTo(haversineKm([119, 24], [120, 24]), 0);
  });

  it('gives 0 for an area containing Taiwan, a point on the island, and a shape crossing the coast', () => {
    expect(shapeDistanceKm(square(118, 20, 6), TAIWAN)).toBe(0);
    expect(shapeDistanceKm(point(121, 23.8), TAIWAN)).toBe(0);
    expect(
      shapeDistanceKm(
        {
          closed: false,
          vertices: [
            [119, 23.5],
            [122.5, 23.5],
          ],
        },
        TAIWAN,
      ),
    ).toBe(0);
  });

  it('measures an area off the coast from its nearest vertex or edge, symmetrically', () => {
    const offKaohsiung = square(119.0, 22.5, 0.2); // ~100 km west of the south-west coast
    const d = shapeDistanceKm(offKaohsiung, TAIWAN);
    expect(d).toBeGreaterThan(80);
    expect(d).toBeLessThan(120);
    expect(shapeDistanceKm(TAIWAN, offKaohsiung)).toBeCloseTo(d, 6);
    // The Bohai Sea is far beyond any threshold.
    expect(shapeDistanceKm(square(120, 39.5, 0.5), TAIWAN)).toBeGreaterThan(1500);
  });

  it('measures distance to the median line, 0 on it', () => {
    expect(shapeDistanceKm(point(120, 25), MEDIAN_LINE)).toBe(0);
    // (119, 25) is west of the line; the perpendicular distance to a 45° line is ~√2/2 × 1° of longitude there.
    const d = shapeDistanceKm(point(119, 25), MEDIAN_LINE);
    expect(d).toBeGreaterThan(65);
    expect(d).toBeLessThan(80);
  });

  it('refuses an empty shape', () => {
    expect(() => shapeDistanceKm({ vertices: [], closed: true }, TAIWAN)).toThrow(RangeError);
  });
});
