import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseMndLioneer } from './parse-mnd-lioneer.js';

const fixture = readFileSync(
  new URL('../../../test/fixtures/sources/mnd-lioneer/synthetic-lioneer.csv', import.meta.url),
  'utf8',
);
const parse = (text: string) => parseMndLioneer(text, { file: 'records.csv' });
const HEADER =
  'date,aircraft_total,median_line_cross,cross_rate,aircraft_type,ships_total,activity_start,activity_end,special_event';

function messageOf(text: string): string {
  try {
    parseMndLioneer(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseMndLioneer', () => {
  const observations = parse(fixture);

  it('writes total, median-line crossings, and balloons only where the MND balloon sentence gives a count', () => {
    expect(observations.map((o) => [o.series, o.value, o.periodEnd.slice(0, 10)])).toEqual([
      ['mnd.aircraft.total', 7, '2029-12-31'],
      ['mnd.aircraft.median_line', 2, '2029-12-31'],
      ['mnd.balloons', 3, '2029-12-31'],
      ['mnd.aircraft.total', 0, '2030-01-01'],
      ['mnd.aircraft.median_line', 0, '2030-01-01'],
      ['mnd.aircraft.total', 12, '2030-01-02'],
      ['mnd.aircraft.median_line', 12, '2030-01-02'],
      ['mnd.aircraft.total', 4, '2030-01-03'],
      ['mnd.aircraft.median_line', 0, '2030-01-03'],
    ]);
  });

  it('takes date as the publication date (06:00→06:00 period, 09:00 publication), graded A2 CLEAR', () => {
    expect(observations[0]).toStrictEqual({
      series: 'mnd.aircraft.total',
      value: 7,
      unit: 'aircraft',
      periodStart: '2029-12-30T22:00:00.000Z',
      periodEnd: '2029-12-31T22:00:00.000Z',
      publishedAt: '2030-01-01T01:00:00.000Z',
      source: 'mnd',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
      attributes: { compiler: 'lioneer', dateBasis: 'inferred', aircraftMix: 'manned' },
    });
    expect(observations[5].attributes).toEqual({
      compiler: 'lioneer',
      dateBasis: 'inferred',
      aircraftMix: 'mixed',
      activityStart: '08:15',
      activityEnd: '16:40',
    });
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    [
      'a missing column',
      'date,aircraft_total\n2030-01-01,3\n',
      'bad.csv:1: median_line_cross: required column is missing',
    ],
    [
      'an unknown column',
      'date,aircraft_total,median_line_cross,notes\n2030-01-01,3,1,x\n',
      `bad.csv:1: notes: unknown column; expected ${HEADER.split(',').join(', ')}`,
    ],
    [
      'a malformed date',
      `${HEADER}\n01/01/2030,3,1,,,,,,\n`,
      'bad.csv:2: date: must be a date YYYY-MM-DD, got "01/01/2030"',
    ],
    [
      'the same date twice',
      `${HEADER}\n2030-01-01,3,1,,,,,,\n2030-01-01,4,1,,,,,,\n`,
      'bad.csv:3: date: duplicates line 2',
    ],
    [
      'a negative total',
      `${HEADER}\n2030-01-01,-3,1,,,,,,\n`,
      'bad.csv:2: aircraft_total: must not be negative, got "-3"',
    ],
    [
      'NA as a count',
      `${HEADER}\n2030-01-01,NA,1,,,,,,\n`,
      'bad.csv:2: aircraft_total: must be a whole number or empty, got "NA"',
    ],
    [
      'more crossings than aircraft',
      `${HEADER}\n2030-01-01,3,4,,,,,,\n`,
      'bad.csv:2: median_line_cross: must not exceed aircraft_total (3)',
    ],
    [
      'a rate over 100',
      `${HEADER}\n2030-01-01,3,1,133,,,,,\n`,
      'bad.csv:2: cross_rate: must be a percentage 0–100 or empty, got "133"',
    ],
    [
      'an unknown aircraft_type',
      `${HEADER}\n2030-01-01,3,1,,jets,,,,\n`,
      'bad.csv:2: aircraft_type: must be one of manned, mixed, uav, helicopter, zero (any case), got "jets"',
    ],
    [
      'zero with aircraft',
      `${HEADER}\n2030-01-01,3,1,,Zero,,,,\n`,
      'bad.csv:2: aircraft_type: is zero but aircraft_total is 3',
    ],
    [
      'a type with no aircraft',
      `${HEADER}\n2030-01-01,0,0,,manned,,,,\n`,
      'bad.csv:2: aircraft_type: is "manned" but aircraft_total is 0',
    ],
    [
      'a bad ships_total',
      `${HEADER}\n2030-01-01,3,1,,,many,,,\n`,
      'bad.csv:2: ships_total: must be a whole number, NA or empty, got "many"',
    ],
    [
      'a bad activity time',
      `${HEADER}\n2030-01-01,3,1,,,,0815,,\n`,
      'bad.csv:2: activity_start: must be a local time HH:MM or empty, got "0815"',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

const SHARED = new URL('../../../../shared/data/lioneer-pla-tracker/records.csv', import.meta.url);

// The real file has no licence, so it is not in the repository; when ../shared is present, check the parser on it.
describe.skipIf(!existsSync(SHARED))(
  'parseMndLioneer on the shared lioneer file (skipped: ../shared/data not present)',
  () => {
    it('reads all 123 reports and the 24 balloon counts', () => {
      const observations = parseMndLioneer(readFileSync(SHARED, 'utf8'), { file: 'records.csv' });
      expect(observations.filter((o) => o.series === 'mnd.aircraft.total')).toHaveLength(123);
      expect(observations.filter((o) => o.series === 'mnd.balloons')).toHaveLength(24);
    });
  },
);

runSourceParserContract('mnd-lioneer', {
  fixtures: [new URL('../../../test/fixtures/sources/mnd-lioneer/synthetic-lioneer.csv', import.meta.url)],
  extension: '.csv',
  badInputs: [
    { name: 'a bad count on line 3', text: `${HEADER}\n2030-01-01,3,1,,,,,,\n2030-01-02,x,1,,,,,,\n` },
    { name: 'an unknown column', text: 'date,aircraft_total,median_line_cross,extra\n' },
  ],
});
