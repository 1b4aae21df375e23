// What the map names: label positions for the islands and seas of the theatre, and the straits where the Japan Joint
// Staff reports passages, as schematic gate lines across each gap (between the coasts of the basemap; not a boundary).
import type { Position } from '../charts/geo-projection.js';

export interface PlaceLabel {
  /** `place.<name>` in the dictionary. */
  name: string;
  at: Position;
  kind: 'land' | 'island' | 'sea';
  /** Which side of the point the text goes (islands are labelled beside, not over, their outline). */
  anchor?: 'start' | 'middle' | 'end';
}

export const PLACE_LABELS: PlaceLabel[] = [
  { name: 'Taiwan', at: [120.95, 23.55], kind: 'land' },
  { name: 'China', at: [116.4, 26.4], kind: 'land', anchor: 'start' },
  { name: 'Philippines', at: [121.3, 18.35], kind: 'land' },
  { name: 'Penghu', at: [119.35, 23.55], kind: 'island', anchor: 'end' },
  { name: 'Kinmen', at: [118.2, 24.3], kind: 'island', anchor: 'end' },
  { name: 'Matsu', at: [120.15, 26.2], kind: 'island', anchor: 'start' },
  { name: 'Pratas', at: [116.85, 20.7], kind: 'island', anchor: 'start' },
  { name: 'Yonaguni', at: [123.0, 24.3], kind: 'island', anchor: 'middle' },
  { name: 'Ishigaki', at: [124.2, 24.25], kind: 'island', anchor: 'middle' },
  { name: 'Miyako', at: [125.3, 24.6], kind: 'island', anchor: 'middle' },
  { name: 'Okinawa', at: [128.1, 26.6], kind: 'island', anchor: 'start' },
  { name: 'Amami', at: [129.6, 28.3], kind: 'island', anchor: 'start' },
  { name: 'EastChinaSea', at: [124.5, 28.8], kind: 'sea' },
  { name: 'PhilippineSea', at: [126.2, 22], kind: 'sea' },
  { name: 'SouthChinaSea', at: [117.8, 19.4], kind: 'sea' },
  { name: 'BashiChannel', at: [121.05, 21.35], kind: 'sea' },
  { name: 'TaiwanStrait', at: [119.35, 24.75], kind: 'sea' },
];

export interface StraitGate {
  /** The last part of the series that report a passage: jso.transit.<id>, jso.air-transit.<id>, jso.<id>. */
  id: string;
  /** The gap as a line between the two coasts; undefined for straits outside the basemap frame. */
  line?: [Position, Position];
}

/** The straits the Joint Staff names (the ids its releases use in Vigil's series), west to east, then outside. */
export const STRAITS: StraitGate[] = [
  // Taiwan's east coast near Su'ao to Yonaguni.
  {
    id: 'yonaguni',
    line: [
      [121.9, 24.6],
      [122.93, 24.45],
    ],
  },
  // Yonaguni to Iriomote.
  {
    id: 'iriomote',
    line: [
      [123.05, 24.45],
      [123.68, 24.33],
    ],
  },
  // Miyako to Okinawa's southern tip.
  {
    id: 'miyako',
    line: [
      [125.45, 24.8],
      [127.68, 26.08],
    ],
  },
  // Amami Oshima to Yokoate-jima.
  {
    id: 'amami',
    line: [
      [129.15, 28.4],
      [129.0, 28.8],
    ],
  },
  // Tanegashima/Yakushima to Cape Sata (Kyushu).
  {
    id: 'osumi',
    line: [
      [130.85, 30.5],
      [130.66, 30.99],
    ],
  },
  { id: 'tsushima' },
  { id: 'tsugaru' },
  { id: 'soya' },
];

const STRAIT_IDS = new Set(STRAITS.map((s) => s.id));

/** The strait a series reports a passage through (jso.transit.miyako, jso.miyako, nansei.transit.yonaguni), if any. */
export function straitOf(series: string): string | undefined {
  const parts = series.split('.');
  const last = parts[parts.length - 1];
  if (!STRAIT_IDS.has(last)) return undefined;
  const transit = parts.slice(1, -1).some((p) => p.includes('transit'));
  return transit || (parts.length === 2 && parts[0] === 'jso') ? last : undefined;
}
