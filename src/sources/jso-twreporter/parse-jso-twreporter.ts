// Parses `jso-twreporter`: The Reporter's PLA_Path_Database Japan/jp_data_cleaned.csv (MIT), one row per track drawn on a
// Japan Joint Staff release map. Each release's text gives transit/carrier events (as `jso-releases`); each newly
// drawn track becomes a `jso.track.<ship|flight>` observation carrying its line geometry, for the map.
import type { AttributeValue, Geometry, ObservationInput } from '../../model/index.js';
import {
  createDuplicateCheck,
  quote,
  readChoice,
  readCsvTable,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from '../csv-table.js';
import { analyseRelease } from '../jso-releases/analyse-release.js';
import { releaseObservations } from '../jso-releases/release-observations.js';
import { isLocalDate, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

const COLUMNS = [
  'order',
  'type',
  'src',
  'country',
  'version',
  'category',
  'id_num',
  'id_content',
  'group_detail',
  'shape',
  'data',
  'geojson',
  'unique_labels',
  'file_name',
  'urls',
  'first_page_content',
  'if_宮古海峽',
  'if_遼寧艦',
  'if_山東艦',
];
const REQUIRED = ['order', 'type', 'country', 'version', 'data', 'geojson', 'file_name', 'first_page_content'];
const COUNTRIES = ['china', 'russia', 'both'] as const;
/** `new` = first drawing of a track; `old` = drawn again in a later release; `sum` = a summary map of earlier tracks. */
const VERSIONS = ['new', 'old', 'sum'] as const;
const PLATFORMS = ['ship', 'flight'] as const;
const LINE_TYPES = ['LineString', 'MultiLineString'] as const;
/** Joint Staff releases `p20220801_02.pdf`; a few Ministry of Defense releases `c20220915_15a.pdf`, `c20221102_01_01.pdf`. */
const RELEASE_FILE = /^([pc](\d{4})(\d{2})(\d{2})_[0-9a-z]+(?:_[0-9a-z]+)*)\.pdf$/;

interface Release {
  line: number;
  text: string;
  url?: string;
  date: string;
}

export function parseJsoTwreporter(text: string, ctx: ParseContext): ObservationInput[] {
  const table = readCsvTable(text, ctx.file);
  requireColumns(table, REQUIRED);
  rejectUnknownColumns(table, COLUMNS);
  const releases = new Map<string, Release>();
  const checkDuplicate = createDuplicateCheck();
  const tracks: ObservationInput[] = [];
  for (const row of table.rows) {
    const fileName = required(row, 'file_name', readText(row, 'file_name'));
    const match = RELEASE_FILE.exec(fileName);
    if (!match) throw row.error('file_name', `must be named like p20220801_02.pdf, got ${quote(fileName)}`);
    const date = `${match[2]}-${match[3]}-${match[4]}`;
    if (!isLocalDate(date)) throw row.error('file_name', `names an impossible date ${date}`);
    const order = required(row, 'order', readText(row, 'order'));
    if (!/^\d+$/.test(order)) throw row.error('order', `must be a whole number, got ${quote(order)}`);
    checkDuplicate(row, 'order', `${match[1]}|${order}`);
    const release = readRelease(row, releases, match[1], date);
    const track = readTrack(row, match[1], release, order);
    if (track !== undefined) tracks.push(track);
  }
  const out: ObservationInput[] = [];
  for (const [id, release] of [...releases].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(
      ...releaseObservations(
        { id, date: release.date, ...(release.url !== undefined ? { url: release.url } : {}) },
        analyseRelease(release.text, release.date),
      ),
    );
  }
  return [...out, ...tracks];
}

export const jsoTwreporterParser: SourceParser = {
  kind: 'jso-twreporter',
  description:
    'Japan Joint Staff release maps redrawn by The Reporter (jp_data_cleaned.csv): transits, carriers and track lines',
  parse: parseJsoTwreporter,
};

/** Every row of one release repeats its first-page text; they must agree. */
function readRelease(row: CsvRow, releases: Map<string, Release>, id: string, date: string): Release {
  const text = required(row, 'first_page_content', readText(row, 'first_page_content'));
  const url = readText(row, 'urls');
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
    throw row.error('urls', `must be an http(s) URL, got ${quote(url)}`);
  const known = releases.get(id);
  if (known === undefined) {
    const release: Release = { line: row.line, text, date, ...(url !== undefined ? { url } : {}) };
    releases.set(id, release);
    return release;
  }
  if (known.text !== text)
    throw row.error('first_page_content', `differs from line ${known.line} of the same release ${id}`);
  return known;
}

function readTrack(row: CsvRow, id: string, release: Release, order: string): ObservationInput | undefined {
  const country = required(row, 'country', readChoice(row, 'country', COUNTRIES));
  const version = required(row, 'version', readChoice(row, 'version', VERSIONS));
  const platform = required(row, 'data', readChoice(row, 'data', PLATFORMS));
  const type = required(row, 'type', readChoice(row, 'type', LINE_TYPES));
  const geometry = readGeometry(row, type);
  if (version !== 'new') return undefined; // a track drawn again later, or a summary: already counted once
  const attributes: Record<string, AttributeValue> = { release: id, country };
  const category = readText(row, 'category');
  if (category !== undefined) attributes.category = category;
  const label = readText(row, 'id_content');
  return {
    series: `jso.track.${platform}`,
    subject: `${id}#${order}`,
    value: 1,
    unit: 'tracks',
    ...(label !== undefined ? { text: label } : {}),
    geometry,
    periodStart: localInstant(release.date, 0),
    periodEnd: localInstant(release.date, 24),
    publishedAt: localInstant(release.date, 18),
    source: 'jso',
    ...(release.url !== undefined ? { sourceRef: release.url } : {}),
    reliability: 'A',
    // Lines redrawn by hand from the release map: positions are approximate.
    credibility: 3,
    tlp: 'clear',
    attributes,
  };
}

/** The `geojson` cell is a Python dict literal ("{'type': 'LineString', 'coordinates': [[122.3, 25.5], …]}"). */
function readGeometry(row: CsvRow, type: string): Geometry {
  const cell = required(row, 'geojson', readText(row, 'geojson'));
  let value: unknown;
  try {
    value = JSON.parse(
      cell
        .replace(/'/g, '"')
        .replace(/\bNone\b/g, 'null')
        .replace(/\bTrue\b/g, 'true')
        .replace(/\bFalse\b/g, 'false')
        .replace(/\(/g, '[')
        .replace(/\)/g, ']'),
    );
  } catch {
    throw row.error('geojson', 'is not a readable geometry (expected a GeoJSON object written as a Python dict)');
  }
  const geometry = value as { type?: unknown; coordinates?: unknown };
  if (geometry === null || typeof geometry !== 'object' || geometry.type !== type) {
    throw row.error('geojson', `must be a ${type} geometry (the type column), got ${quote(String(geometry?.type))}`);
  }
  const lines = type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(lines) || lines.length === 0 || !lines.every(isLine)) {
    throw row.error('geojson', 'has coordinates that are not lines of [longitude, latitude] pairs within range');
  }
  return { type, coordinates: geometry.coordinates };
}

function isLine(line: unknown): boolean {
  return (
    Array.isArray(line) &&
    line.length >= 2 &&
    line.every(
      (p) =>
        Array.isArray(p) &&
        p.length === 2 &&
        typeof p[0] === 'number' &&
        typeof p[1] === 'number' &&
        Math.abs(p[0]) <= 180 &&
        Math.abs(p[1]) <= 90,
    )
  );
}
