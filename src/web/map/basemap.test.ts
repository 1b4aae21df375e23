import { describe, expect, it } from 'vitest';
import { encodeRing } from '../../../scripts/lib/basemap-geometry.js';
import { BASEMAP_FRAME, decodeRing, islandPoints, landAreas } from './basemap.js';

/** Boxes (west, south, east, north) around each island group the map must show. */
const GROUPS: [string, string, [number, number, number, number]][] = [
  ['Penghu', 'Taiwan', [119.3, 23.1, 119.8, 23.8]],
  ['Kinmen', 'Taiwan', [118.1, 24.35, 118.55, 24.55]],
  ['Matsu', 'Taiwan', [119.85, 25.9, 120.55, 26.4]],
  ['Pratas', 'Taiwan', [116.6, 20.6, 116.9, 20.8]],
  ['Yonaguni', 'Japan', [122.9, 24.4, 123.05, 24.5]],
  ['Miyako', 'Japan', [125.1, 24.6, 125.5, 25.0]],
  ['Ishigaki', 'Japan', [124.05, 24.3, 124.35, 24.65]],
  ['Okinawa', 'Japan', [127.6, 26.0, 128.4, 26.9]],
  ['Amami', 'Japan', [129.1, 28.1, 129.7, 28.55]],
];

const inside = ([lon, lat]: [number, number], [w, s, e, n]: [number, number, number, number]) =>
  lon >= w && lon <= e && lat >= s && lat <= n;

describe('the bundled basemap', () => {
  it.each(GROUPS)('has %s (%s) in its box', (name, country, box) => {
    const rings = landAreas()
      .filter((a) => a.name === country)
      .flatMap((a) => a.rings)
      .filter((r) => r.some((p) => inside(p, box)));
    const points = islandPoints().filter((p) => p.country === country && inside(p.at, box));
    expect(rings.length + points.length, name).toBeGreaterThan(0);
  });

  it('draws Taiwan in detail, and the coast from Guangdong to Zhejiang, within the frame', () => {
    const taiwan = landAreas().find((a) => a.name === 'Taiwan')!;
    const main = taiwan.rings.reduce((a, b) => (b.length > a.length ? b : a));
    // Natural Earth 110m had 9 vertices for the island; at 10m simplified to 0.002° it keeps hundreds.
    expect(main.length).toBeGreaterThan(200);
    const china = landAreas()
      .find((a) => a.name === 'China')!
      .rings.flat();
    expect(china.some((p) => inside(p, [115.5, 22.5, 117, 23.5]))).toBe(true); // eastern Guangdong
    expect(china.some((p) => inside(p, [121, 28, 122.5, 30.5]))).toBe(true); // Zhejiang
    const all = landAreas().flatMap((a) => a.rings.flat());
    const { west, south, east, north } = BASEMAP_FRAME;
    expect(all.every(([lon, lat]) => lon >= west && lon <= east && lat >= south && lat <= north)).toBe(true);
  });

  it('decodes what the derivation script encodes', () => {
    const ring: [number, number][] = [
      [121.5, 25.25],
      [121.001, 24.999],
      [120.0, 22.0],
    ];
    expect(decodeRing(encodeRing(ring))).toEqual(ring);
    expect(decodeRing('121500,25250,-499,-251')).toEqual([
      [121.5, 25.25],
      [121.001, 24.999],
    ]);
    expect(() => decodeRing('1,2,3')).toThrow(/pairs of integers/);
  });
});
