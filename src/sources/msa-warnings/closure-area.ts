// Turns the coordinates of an MSA navigation warning into GeoJSON and a distance-measurable shape.
import type { Geometry } from '../../model/index.js';
import type { LonLat, Shape } from './geo-distance.js';

export class CoordinateProblem extends Error {}

/** The scrape's `coordinates` cell: "21.3833,108.79; 21.3833,108.9667" (latitude first, decimal degrees). */
export function parseCoordinateCell(cell: string): LonLat[] {
  const vertices: LonLat[] = [];
  for (const part of cell
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const match = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(part);
    if (!match) throw new CoordinateProblem(`cannot read the coordinate ${JSON.stringify(part)} (expected "lat,lon")`);
    const [lat, lon] = [Number(match[1]), Number(match[2])];
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180)
      throw new CoordinateProblem(`has a coordinate out of range ${JSON.stringify(part)}`);
    vertices.push([lon, lat]);
  }
  return vertices;
}

/**
 * Coordinates written in the notice text, for rows whose `coordinates` cell the scraper left empty: degrees-minutes
 * "23-41.31N、117-31.49E" and degrees-minutes-seconds "23-14-12N117-20-42E" (north/east only, as in these notices).
 */
export function coordinatesFromText(text: string): LonLat[] {
  const vertices: LonLat[] = [];
  const pattern =
    /(\d{1,2})-(\d{1,2})(?:-(\d{1,2}(?:\.\d+)?)|(\.\d+))?N[\s,，、]*(\d{2,3})-(\d{1,2})(?:-(\d{1,2}(?:\.\d+)?)|(\.\d+))?E/g;
  for (const m of text.matchAll(pattern)) {
    const lat = Number(m[1]) + (Number(m[2]) + (m[4] ? Number(m[4]) : 0)) / 60 + (m[3] ? Number(m[3]) / 3600 : 0);
    const lon = Number(m[5]) + (Number(m[6]) + (m[8] ? Number(m[8]) : 0)) / 60 + (m[7] ? Number(m[7]) / 3600 : 0);
    vertices.push([round(lon), round(lat)]);
  }
  return vertices;
}

/** One vertex → Point, two → LineString, more → Polygon (ring closed). The scrape lists several areas as one list. */
export function closureGeometry(vertices: readonly LonLat[]): { geometry: Geometry; shape: Shape } | undefined {
  if (vertices.length === 0) return undefined;
  const coordinates = vertices.map(([lon, lat]) => [lon, lat]);
  if (vertices.length === 1)
    return { geometry: { type: 'Point', coordinates: coordinates[0] }, shape: { vertices, closed: false } };
  if (vertices.length === 2)
    return { geometry: { type: 'LineString', coordinates }, shape: { vertices, closed: false } };
  const [first, last] = [coordinates[0], coordinates[coordinates.length - 1]];
  const ring = first[0] === last[0] && first[1] === last[1] ? coordinates : [...coordinates, first];
  return { geometry: { type: 'Polygon', coordinates: [ring] }, shape: { vertices, closed: true } };
}

/** A key for "the same area" across the Chinese and English notices of one closure: the first vertex to 0.01°. */
export function areaKey(vertices: readonly LonLat[]): string {
  return vertices.length === 0 ? '' : `${vertices[0][1].toFixed(2)},${vertices[0][0].toFixed(2)}`;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
