// Projects GeoJSON (lon/lat) onto an SVG box: equirectangular scaled by cos(mid-latitude), which is faithful enough
// over a few degrees around the strait; outputs path data. Pure, so it is unit-tested.

export type Position = [number, number];
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Projection {
  (p: Position): [number, number];
  width: number;
  height: number;
  /** SVG units per degree of latitude. */
  scale: number;
  /** cos(mid-latitude): a degree of longitude is `k * scale` units wide. */
  k: number;
  /** SVG point back to lon/lat. */
  invert(xy: [number, number]): Position;
}

export function projection(bounds: Bounds, width: number): Projection {
  const k = Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
  const scale = width / ((bounds.east - bounds.west) * k);
  const height = Math.round((bounds.north - bounds.south) * scale);
  const f = (([lon, lat]: Position) => [(lon - bounds.west) * k * scale, (bounds.north - lat) * scale]) as Projection;
  f.width = width;
  f.height = height;
  f.scale = scale;
  f.k = k;
  f.invert = ([x, y]) => [bounds.west + x / (k * scale), bounds.north - y / scale];
  return f;
}

/** Mean radius of the Earth (km) the scale bar uses: one degree of latitude is ~111.2 km. */
const EARTH_KM = 6371.0088;
const KM_PER_DEGREE = (EARTH_KM * Math.PI) / 180;

/**
 * Kilometres per SVG unit east–west at a latitude. The projection is true to scale only at its mid-latitude; the scale
 * bar uses the latitude at the centre of the view, so it stays within 1 % over the view at any zoom that shows < 2°.
 */
export function kmPerUnit(project: Projection, lat: number): number {
  return (KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180)) / (project.k * project.scale);
}

interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: Geometry[];
}

/** SVG path data of a geometry; points become small squares so they stay visible. */
export function geometryPath(g: Geometry, project: Projection): string {
  const ring = (coords: Position[], close: boolean) =>
    coords
      .map((c, i) => {
        const [x, y] = project(c);
        return `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join('') + (close ? 'Z' : '');
  switch (g.type) {
    case 'Point': {
      const [x, y] = project(g.coordinates as Position);
      return `M${(x - 3).toFixed(1)},${(y - 3).toFixed(1)}h6v6h-6Z`;
    }
    case 'MultiPoint':
      return (g.coordinates as Position[])
        .map((c) => geometryPath({ type: 'Point', coordinates: c }, project))
        .join('');
    case 'LineString':
      return ring(g.coordinates as Position[], false);
    case 'MultiLineString':
      return (g.coordinates as Position[][]).map((l) => ring(l, false)).join('');
    case 'Polygon':
      return (g.coordinates as Position[][]).map((r) => ring(r, true)).join('');
    case 'MultiPolygon':
      return (g.coordinates as Position[][][]).flatMap((p) => p.map((r) => ring(r, true))).join('');
    case 'GeometryCollection':
      return (g.geometries ?? []).map((x) => geometryPath(x, project)).join('');
    default:
      return '';
  }
}

/** A point inside a polygon feature good enough for a label: the centre of its largest ring's bounding box within bounds. */
export function labelPoint(g: Geometry, bounds: Bounds): Position | undefined {
  const rings: Position[][] =
    g.type === 'Polygon'
      ? [(g.coordinates as Position[][])[0]]
      : g.type === 'MultiPolygon'
        ? (g.coordinates as Position[][][]).map((p) => p[0])
        : [];
  let best: { area: number; at: Position } | undefined;
  for (const r of rings) {
    const inside = r.filter(
      ([lon, lat]) => lon >= bounds.west && lon <= bounds.east && lat >= bounds.south && lat <= bounds.north,
    );
    if (inside.length < 3) continue;
    const lons = inside.map((p) => p[0]);
    const lats = inside.map((p) => p[1]);
    const [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const area = (e - w) * (n - s);
    if (!best || area > best.area) best = { area, at: [(w + e) / 2, (s + n) / 2] };
  }
  return best?.at;
}
