import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseTransits } from './parse-transits.js';

const fixture = readFileSync(new URL('../../../test/fixtures/sources/transits/transits.csv', import.meta.url), 'utf8');
const parse = (text: string) => parseTransits(text, { file: 'transits.csv' });
const HEADER = 'date,country,hull_number,ship_type,date_precision';
const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function messageOf(text: string): string {
  try {
    parseTransits(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseTransits', () => {
  const observations = parse(fixture);

  it('writes one naval.transit.foreign event per row', () => {
    expect(observations).toHaveLength(3);
    expect(
      observations.every((o) => o.series === 'naval.transit.foreign' && o.value === 1 && o.unit === 'events'),
    ).toBe(true);
  });

  it('covers the local day, published 23:59 +08:00, graded B2 CLEAR', () => {
    expect(observations[0]).toStrictEqual({
      series: 'naval.transit.foreign',
      subject: sha16('2024-02-14|US|DDG-00|destroyer'),
      value: 1,
      unit: 'events',
      periodStart: '2024-02-13T16:00:00.000Z',
      periodEnd: '2024-02-14T16:00:00.000Z',
      publishedAt: '2024-02-14T15:59:00.000Z',
      source: 'transits',
      reliability: 'B',
      credibility: 2,
      tlp: 'clear',
      attributes: { country: 'US', datePrecision: 'exact', hullNumber: 'DDG-00', shipType: 'destroyer' },
    });
  });

  it('gives two transits on one day different subjects and leaves out empty cells', () => {
    expect(observations[1].subject).not.toBe(observations[0].subject);
    expect(observations[1].attributes).toEqual({
      country: 'Canada',
      datePrecision: 'approximate',
      shipType: 'frigate',
    });
    expect(observations[2].attributes).toEqual({ country: 'Multi (US+UK)', datePrecision: 'exact' });
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    [
      'a missing column',
      'date,country,ship_type,date_precision\n',
      'bad.csv:1: hull_number: required column is missing',
    ],
    [
      'an unknown column',
      `${HEADER},mission\n2024-02-14,US,,,exact,x\n`,
      'bad.csv:1: mission: unknown column; expected date, country, hull_number, ship_type, date_precision',
    ],
    [
      'an impossible date',
      `${HEADER}\n2024-06-31,US,,,exact\n`,
      'bad.csv:2: date: is not a real calendar date, got "2024-06-31"',
    ],
    [
      'a malformed date',
      `${HEADER}\n2024/06/30,US,,,exact\n`,
      'bad.csv:2: date: must be a date YYYY-MM-DD, got "2024/06/30"',
    ],
    ['an empty country', `${HEADER}\n2024-06-30,,,,exact\n`, 'bad.csv:2: country: is required'],
    ['an empty date_precision', `${HEADER}\n2024-06-30,US,,,\n`, 'bad.csv:2: date_precision: is required'],
    [
      'an unknown date_precision',
      `${HEADER}\n2024-06-30,US,,,range\n`,
      'bad.csv:2: date_precision: must be one of exact, approximate, got "range"',
    ],
    [
      'the same transit twice',
      `${HEADER}\n2024-06-30,US,DDG-1,,exact\n2024-06-30,US,DDG-1,,approximate\n`,
      'bad.csv:3: (row): duplicates line 2',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('transits', {
  fixtures: [new URL('../../../test/fixtures/sources/transits/transits.csv', import.meta.url)],
  extension: '.csv',
  badInputs: [
    { name: 'an impossible date', text: `${HEADER}\n2024-06-31,US,,,exact\n` },
    { name: 'an empty country', text: `${HEADER}\n2024-06-30,,,,exact\n` },
  ],
});
