import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { analyseRelease, normaliseReleaseText } from './analyse-release.js';
import { parseJsoReleases } from './parse-jso-releases.js';

const FIXTURE = new URL('../../../test/fixtures/sources/jso-releases/japan_mod_texts.json', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8');
const parse = (text: string) => parseJsoReleases(text, { file: 'texts.json' });
const doc = (texts: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ count: Object.keys(texts).length, texts, ...extra }, null, 2);

function messageOf(text: string): string {
  try {
    parseJsoReleases(text, { file: 'bad.json' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('analyseRelease', () => {
  it('normalises full-width digits, PDF line breaks and prefecture notes', () => {
    expect(normaliseReleaseText('宮古島（沖縄県）の北\n約１００ｋｍ　ルーヤンⅢ級')).toBe(
      '宮古島の北約100kmルーヤンIII級',
    );
  });

  it('reads a transit: strait, heading, destination, country, date, classes and hull numbers', () => {
    const a = analyseRelease(JSON.parse(fixture).texts['p20300304_01.pdf'].text, '2030-03-04');
    expect(a).toEqual({
      topic: 'china-navy',
      passages: [
        {
          strait: 'miyako',
          passage: '沖縄本島と宮古島との間の海域',
          platform: 'ship',
          country: 'china',
          heading: 'southeast',
          toward: 'pacific',
          date: '2030-03-03',
        },
      ],
      carriers: [],
      shipClasses: ['jiangkai-ii', 'luyang-iii'],
      hullNumbers: ['155', '599'],
    });
  });

  it('reads carriers with flight operations, and skips passages a release only refers back to', () => {
    const a = analyseRelease(JSON.parse(fixture).texts['p20300306_01.pdf'].text, '2030-03-06');
    expect(a.carriers).toEqual([{ carrier: 'shandong', date: '2030-03-05', flightOps: true }]);
    expect(a.passages).toEqual([]);
  });

  it('dates a carrier to the newest day a release confirms it at sea, not the day its deployment began', () => {
    const text =
      '中国海軍艦艇の動向について海上自衛隊は、12月17日(土)から20日(火)に引き続き、21日(水)及び22日(木)に、中国海軍クズネツォフ級空母「遼寧」を含む複数の中国海軍艦艇が太平洋上の海域において航行していることを確認した。';
    expect(analyseRelease(text, '2030-12-23').carriers).toEqual([
      { carrier: 'liaoning', date: '2030-12-22', flightOps: false },
    ]);
    const later =
      '中国海軍艦艇の動向について海上自衛隊は、22日(木)に、中国海軍クズネツォフ級空母「遼寧」が、12月17日(土)から航行していることを確認した。';
    expect(analyseRelease(later, '2030-12-23').carriers[0].date).toBe('2030-12-22');
  });

  it('reads aircraft passages ("…との間を通過して太平洋に至り") and a December date in a January release', () => {
    const a = analyseRelease(
      '中国軍機の動向について12月31日(土)午後、中国軍の無人機×1機が与那国島と台湾との間を通過して太平洋に至った。',
      '2031-01-02',
    );
    expect(a.passages).toEqual([
      {
        strait: 'yonaguni',
        passage: '与那国島と台湾との間',
        platform: 'aircraft',
        country: 'china',
        toward: 'pacific',
        date: '2030-12-31',
      },
    ]);
  });

  it('leaves releases without PLA or Russian content alone', () => {
    expect(analyseRelease('林野火災に係る災害派遣について', '2030-03-08')).toEqual({
      passages: [],
      carriers: [],
      shipClasses: [],
      hullNumbers: [],
    });
  });
});

describe('parseJsoReleases', () => {
  const observations = parse(fixture);

  it('writes a release event per PLA/Russian release, and transit, air-transit and carrier events', () => {
    expect(observations.map((o) => [o.series, o.periodStart.slice(0, 10)])).toEqual([
      ['jso.release.china-navy', '2030-03-03'],
      ['jso.transit.miyako', '2030-03-02'],
      ['jso.release.china-navy', '2030-03-05'],
      ['jso.carrier.shandong', '2030-03-04'],
      ['jso.release.russia-navy', '2030-03-06'],
      ['jso.transit-russia.tsushima', '2030-03-05'],
      ['jso.release.china-aircraft', '2030-03-06'],
      ['jso.air-transit.yonaguni', '2030-03-06'],
    ]);
  });

  it('dates a transit by its own day, publishes it at 18:00 local on the release day, graded A2 CLEAR', () => {
    expect(observations[1]).toStrictEqual({
      series: 'jso.transit.miyako',
      subject: expect.stringMatching(/^[0-9a-f]{16}$/),
      value: 1,
      unit: 'events',
      periodStart: '2030-03-02T16:00:00.000Z',
      periodEnd: '2030-03-03T16:00:00.000Z',
      publishedAt: '2030-03-04T10:00:00.000Z',
      source: 'jso',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
      sourceRef: 'https://example.org/js/pdf/2030/p20300304_01.pdf',
      attributes: {
        release: 'p20300304_01',
        shipClasses: 'jiangkai-ii,luyang-iii',
        hullNumbers: '155,599',
        country: 'china',
        platform: 'ship',
        heading: 'southeast',
        toward: 'pacific',
        direction: 'outbound',
      },
    });
    expect(observations[3].attributes).toMatchObject({ flightOps: true, release: 'p20300306_01' });
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    ['not JSON', '{"texts": ', 'bad.json:1: (json): is not valid JSON: unexpected end of input'],
    ['no texts', '{"count": 0}', 'bad.json:1: texts: is required'],
    [
      'an unknown top-level field',
      doc({}, { pages: 1 }),
      'bad.json:4: pages: unknown field; expected updated_at, count, source, texts',
    ],
    [
      'a count that does not match',
      JSON.stringify({ count: 3, texts: {} }),
      'bad.json:1: count: is 3 but texts holds 0 releases',
    ],
    [
      'a badly named release',
      doc({ 'release.pdf': { text: 'x' } }),
      'bad.json:4: texts.release.pdf: must be named like p20260625_01.pdf (release date and number)',
    ],
    [
      'an impossible release date',
      doc({ 'p20300230_01.pdf': { text: 'x' } }),
      'bad.json:4: texts.p20300230_01.pdf: names an impossible date 2030-02-30',
    ],
    [
      'a release without text',
      doc({ 'p20300301_01.pdf': { url: 'https://example.org/a.pdf' } }),
      'bad.json:4: texts.p20300301_01.pdf.text: is required',
    ],
    [
      'a text that is not a string',
      doc({ 'p20300301_01.pdf': { text: 5 } }),
      'bad.json:5: texts.p20300301_01.pdf.text: must be a string, got number 5',
    ],
    [
      'a url that is not a URL',
      doc({ 'p20300301_01.pdf': { url: 'mod.go.jp', text: 'x' } }),
      'bad.json:5: texts.p20300301_01.pdf.url: must be an http(s) URL, got "mod.go.jp"',
    ],
    [
      'an unknown release field',
      doc({ 'p20300301_01.pdf': { text: 'x', pages: 2 } }),
      'bad.json:6: texts.p20300301_01.pdf.pages: unknown field; expected url, text, fetched_at',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('jso-releases', {
  fixtures: [FIXTURE],
  extension: '.json',
  badInputs: [
    { name: 'a badly named release', text: doc({ 'x.pdf': { text: 'x' } }) },
    { name: 'truncated JSON', text: '{"texts": {' },
  ],
});

const SHARED = new URL('../../../../shared/data/pla-data-dashboard/japan_mod_texts.json', import.meta.url);

// The real texts have no licence, so they are not in the repository; when ../shared is present, check the parser on them.
describe.skipIf(!existsSync(SHARED))(
  'parseJsoReleases on the shared release texts (skipped: ../shared/data not present)',
  () => {
    it('finds the 90 Chinese/Russian releases of 208, their transits and the Liaoning deployment of May–June 2026', () => {
      const observations = parseJsoReleases(readFileSync(SHARED, 'utf8'), { file: 'japan_mod_texts.json' });
      expect(observations.filter((o) => o.series.startsWith('jso.release.'))).toHaveLength(90);
      expect(observations.filter((o) => o.series.startsWith('jso.transit.'))).toHaveLength(40);
      const carriers = observations.filter((o) => o.series.startsWith('jso.carrier.'));
      expect(carriers.map((o) => o.series)).toEqual([
        'jso.carrier.liaoning',
        'jso.carrier.liaoning',
        'jso.carrier.liaoning',
      ]);
      expect(carriers[0].periodStart).toBe('2026-05-24T16:00:00.000Z');
    });
  },
);
