import { describe, expect, it } from 'vitest';
import { kmPerUnit, projection } from '../charts/geo-projection.js';
import {
  clampView,
  formatDegrees,
  graticuleStep,
  graticuleValues,
  minZoom,
  panBy,
  scaleBar,
  viewBoxAttribute,
  zoomAt,
  zoomCentre,
  zoomOf,
  type ViewLimits,
} from './viewbox.js';

// A 1000 × 800 frame; home is 400 × 200 at (100, 100), so the whole frame is zoom 0.4 wide and 0.25 tall.
const LIMITS: ViewLimits = { width: 1000, height: 800, home: { x: 100, y: 100, width: 400, height: 200 }, maxZoom: 8 };
const HOME = LIMITS.home;

describe('viewBox arithmetic', () => {
  it.each([
    // view, factor, at → expected view
    ['zoom in ×2 about the centre', HOME, 2, [300, 200], { x: 200, y: 150, width: 200, height: 100 }],
    ['zoom in ×2 about the top-left corner keeps it', HOME, 2, [100, 100], { x: 100, y: 100, width: 200, height: 100 }],
    ['zoom in ×4 about (500, 300)', HOME, 4, [500, 300], { x: 400, y: 250, width: 100, height: 50 }],
    ['zoom out ×0.5 about the centre', HOME, 0.5, [300, 200], { x: 0, y: 0, width: 800, height: 400 }],
    ['zoom in beyond 8× stops at 8×', HOME, 100, [300, 200], { x: 275, y: 187.5, width: 50, height: 25 }],
    ['zoom out beyond the frame stops at its width', HOME, 0.01, [300, 200], { x: 0, y: 0, width: 1000, height: 500 }],
  ] as const)('%s', (_name, view, factor, at, expected) => {
    expect(zoomAt(view, factor, at as [number, number], LIMITS)).toEqual(expected);
  });

  it('zooms about the centre for buttons and keys, and reports zoom relative to home', () => {
    const v = zoomCentre(HOME, 1.5, LIMITS);
    expect(zoomOf(v, LIMITS)).toBeCloseTo(1.5, 10);
    expect(v.x + v.width / 2).toBeCloseTo(300, 10);
    expect(v.y + v.height / 2).toBeCloseTo(200, 10);
    expect(minZoom(LIMITS)).toBe(0.4);
  });

  it.each([
    ['east and south', 50, 20, { x: 150, y: 120 }],
    ['past the west edge stops at 0', -500, 0, { x: 0, y: 100 }],
    ['past the south edge stops at height − view height', 0, 5000, { x: 100, y: 600 }],
  ] as const)('pans %s', (_name, dx, dy, expected) => {
    expect(panBy(HOME, dx, dy, LIMITS)).toEqual({ ...expected, width: 400, height: 200 });
  });

  it('clamps a view that has lost home’s aspect back to it (zoom from its width), about its centre', () => {
    // Width 200 → zoom 2 → 200 × 100 about the centre (200, 300).
    expect(clampView({ x: 100, y: 100, width: 200, height: 400 }, LIMITS)).toEqual({
      x: 100,
      y: 250,
      width: 200,
      height: 100,
    });
    expect(viewBoxAttribute({ x: 1 / 3, y: 2, width: 400.005, height: 200 })).toBe('0.33 2 400.01 200');
  });
});

describe('scale bar and graticule', () => {
  it.each([
    // km per unit, max units → km, units
    [1, 120, 100, 100],
    [2.5, 120, 200, 80],
    [0.3, 120, 20, 66.667],
    [10, 120, 1000, 100],
    [0.049, 120, 5, 102.041],
  ])('%f km a unit in %i units: a %i km bar', (perUnit, max, km, units) => {
    const bar = scaleBar(perUnit, max);
    expect(bar.km).toBe(km);
    expect(bar.units).toBeCloseTo(units, 2);
  });

  it('measures kilometres on the projection: 1° of latitude ≈ 111.2 km; a degree of longitude shrinks with cos(lat)', () => {
    // Frame 115–132°E, 18–32°N, 1000 units wide: k = cos 25°, scale = 1000 / (17 k) units a degree.
    const p = projection({ west: 115, south: 18, east: 132, north: 32 }, 1000);
    expect(p.scale).toBeCloseTo(1000 / (17 * Math.cos((25 * Math.PI) / 180)), 6);
    // At 25°N a degree of longitude is 111.19 × cos 25° = 100.77 km and k × scale units wide.
    expect(kmPerUnit(p, 25) * p.k * p.scale).toBeCloseTo(100.77, 1);
    expect(kmPerUnit(p, 0) * p.k * p.scale).toBeCloseTo(111.19, 1);
    expect(p.invert(p([121.5, 25]))).toEqual([121.5, 25]);
  });

  it.each([
    [12.5, 2],
    [8, 1],
    [4, 0.5],
    [1.5, 0.25],
    [40, 5],
  ])('a %f° wide view has graticule lines every %f°', (span, step) => {
    expect(graticuleStep(span)).toBe(step);
  });

  it('lists the lines strictly inside a range and names them in degrees and minutes', () => {
    expect(graticuleValues(115, 132, 2)).toEqual([116, 118, 120, 122, 124, 126, 128, 130]);
    expect(graticuleValues(18, 19, 0.25)).toEqual([18.25, 18.5, 18.75]);
    expect(formatDegrees(121, 'E')).toBe('121°E');
    expect(formatDegrees(121.5, 'E')).toBe('121°30′E');
    expect(formatDegrees(24.25, 'N')).toBe('24°15′N');
  });
});
