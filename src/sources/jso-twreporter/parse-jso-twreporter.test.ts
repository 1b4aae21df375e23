import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseJsoTwreporter } from './parse-jso-twreporter.js';

const FIXTURE = new URL('../../../test/fixtures/sources/jso-twreporter/jp_data_cleaned.csv', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8');
const parse = (text: string) => parseJsoTwreporter(text, { file: 'jp.csv' });
const HEADER =
  'order,type,src,country,version,category,id_num,id_content,group_detail,shape,data,geojson,unique_labels,file_name,urls,first_page_content,if_宮古海峽,if_遼寧艦,if_山東艦';
const LINE = `"{'type': 'LineString', 'coordinates': [[122.3, 25.5], [122.4, 23.9]]}"`;
const TEXT =
  '中国海軍艦艇の動向について令和4年8月1日(月)、当該艦艇が沖縄本島と宮古島との間の海域を南進し、太平洋に向けて航行した。';
const row = (cells: Partial<Record<string, string>> = {}) => {
  const d: Record<string, string> = {
    order: '1',
    type: 'LineString',
    country: 'china',
    version: 'new',
    data: 'ship',
    geojson: LINE,
    file_name: 'p20220802_01.pdf',
    urls: 'https://www.mod.go.jp/js/pdf/2022/p20220802_01.pdf',
    first_page_content: TEXT,
  };
  return HEADER.split(',')
    .map((c) => cells[c] ?? d[c] ?? '')
    .join(',');
};

function messageOf(text: string): string {
  try {
    parseJsoTwreporter(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseJsoTwreporter', () => {
  const observations = parse(fixture);

  it('reads each release once for transit, carrier and release events, and each new track as a line', () => {
    expect(observations.map((o) => o.series)).toEqual([
      'jso.release.china-navy',
      'jso.transit.miyako',
      'jso.transit.yonaguni',
      'jso.release.china-navy',
      'jso.carrier.liaoning',
      'jso.release.china-aircraft',
      'jso.air-transit.miyako',
      'jso.air-transit.miyako',
      'jso.release.china-navy',
      'jso.carrier.liaoning',
      'jso.track.ship',
      'jso.track.ship',
      'jso.track.ship',
      'jso.track.flight',
    ]);
  });

  it('dates the Yonaguni–Taiwan transit of 31 July 2022 by its own day (release of 1 August)', () => {
    expect(observations[2]).toMatchObject({
      periodStart: '2022-07-30T16:00:00.000Z',
      publishedAt: '2022-08-01T10:00:00.000Z',
      sourceRef: 'https://www.mod.go.jp/js/pdf/2022/p20220801_02.pdf',
      attributes: {
        country: 'china',
        heading: 'south',
        toward: 'pacific',
        direction: 'outbound',
        hullNumbers: '155,599',
      },
    });
  });

  it('keeps a new track with its line geometry, label and release, graded A3 (redrawn by hand)', () => {
    const track = observations.find((o) => o.series === 'jso.track.ship')!;
    expect(track).toMatchObject({
      subject: 'p20220801_02#1',
      unit: 'tracks',
      text: '7/31_054A江凱II型護衛艦（599）',
      geometry: {
        type: 'LineString',
        coordinates: [
          [122.37349666298881, 25.574063221758447],
          [122.39740271579183, 23.90125165076734],
        ],
      },
      reliability: 'A',
      credibility: 3,
      attributes: { release: 'p20220801_02', country: 'china', category: 'arrow' },
    });
  });

  it('is deterministic, and leaves out tracks redrawn in later releases', () => {
    expect(parse(fixture)).toStrictEqual(observations);
    expect(
      observations.filter((o) => o.series.startsWith('jso.track.') && o.attributes!.release === 'p20221221_03'),
    ).toEqual([]);
  });

  it.each([
    ['a missing column', 'order,type\n', 'bad.csv:1: country: required column is missing'],
    [
      'a bad file name',
      `${HEADER}\n${row({ file_name: 'release.pdf' })}\n`,
      'bad.csv:2: file_name: must be named like p20220801_02.pdf, got "release.pdf"',
    ],
    [
      'an impossible release date',
      `${HEADER}\n${row({ file_name: 'p20220231_01.pdf' })}\n`,
      'bad.csv:2: file_name: names an impossible date 2022-02-31',
    ],
    ['a non-numeric order', `${HEADER}\n${row({ order: 'a' })}\n`, 'bad.csv:2: order: must be a whole number, got "a"'],
    ['one track twice', `${HEADER}\n${row()}\n${row()}\n`, 'bad.csv:3: order: duplicates line 2'],
    [
      'an unknown country',
      `${HEADER}\n${row({ country: 'japan' })}\n`,
      'bad.csv:2: country: must be one of china, russia, both, got "japan"',
    ],
    [
      'an unknown version',
      `${HEADER}\n${row({ version: 'draft' })}\n`,
      'bad.csv:2: version: must be one of new, old, sum, got "draft"',
    ],
    [
      'an unreadable geometry',
      `${HEADER}\n${row({ geojson: '"{type: LineString}"' })}\n`,
      'bad.csv:2: geojson: is not a readable geometry (expected a GeoJSON object written as a Python dict)',
    ],
    [
      'a geometry of another type',
      `${HEADER}\n${row({ type: 'MultiLineString' })}\n`,
      'bad.csv:2: geojson: must be a MultiLineString geometry (the type column), got "LineString"',
    ],
    [
      'coordinates out of range',
      `${HEADER}\n${row({ geojson: `"{'type': 'LineString', 'coordinates': [[222.3, 25.5], [122.4, 23.9]]}"` })}\n`,
      'bad.csv:2: geojson: has coordinates that are not lines of [longitude, latitude] pairs within range',
    ],
    [
      'two texts for one release',
      `${HEADER}\n${row()}\n${row({ order: '2', first_page_content: 'other' })}\n`,
      'bad.csv:3: first_page_content: differs from line 2 of the same release p20220802_01',
    ],
    [
      'a urls cell that is not a URL',
      `${HEADER}\n${row({ urls: 'mod.go.jp' })}\n`,
      'bad.csv:2: urls: must be an http(s) URL, got "mod.go.jp"',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('jso-twreporter', {
  fixtures: [FIXTURE],
  extension: '.csv',
  badInputs: [
    { name: 'an unreadable geometry on line 3', text: `${HEADER}\n${row()}\n${row({ order: '2', geojson: 'x' })}\n` },
    { name: 'an unknown column', text: `${HEADER},extra\n` },
  ],
});

const SHARED = new URL('../../../../shared/data/twreporter-pla-path/Japan/jp_data_cleaned.csv', import.meta.url);

// The whole file is MIT but 840 KB; the repository keeps an excerpt. When ../shared is present, check all of it.
describe.skipIf(!existsSync(SHARED))(
  'parseJsoTwreporter on the whole shared file (skipped: ../shared/data not present)',
  () => {
    it("finds the same carrier releases as the file's own flags (6 Liaoning, 5 Shandong) and 210 new tracks", () => {
      const observations = parseJsoTwreporter(readFileSync(SHARED, 'utf8'), { file: 'jp_data_cleaned.csv' });
      expect(observations.filter((o) => o.series === 'jso.carrier.liaoning')).toHaveLength(6);
      expect(observations.filter((o) => o.series === 'jso.carrier.shandong')).toHaveLength(5);
      expect(observations.filter((o) => o.series.startsWith('jso.track.'))).toHaveLength(210);
    });
  },
);
