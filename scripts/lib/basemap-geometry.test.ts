import { describe, expect, it } from 'vitest';
import { clipRing, distanceToSegment, encodeRing, ringArea, simplifyRing, type LonLat } from './basemap-geometry.js';

const FRAME = { west: 0, south: 0, east: 10, north: 10 };

describe('clipRing', () => {
  it.each([
    [
      'inside: unchanged, opened',
      [
        [1, 1],
        [2, 1],
        [2, 2],
        [1, 1],
      ],
      [
        [1, 1],
        [2, 1],
        [2, 2],
      ],
    ],
    [
      'outside: nothing',
      [
        [20, 20],
        [21, 20],
        [21, 21],
      ],
      [],
    ],
    [
      'across the east edge: cut at 10',
      [
        [8, 1],
        [12, 1],
        [12, 3],
        [8, 3],
      ],
      [
        [8, 1],
        [10, 1],
        [10, 3],
        [8, 3],
      ],
    ],
    [
      'around a corner: the corner joins the cut',
      [
        [8, 8],
        [12, 8],
        [12, 12],
        [8, 12],
      ],
      // The same square, starting where the last edge's clipping left it.
      [
        [8, 10],
        [8, 8],
        [10, 8],
        [10, 10],
      ],
    ],
  ] as [string, LonLat[], LonLat[]][])('%s', (_name, ring, expected) => {
    expect(clipRing(ring, FRAME)).toEqual(expected);
  });
});

describe('simplifyRing', () => {
  it('drops points nearer than the tolerance to their chord and keeps the corners of a square', () => {
    const square: LonLat[] = [
      [0, 0],
      [0.5, 0.001],
      [1, 0],
      [1, 1],
      [0.5, 1.002],
      [0, 1],
    ];
    expect(simplifyRing(square, 0.01, 1)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]);
    expect(simplifyRing(square, 0.0005, 1)).toHaveLength(6);
  });

  it('measures across longitude scaled by cos(latitude)', () => {
    // 0.01° of longitude at lonScale 0.5 is 0.005 "latitude degrees" away.
    expect(distanceToSegment([0.01, 0.5], [0, 0], [0, 1], 0.5)).toBeCloseTo(0.005, 10);
    expect(distanceToSegment([0, 2], [0, 0], [0, 1], 1)).toBe(1);
    expect(
      ringArea(
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [0, 1],
        ],
        0.5,
      ),
    ).toBe(1);
  });
});

describe('encodeRing', () => {
  it('writes thousandths of a degree, the first point absolute, then differences; repeats dropped', () => {
    expect(
      encodeRing([
        [121.5, 25.25],
        [121.5004, 25.2501],
        [121.001, 24.999],
      ]),
    ).toBe('121500,25250,-499,-251');
  });
});
