import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { createMsaWarningsParser, msaWarningsParser } from './parse-msa-warnings.js';
import { parseTimePeriods } from './time-periods.js';
import { cancelledId, warningId, warningKind } from './warning-kind.js';

const FIXTURE = new URL('../../../test/fixtures/sources/msa-warnings/military_exercises.csv', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8');
const parse = (text: string) => msaWarningsParser.parse(text, { file: 'warnings.csv' });
const HEADER =
  'publish_date,title,channel,time_periods,coordinate_count,coordinates,coordinates_raw,content_preview,url,scraped_at,start_date,end_date';
const row = (cells: Partial<Record<string, string>>) => {
  const defaults: Record<string, string> = {
    publish_date: '2030-03-01',
    title: '实弹射击—闽航警1/30',
    channel: '福建海事局',
    time_periods: '03/02 0800-1800',
    coordinate_count: '1',
    coordinates: '"24.5,119.8"',
    coordinates_raw: '',
    content_preview: '',
    url: '',
    scraped_at: '',
    start_date: '',
    end_date: '',
  };
  return `${HEADER}\n${HEADER.split(',')
    .map((c) => cells[c] ?? defaults[c])
    .join(',')}\n`;
};

function messageOf(text: string): string {
  try {
    parse(text.replace('warnings.csv', 'bad.csv'));
  } catch (error) {
    return (error as Error).message.replace('warnings.csv', 'bad.csv');
  }
  throw new Error('expected a parse error');
}

describe('MSA warning helpers', () => {
  it('reads every time_periods layout of the scrape, in Beijing time or UTC', () => {
    const at = (cell: string, offset = 480) =>
      parseTimePeriods(cell, '2030-03-01', offset).windows.map((w) => `${w.start}/${w.end}`);
    expect(at('03/02 0800 至 03/03 2400')).toEqual(['2030-03-02T00:00:00.000Z/2030-03-03T16:00:00.000Z']);
    expect(at('03/02-03/03 每日 2300-0100')).toEqual([
      '2030-03-02T15:00:00.000Z/2030-03-02T17:00:00.000Z',
      '2030-03-03T15:00:00.000Z/2030-03-03T17:00:00.000Z',
    ]);
    expect(at('03/02 每日 0800-1000；03/04 0800-0900')).toHaveLength(2);
    expect(at('03/02 至 03/03')).toEqual(['2030-03-01T16:00:00.000Z/2030-03-03T16:00:00.000Z']);
    expect(at('03/05')).toEqual(['2030-03-04T16:00:00.000Z/2030-03-05T16:00:00.000Z']);
    expect(at('03/02 0800-1000', 0)).toEqual(['2030-03-02T08:00:00.000Z/2030-03-02T10:00:00.000Z']);
    expect(parseTimePeriods('03/02 0800-1000；03/03 0800-1000…等 4 段', '2030-03-01', 480).truncated).toBe(true);
    // A December notice naming January means next year.
    expect(parseTimePeriods('01/02', '2030-12-30', 480).windows[0].start).toBe('2031-01-01T16:00:00.000Z');
  });

  it('classifies titles and reads warning numbers', () => {
    expect(
      [
        '实弹射击—粤航警442/26',
        'MILITARY TRAINING—GX20/26',
        '军事活动结束—鲁航警696/26',
        '火箭残骸掉落—浙航警627/26',
        '禁航区—桂航警52/26',
        '舟山黄它山水域军事活动—浙航警641/26',
        '其他—X1/26',
      ].map(warningKind),
    ).toEqual(['live-fire', 'training', 'cancellation', 'rocket-debris', 'closure-area', 'military-activity', 'other']);
    expect(warningId('军事活动-莱州湾—鲁航警554/26')).toBe('鲁航警554/26');
    expect(warningId('no number here')).toBeUndefined();
    expect(cancelledId('SD645/26 YELLOW SEA, MILITARY ACTIVITY COMPLETED. CANCEL SD625/26.')).toBe('SD625/26');
  });
});

describe('parseMsaWarnings', () => {
  const observations = parse(fixture);
  const closures = observations.filter((o) => o.series === 'msa.closure');

  it('writes one closure event per notice (a notice scraped twice once), and cancellations separately', () => {
    expect(closures.map((o) => o.subject)).toEqual(['闽航警901/30', 'FJ301/30', '辽航警902/30', '粤航警903/30']);
    expect(observations.filter((o) => o.series === 'msa.cancellation')).toMatchObject([
      {
        subject: '鲁航警904/30',
        periodStart: '2030-03-03T15:59:00.000Z',
        attributes: { kind: 'cancellation', cancels: '鲁航警880/30' },
      },
    ]);
  });

  it('keeps the area as a closed polygon, the validity window as the period, and the notice time as publication', () => {
    expect(closures[0]).toStrictEqual({
      series: 'msa.closure',
      subject: '闽航警901/30',
      value: 1,
      unit: 'events',
      text: '实弹射击—闽航警901/30',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [119.8, 24.5],
            [120, 24.5],
            [120, 24.3],
            [119.8, 24.3],
            [119.8, 24.5],
          ],
        ],
      },
      periodStart: '2030-03-02T00:00:00.000Z',
      periodEnd: '2030-03-03T10:00:00.000Z',
      publishedAt: '2030-03-01T02:15:00.000Z',
      source: 'msa',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
      sourceRef: 'https://example.org/msa/article/901',
      attributes: {
        bureau: '福建海事局',
        kind: 'live-fire',
        warningId: '闽航警901/30',
        language: 'zh',
        validity: 'windows',
        timeZone: '+08:00',
        windows: 1,
        period: '03/02 0800 至 03/03 1800',
        notice: expect.stringMatching(/^闽航警901\/30 发布时间：2030-03-01 10:15 .*禁止驶入。$/),
        distanceToTaiwanKm: expect.any(Number),
        distanceToMedianLineKm: 22.5,
        distanceToPortKm: 50.7,
        nearestPort: 'taichung',
      },
    });
    expect(closures[0].attributes!.distanceToTaiwanKm).toBeGreaterThan(40);
    expect(closures[0].attributes!.distanceToTaiwanKm).toBeLessThan(90);
  });

  it('reads UTC times of English notices, daily windows, coordinates from the text and date-only validity', () => {
    expect(closures[1]).toMatchObject({
      periodStart: '2030-03-02T00:00:00.000Z',
      periodEnd: '2030-03-03T10:00:00.000Z',
      publishedAt: '2030-03-01T15:59:00.000Z',
    });
    expect(closures[1].attributes).toMatchObject({ language: 'en', timeZone: 'UTC', kind: 'live-fire' });
    expect(closures[2]).toMatchObject({
      periodStart: '2030-03-03T23:00:00.000Z',
      periodEnd: '2030-03-05T09:00:00.000Z',
      attributes: { windows: 2, kind: 'exercise' },
    });
    expect(closures[2].attributes!.distanceToTaiwanKm).toBeGreaterThan(1500);
    expect(closures[3]).toMatchObject({
      periodStart: '2030-03-02T16:00:00.000Z',
      periodEnd: '2030-03-04T16:00:00.000Z',
      geometry: { type: 'Polygon' },
      attributes: { validity: 'dates', coordinatesFrom: 'text', kind: 'training' },
    });
  });

  it('counts a closure near Taiwan once per day in force, the Chinese and English notices as one, with 0 on covered days', () => {
    const near = observations.filter((o) => o.series === 'msa.closure.near-taiwan');
    const daily = new Map<string, Map<string, number>>();
    for (const o of near) {
      const day = daily.get(o.periodStart) ?? new Map<string, number>();
      day.set(o.subject!, o.value!); // revisions of one subject replace one another
      daily.set(o.periodStart, day);
    }
    const sums = [...daily].map(([start, subjects]) => [start, [...subjects.values()].reduce((a, b) => a + b, 0)]);
    expect(sums).toEqual([
      ['2030-02-28T16:00:00.000Z', 0],
      ['2030-03-01T16:00:00.000Z', 1],
      ['2030-03-02T16:00:00.000Z', 1],
    ]);
    expect(near.filter((o) => o.value === 1)).toHaveLength(4); // two notices × two days, as revisions of one subject per day
  });

  it('dates a near-Taiwan notice by its publication, once for the Chinese and English notices, close only within closeKm', () => {
    const notices = observations.filter((o) => o.series.startsWith('msa.notice.'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      series: 'msa.notice.near-taiwan',
      value: 1,
      periodStart: '2030-02-28T16:00:00.000Z',
      publishedAt: '2030-03-01T02:15:00.000Z',
      attributes: { nearestPort: 'taichung', distanceToPortKm: 50.7, withinKm: 200 },
    });
    // 50.7 km from Taichung and (coarse outline) under 90 km from the coast: outside 24 nm of the port; 60 km makes it close.
    const wider = createMsaWarningsParser({ closeKm: 60 }).parse(fixture, { file: 'f.csv' });
    expect(wider.filter((o) => o.series.startsWith('msa.notice.')).map((o) => o.series)).toEqual([
      'msa.notice.near-taiwan',
      'msa.notice.close-to-taiwan',
    ]);
    expect(() => createMsaWarningsParser({ closeKm: -1 })).toThrow(RangeError);
  });

  it('takes the distance threshold as an option', () => {
    const strict = createMsaWarningsParser({ nearKm: 20 }).parse(fixture, { file: 'f.csv' });
    expect(strict.filter((o) => o.series === 'msa.closure.near-taiwan' && o.value === 1)).toEqual([]);
    expect(() => createMsaWarningsParser({ nearKm: 0 })).toThrow(RangeError);
  });

  it.each([
    [
      'a missing column',
      'publish_date,title,channel,time_periods\n',
      'bad.csv:1: coordinates: required column is missing',
    ],
    ['an empty publish_date', row({ publish_date: '' }), 'bad.csv:2: publish_date: is required'],
    ['an empty channel', row({ channel: '' }), 'bad.csv:2: channel: is required'],
    [
      'an unreadable period',
      row({ time_periods: '3月2日' }),
      'bad.csv:2: time_periods: cannot read the period "3月2日" in "3月2日"',
    ],
    [
      'an impossible time',
      row({ time_periods: '03/02 2500-2600' }),
      'bad.csv:2: time_periods: names an impossible time 2500 in "03/02 2500-2600"',
    ],
    [
      'an impossible date',
      row({ time_periods: '02/30' }),
      'bad.csv:2: time_periods: names an impossible date 02/30 in "02/30"',
    ],
    [
      'a period that ends first',
      row({ time_periods: '03/03 0800 至 03/02 0800' }),
      'bad.csv:2: time_periods: has a period that ends (2030-03-02T00:00:00.000Z) before it starts (2030-03-03T00:00:00.000Z) in "03/03 0800 至 03/02 0800"',
    ],
    [
      'a bad coordinate',
      row({ coordinates: '"24.5;119.8"', coordinate_count: '2' }),
      'bad.csv:2: coordinates: cannot read the coordinate "24.5" (expected "lat,lon")',
    ],
    [
      'an out-of-range coordinate',
      row({ coordinates: '"124.5,119.8"' }),
      'bad.csv:2: coordinates: has a coordinate out of range "124.5,119.8"',
    ],
    [
      'a wrong coordinate_count',
      row({ coordinate_count: '4' }),
      'bad.csv:2: coordinate_count: is "4" but coordinates lists 1 points',
    ],
    [
      'an end_date before start_date',
      row({ start_date: '2030-03-03', end_date: '2030-03-02' }),
      'bad.csv:2: end_date: is before start_date (2030-03-03)',
    ],
    [
      'a url that is not a URL',
      row({ url: 'msa.gov.cn/x' }),
      'bad.csv:2: url: must be an http(s) URL, got "msa.gov.cn/x"',
    ],
    [
      'one warning number with different content',
      row({}) + row({ time_periods: '03/04 0800-1800' }).split('\n')[1] + '\n',
      'bad.csv:3: title: warning 闽航警1/30 duplicates line 2 with different content',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('msa-warnings', {
  fixtures: [FIXTURE],
  extension: '.csv',
  badInputs: [
    { name: 'an unreadable period', text: row({ time_periods: 'soon' }) },
    { name: 'a bad coordinate', text: row({ coordinates: '"x,y"' }) },
  ],
});

const SHARED = new URL('../../../../shared/data/pla-data-dashboard/military_exercises.csv', import.meta.url);

// The real scrape has no licence, so it is not in the repository; when ../shared is present, check the parser on it.
describe.skipIf(!existsSync(SHARED))(
  'parseMsaWarnings on the shared scrape (skipped: ../shared/data not present)',
  () => {
    it('reads all 187 rows: 184 closures (one scraped twice), 2 cancellations, none within 200 km of Taiwan', () => {
      const observations = parse(readFileSync(SHARED, 'utf8'));
      expect(observations.filter((o) => o.series === 'msa.closure')).toHaveLength(184);
      expect(observations.filter((o) => o.series === 'msa.cancellation')).toHaveLength(2);
      const near = observations.filter((o) => o.series === 'msa.closure.near-taiwan');
      expect(near.every((o) => o.value === 0)).toBe(true);
      expect(near).toHaveLength(160); // 2026-03-15 … 2026-08-21
    });
  },
);
