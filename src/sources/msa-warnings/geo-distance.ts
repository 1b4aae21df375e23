// Pure geometry for "how far is this closure area from Taiwan / the median line": shapes as lon/lat vertex lists,
// distances in kilometres.
//
// Distances are exact great-circle distances between vertices, and vertex-to-edge distances in a local
// equirectangular plane centred on the vertex (error well under 1 % within a few hundred km, which is all a
// "within 200 km" test needs). Containment and crossing tests use one shared plane (topology survives the projection).

/** [longitude, latitude] in decimal degrees, GeoJSON order. */
export type LonLat = readonly [number, number];

/** A point (1 vertex), a polyline (open) or a polygon ring (closed; the closing vertex need not be repeated). */
export interface Shape {
  vertices: readonly LonLat[];
  closed: boolean;
}

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Taiwan's main island: the Natural Earth 1:110m outline shipped in data/taiwan-strait/geo/taiwan-strait.json (madeye
 * basemap, MIT). Coarse (8 vertices; the coast can lie ~10 km off), which is fine for a 200 km threshold.
 */
export const TAIWAN: Shape = {
  closed: true,
  vertices: [
    [121.777818, 24.394274],
    [121.175632, 22.790857],
    [120.74708, 21.970571],
    [120.220083, 22.814861],
    [120.106189, 23.556263],
    [120.69468, 24.538451],
    [121.495044, 25.295459],
    [121.951244, 24.997596],
  ],
};

/** The median line as MND published its endpoints (27N 122E – 23N 118E; data/taiwan-strait/geo/median-line.geojson). */
export const MEDIAN_LINE: Shape = {
  closed: false,
  vertices: [
    [122, 27],
    [118, 23],
  ],
};

/**
 * Taiwan's main commercial ports (harbour entrances, rounded to 0.01°): the approaches a quarantine or blockade would
 * close first. Points, so a distance to them does not carry the coarse outline's error.
 */
export const MAIN_PORTS: Readonly<Record<string, Shape>> = {
  keelung: { closed: false, vertices: [[121.75, 25.15]] },
  'taipei-port': { closed: false, vertices: [[121.37, 25.16]] },
  taichung: { closed: false, vertices: [[120.5, 24.29]] },
  kaohsiung: { closed: false, vertices: [[120.27, 22.6]] },
  hualien: { closed: false, vertices: [[121.63, 23.98]] },
  'su-ao': { closed: false, vertices: [[121.87, 24.59]] },
};

/** Distance from a shape to the nearest main port, km. */
export function nearestPortKm(shape: Shape): { port: string; km: number } {
  let best = { port: '', km: Number.POSITIVE_INFINITY };
  for (const [port, point] of Object.entries(MAIN_PORTS)) {
    const km = shapeDistanceKm(shape, point);
    if (km < best.km) best = { port, km };
  }
  return best;
}

/** Great-circle (haversine) distance between two vertices, km. */
export function haversineKm(a: LonLat, b: LonLat): number {
  const dLat = (b[1] - a[1]) * RAD;
  const dLon = (b[0] - a[0]) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance from a vertex to the edge a–b, km (local plane centred on the vertex). */
export function pointToEdgeKm(p: LonLat, a: LonLat, b: LonLat): number {
  const [ax, ay] = project(a, p);
  const [bx, by] = project(b, p);
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  const cx = ax + t * dx;
  const cy = ay + t * dy;
  return Math.hypot(cx, cy);
}

/** Shortest distance between two shapes, km; 0 when they touch, cross, or one lies inside the other (closed shapes). */
export function shapeDistanceKm(a: Shape, b: Shape): number {
  if (a.vertices.length === 0 || b.vertices.length === 0) throw new RangeError('a shape needs at least one vertex');
  const origin = a.vertices[0];
  if (touches(a, b, origin)) return 0;
  let best = Infinity;
  for (const p of a.vertices) best = Math.min(best, pointToShapeKm(p, b));
  for (const p of b.vertices) best = Math.min(best, pointToShapeKm(p, a));
  return best;
}

function pointToShapeKm(p: LonLat, shape: Shape): number {
  const edges = edgesOf(shape);
  if (edges.length === 0) return haversineKm(p, shape.vertices[0]);
  let best = Infinity;
  for (const [a, b] of edges) best = Math.min(best, pointToEdgeKm(p, a, b));
  return best;
}

function edgesOf(shape: Shape): Array<[LonLat, LonLat]> {
  const v = shape.vertices;
  const edges: Array<[LonLat, LonLat]> = [];
  for (let i = 0; i + 1 < v.length; i++) edges.push([v[i], v[i + 1]]);
  if (shape.closed && v.length > 2) edges.push([v[v.length - 1], v[0]]);
  return edges;
}

/** Edges cross, or a vertex of one lies inside the other (for closed shapes with at least 3 vertices). */
function touches(a: Shape, b: Shape, origin: LonLat): boolean {
  const pa = a.vertices.map((v) => project(v, origin));
  const pb = b.vertices.map((v) => project(v, origin));
  if (isArea(a) && pb.some((p) => inside(p, pa))) return true;
  if (isArea(b) && pa.some((p) => inside(p, pb))) return true;
  const ea = planarEdges(pa, a.closed);
  const eb = planarEdges(pb, b.closed);
  return ea.some(([p, q]) => eb.some(([r, s]) => segmentsCross(p, q, r, s)));
}

const isArea = (s: Shape) => s.closed && s.vertices.length >= 3;

type Xy = readonly [number, number];

function planarEdges(points: readonly Xy[], closed: boolean): Array<[Xy, Xy]> {
  const edges: Array<[Xy, Xy]> = [];
  for (let i = 0; i + 1 < points.length; i++) edges.push([points[i], points[i + 1]]);
  if (closed && points.length > 2) edges.push([points[points.length - 1], points[0]]);
  return edges;
}

/** Ray casting; points exactly on an edge count as touching through segmentsCross or the distance (0) instead. */
function inside(p: Xy, ring: readonly Xy[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

function segmentsCross(p: Xy, q: Xy, r: Xy, s: Xy): boolean {
  const d1 = cross(r, s, p);
  const d2 = cross(r, s, q);
  const d3 = cross(p, q, r);
  const d4 = cross(p, q, s);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

const cross = (a: Xy, b: Xy, c: Xy) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** Equirectangular projection centred on `origin`, km. */
function project(v: LonLat, origin: LonLat): Xy {
  const k = EARTH_RADIUS_KM * RAD;
  return [(v[0] - origin[0]) * Math.cos(origin[1] * RAD) * k, (v[1] - origin[1]) * k];
}
