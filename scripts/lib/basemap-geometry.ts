// The geometry behind scripts/derive-basemap.ts: clip a ring to a lon/lat rectangle, simplify it (Douglas–Peucker in
// locally-scaled degrees), and encode it compactly (integer thousandths of a degree, deltas). Pure, so it is tested.

export type LonLat = [number, number];
export interface Frame {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Sutherland–Hodgman clipping of one closed ring (first point = last point, or not) against the frame. The result is
 * open (no repeated closing point); fewer than three points means the ring lies outside.
 */
export function clipRing(ring: readonly LonLat[], frame: Frame): LonLat[] {
  const open = isClosed(ring) ? ring.slice(0, -1) : ring.slice();
  const edges: { inside: (p: LonLat) => boolean; cut: (a: LonLat, b: LonLat) => LonLat }[] = [
    { inside: (p) => p[0] >= frame.west, cut: (a, b) => atLon(a, b, frame.west) },
    { inside: (p) => p[0] <= frame.east, cut: (a, b) => atLon(a, b, frame.east) },
    { inside: (p) => p[1] >= frame.south, cut: (a, b) => atLat(a, b, frame.south) },
    { inside: (p) => p[1] <= frame.north, cut: (a, b) => atLat(a, b, frame.north) },
  ];
  let points: LonLat[] = open;
  for (const edge of edges) {
    if (points.length === 0) break;
    const out: LonLat[] = [];
    for (let i = 0; i < points.length; i++) {
      const current = points[i];
      const previous = points[(i + points.length - 1) % points.length];
      if (edge.inside(current)) {
        if (!edge.inside(previous)) out.push(edge.cut(previous, current));
        out.push(current);
      } else if (edge.inside(previous)) out.push(edge.cut(previous, current));
    }
    points = out;
  }
  return points;
}

function isClosed(ring: readonly LonLat[]): boolean {
  return ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1];
}

function atLon(a: LonLat, b: LonLat, lon: number): LonLat {
  return [lon, a[1] + ((b[1] - a[1]) * (lon - a[0])) / (b[0] - a[0])];
}

function atLat(a: LonLat, b: LonLat, lat: number): LonLat {
  return [a[0] + ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]), lat];
}

/**
 * Douglas–Peucker on an open ring: keeps the points farther than `tolerance` (degrees of latitude; longitude scaled by
 * `lonScale` = cos(latitude) so the tolerance is the same distance in both directions) from the chord they replace.
 * The ring is split at its first point and the point farthest from it, so a closed shape never collapses to a line.
 */
export function simplifyRing(ring: readonly LonLat[], tolerance: number, lonScale: number): LonLat[] {
  if (ring.length <= 3) return ring.slice();
  const far = ring.reduce(
    (best, p, i) => {
      const d = Math.hypot((p[0] - ring[0][0]) * lonScale, p[1] - ring[0][1]);
      return d > best.d ? { i, d } : best;
    },
    { i: 0, d: -1 },
  ).i;
  const first = simplifyLine(ring.slice(0, far + 1), tolerance, lonScale);
  const second = simplifyLine([...ring.slice(far), ring[0]], tolerance, lonScale);
  return [...first, ...second.slice(1, -1)];
}

function simplifyLine(line: readonly LonLat[], tolerance: number, lonScale: number): LonLat[] {
  const keep = new Array<boolean>(line.length).fill(false);
  keep[0] = keep[line.length - 1] = true;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstD = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = distanceToSegment(line[i], line[from], line[to], lonScale);
      if (d > worstD) [worst, worstD] = [i, d];
    }
    if (worst >= 0) {
      keep[worst] = true;
      stack.push([from, worst], [worst, to]);
    }
  }
  return line.filter((_, i) => keep[i]);
}

/** Distance from p to the segment a–b, in degrees of latitude (longitudes scaled by lonScale). */
export function distanceToSegment(p: LonLat, a: LonLat, b: LonLat, lonScale: number): number {
  const [px, py, ax, ay, bx, by] = [p[0] * lonScale, p[1], a[0] * lonScale, a[1], b[0] * lonScale, b[1]];
  const [dx, dy] = [bx - ax, by - ay];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Area of an open ring in square degrees (shoelace, unsigned; longitudes scaled by lonScale). */
export function ringArea(ring: readonly LonLat[], lonScale: number): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [a, b] = [ring[i], ring[(i + 1) % ring.length]];
    sum += a[0] * lonScale * b[1] - b[0] * lonScale * a[1];
  }
  return Math.abs(sum) / 2;
}

/**
 * One open ring as text: integer thousandths of a degree (~110 m, below the simplification tolerance), the first point
 * absolute and the rest as differences, "lon,lat,dlon,dlat,…". Consecutive points that round to the same place are
 * dropped. The dashboard decodes it with decodeRing (src/web/map/basemap.ts).
 */
export function encodeRing(ring: readonly LonLat[]): string {
  const out: number[] = [];
  let [x0, y0] = [0, 0];
  for (const [lon, lat] of ring) {
    const [x, y] = [Math.round(lon * 1000), Math.round(lat * 1000)];
    if (out.length > 0 && x === x0 && y === y0) continue;
    out.push(x - x0, y - y0);
    [x0, y0] = [x, y];
  }
  return out.join(',');
}
