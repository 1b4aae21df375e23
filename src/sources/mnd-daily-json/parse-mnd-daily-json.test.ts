import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseMndDailyJson } from './parse-mnd-daily-json.js';

const read = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/sources/mnd-daily-json/${name}`, import.meta.url), 'utf8');
const parse = (text: string) => parseMndDailyJson(text, { file: 'day.json' });

function messageOf(text: string): string {
  try {
    parseMndDailyJson(text, { file: 'bad.json' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

const REPORT = {
  date: '2026-01-02',
  period: { start: '2026-01-01T06:00:00+08:00', end: '2026-01-02T06:00:00+08:00' },
  aircraft: { total: 5, crossed_median: 2, entered_adiz: 3, adiz_regions: ['north'] },
  vessels: { naval: 7, official: 1 },
  source_url: 'https://www.mnd.gov.tw/news/plaact/1',
};
const variant = (patch: (r: Record<string, unknown>) => void) => {
  const copy = structuredClone(REPORT) as unknown as Record<string, unknown>;
  patch(copy);
  return JSON.stringify(copy, null, 2);
};

describe('parseMndDailyJson', () => {
  const observations = parse(read('2026-08-22.json'));

  it('writes the five counts and one flag per ADIZ region, with the explicit period', () => {
    expect(observations.map((o) => [o.series, o.value])).toEqual([
      ['mnd.aircraft.total', 3],
      ['mnd.aircraft.median_line', 3],
      ['mnd.aircraft.adiz', 3],
      ['mnd.ships.plan', 8],
      ['mnd.ships.official', 7],
      ['mnd.adiz.region.north', 1],
      ['mnd.adiz.region.central', 0],
      ['mnd.adiz.region.southwest', 1],
      ['mnd.adiz.region.south', 0],
      ['mnd.adiz.region.southeast', 0],
      ['mnd.adiz.region.east', 0],
    ]);
    expect(observations[0]).toStrictEqual({
      series: 'mnd.aircraft.total',
      value: 3,
      unit: 'aircraft',
      periodStart: '2026-08-20T22:00:00.000Z',
      periodEnd: '2026-08-21T22:00:00.000Z',
      publishedAt: '2026-08-22T01:00:00.000Z',
      source: 'mnd',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
      sourceRef: 'https://www.mnd.gov.tw/news/plaact/87505',
      attributes: { compiler: 'madeye' },
    });
    expect(observations[5]).toMatchObject({ unit: 'flag', periodStart: '2026-08-20T22:00:00.000Z' });
  });

  it('reads a report with no ADIZ entries as zero flags', () => {
    const day = parse(read('2025-12-29.json'));
    expect(day.filter((o) => o.series.startsWith('mnd.adiz.region.')).every((o) => o.value === 0)).toBe(true);
    expect(day.find((o) => o.series === 'mnd.ships.official')?.value).toBe(2);
  });

  it('keeps a part larger than the total as published, flagged (the source says 0 aircraft, 2 in the ADIZ)', () => {
    const day = parse(
      variant((r) =>
        Object.assign(r.aircraft as Record<string, unknown>, { total: 0, crossed_median: 0, entered_adiz: 2 }),
      ),
    );
    expect(day.find((o) => o.series === 'mnd.aircraft.adiz')).toMatchObject({
      value: 2,
      attributes: { compiler: 'madeye', sourceInconsistency: 'entered_adiz 2 > total 0' },
    });
    expect(day.every((o) => o.attributes?.sourceInconsistency === 'entered_adiz 2 > total 0')).toBe(true);
  });

  it('is deterministic, and leaves out counts and regions a report does not state', () => {
    expect(parse(read('2026-08-22.json'))).toStrictEqual(observations);
    const sparse = parse(
      variant((r) => {
        delete (r.aircraft as Record<string, unknown>).adiz_regions;
        (r.vessels as Record<string, unknown>).official = null;
        delete r.source_url;
      }),
    );
    expect(sparse.map((o) => o.series)).toEqual([
      'mnd.aircraft.total',
      'mnd.aircraft.median_line',
      'mnd.aircraft.adiz',
      'mnd.ships.plan',
    ]);
    expect('sourceRef' in sparse[0]).toBe(false);
  });

  it.each([
    ['not JSON', '{"date": }', 'bad.json:1: (json): is not valid JSON: unexpected "}"'],
    [
      'an unknown top-level field',
      variant((r) => (r.extra = 1)),
      'bad.json:20: extra: unknown field; expected date, period, aircraft, vessels, map_image, positions, source_url',
    ],
    ['a missing date', variant((r) => delete r.date), 'bad.json:1: date: is required'],
    [
      'a malformed date',
      variant((r) => (r.date = '2026/01/02')),
      'bad.json:2: date: must be a date YYYY-MM-DD, got "2026/01/02"',
    ],
    [
      'an impossible date',
      variant((r) => (r.date = '2026-02-30')),
      'bad.json:2: date: is not a real calendar date, got "2026-02-30"',
    ],
    [
      'a period without a zone',
      variant((r) => ((r.period as Record<string, unknown>).start = '2026-01-01T06:00:00')),
      'bad.json:4: period.start: must be an ISO 8601 instant with a time zone (e.g. 2026-08-21T06:00:00+08:00), got "2026-01-01T06:00:00"',
    ],
    [
      'a period that ends before it starts',
      variant((r) => ((r.period as Record<string, unknown>).end = '2025-12-31T06:00:00+08:00')),
      'bad.json:5: period.end: must be after period.start',
    ],
    [
      'a publication date before the period ends',
      variant((r) => (r.date = '2026-01-01')),
      'bad.json:2: date: is before the end of the period (2026-01-02T06:00:00+08:00)',
    ],
    [
      'a fractional count',
      variant((r) => ((r.aircraft as Record<string, unknown>).total = 2.5)),
      'bad.json:8: aircraft.total: must be a whole number, got 2.5',
    ],
    [
      'a negative count',
      variant((r) => ((r.vessels as Record<string, unknown>).naval = -1)),
      'bad.json:16: vessels.naval: must not be negative, got -1',
    ],
    [
      'a count as text',
      variant((r) => ((r.vessels as Record<string, unknown>).naval = '7')),
      'bad.json:16: vessels.naval: must be a whole number, got a string "7"',
    ],
    [
      'an unknown region',
      variant((r) => ((r.aircraft as Record<string, unknown>).adiz_regions = ['north', 'west'])),
      'bad.json:13: aircraft.adiz_regions[1]: unknown ADIZ region "west"; expected north, central, southwest, south, southeast, east',
    ],
    [
      'a region listed twice',
      variant((r) => ((r.aircraft as Record<string, unknown>).adiz_regions = ['north', 'north'])),
      'bad.json:13: aircraft.adiz_regions[1]: region "north" is listed twice',
    ],
    [
      'an unknown aircraft field',
      variant((r) => ((r.aircraft as Record<string, unknown>).drones = 1)),
      'bad.json:14: aircraft.drones: unknown field; expected total, crossed_median, entered_adiz, adiz_regions',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('mnd-daily-json', {
  fixtures: ['2026-08-22.json', '2025-12-29.json'].map(
    (f) => new URL(`../../../test/fixtures/sources/mnd-daily-json/${f}`, import.meta.url),
  ),
  extension: '.json',
  badInputs: [
    { name: 'truncated JSON', text: '{"date": "2026-01-02",' },
    { name: 'a negative count', text: variant((r) => ((r.vessels as Record<string, unknown>).naval = -1)) },
  ],
});

const SHARED = new URL('../../../../shared/data/madeye-taiwan-strait-monitor/daily/', import.meta.url);

// The repository keeps two of madeye's 316 daily files; when ../shared is present, check all of them.
describe.skipIf(!existsSync(SHARED))(
  'parseMndDailyJson on all shared madeye files (skipped: ../shared/data not present)',
  () => {
    it('reads all 316 reports; one (2026-08-11) is flagged for an ADIZ count above its total', () => {
      const files = readdirSync(SHARED).filter((f) => f.endsWith('.json'));
      expect(files).toHaveLength(316);
      const observations = files.flatMap((f) =>
        parseMndDailyJson(readFileSync(new URL(f, SHARED), 'utf8'), { file: f }),
      );
      expect(observations.filter((o) => o.series === 'mnd.aircraft.total')).toHaveLength(316);
      expect(new Set(observations.filter((o) => o.attributes?.sourceInconsistency).map((o) => o.periodEnd))).toEqual(
        new Set(['2026-08-10T22:00:00.000Z']),
      );
    });
  },
);
