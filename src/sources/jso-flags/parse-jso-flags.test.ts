import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseJsoFlags } from './parse-jso-flags.js';

const fixture = readFileSync(new URL('../../../test/fixtures/sources/jso-flags/releases.csv', import.meta.url), 'utf8');
const parse = (text: string) => parseJsoFlags(text, { file: 'releases.csv' });
const HEADER = 'date,air,joint_exercise,ship_transit,carrier,yonaguni,miyako,osumi,tsushima,inbound,outbound';

function messageOf(text: string): string {
  try {
    parseJsoFlags(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseJsoFlags', () => {
  const observations = parse(fixture);

  it('writes one observation per stated flag (empty = not stated)', () => {
    expect(observations).toHaveLength(24);
    expect(observations.slice(10, 14).map((o) => [o.series, o.value])).toEqual([
      ['jso.ship_transit', 1],
      ['jso.carrier', 1],
      ['jso.miyako', 1],
      ['jso.outbound', 1],
    ]);
    expect(new Set(observations.map((o) => o.series)).size).toBe(10);
  });

  it('covers the local day, published 18:00 +08:00, graded A2 CLEAR, country as an attribute', () => {
    expect(observations[0]).toStrictEqual({
      series: 'jso.air',
      value: 1,
      unit: 'flag',
      periodStart: '2025-03-02T16:00:00.000Z',
      periodEnd: '2025-03-03T16:00:00.000Z',
      publishedAt: '2025-03-03T10:00:00.000Z',
      source: 'jso',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
      attributes: { country: 'china' },
    });
    expect(observations[10].attributes).toEqual({ country: 'both' });
    expect(observations[14]).toMatchObject({ series: 'jso.air', value: 0, periodStart: '2025-03-06T16:00:00.000Z' });
    expect('attributes' in observations[14]).toBe(false);
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it('dates activity rows by the activity day, known at 23:59 local the day after (never on the day itself)', () => {
    const rows = parse(`${HEADER},date_basis\n2024-10-13,,,1,1,,1,,,1,,activity\n2024-10-14,1,,,,,,,,,,release\n`);
    expect(rows[0]).toStrictEqual({
      series: 'jso.ship_transit',
      value: 1,
      unit: 'flag',
      periodStart: '2024-10-12T16:00:00.000Z',
      periodEnd: '2024-10-13T16:00:00.000Z',
      publishedAt: '2024-10-14T15:59:00.000Z',
      source: 'jso',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
      attributes: { dateBasis: 'activity' },
    });
    expect(rows.at(-1)).toMatchObject({ series: 'jso.air', publishedAt: '2024-10-14T10:00:00.000Z' });
    expect('attributes' in rows.at(-1)!).toBe(false);
    expect(messageOf(`${HEADER},date_basis\n2024-10-13,1,,,,,,,,,,publication\n`)).toBe(
      'bad.csv:2: date_basis: must be one of release, activity, got "publication"',
    );
  });

  it('keeps Russian-only rows apart (jso.russia.<flag>), with the PLA flags at 0 that day', () => {
    const russian = parse(
      `${HEADER},country\n2026-02-16,0,0,1,0,1,0,0,0,0,1,russia\n2026-02-17,0,0,1,0,1,0,0,0,0,1,both\n`,
    );
    expect(russian.filter((o) => o.value === 1).map((o) => o.series)).toEqual([
      'jso.russia.ship_transit',
      'jso.russia.yonaguni',
      'jso.russia.outbound',
      'jso.ship_transit',
      'jso.yonaguni',
      'jso.outbound',
    ]);
    const pla16 = russian.filter(
      (o) => o.periodStart === '2026-02-15T16:00:00.000Z' && !o.series.startsWith('jso.russia.'),
    );
    expect(pla16).toHaveLength(10);
    expect(pla16.every((o) => o.value === 0)).toBe(true);
  });

  it('accepts a file without the optional country column', () => {
    expect(parse(`${HEADER}\n2025-01-02,1,,,,,,,,,\n`)).toHaveLength(1);
  });

  it.each([
    ['a missing flag column', 'date,air\n2025-01-02,1\n', 'bad.csv:1: joint_exercise: required column is missing'],
    [
      'an unknown column',
      `${HEADER},ship_class\n2025-01-02,1,,,,,,,,,,x\n`,
      'bad.csv:1: ship_class: unknown column; expected date, air, joint_exercise, ship_transit, carrier, yonaguni, miyako, osumi, tsushima, inbound, outbound, country, date_basis',
    ],
    ['an empty date', `${HEADER}\n,1,,,,,,,,,\n`, 'bad.csv:2: date: is required'],
    [
      'a malformed date',
      `${HEADER}\n2025/01/02,1,,,,,,,,,\n`,
      'bad.csv:2: date: must be a date YYYY-MM-DD, got "2025/01/02"',
    ],
    [
      'an impossible date',
      `${HEADER}\n2025-02-29,1,,,,,,,,,\n`,
      'bad.csv:2: date: is not a real calendar date, got "2025-02-29"',
    ],
    ['a bad flag value', `${HEADER}\n2025-01-02,1,,,,,2,,,,\n`, 'bad.csv:2: miyako: must be 0, 1 or empty, got "2"'],
    [
      'an unknown country',
      `${HEADER},country\n2025-01-02,1,,,,,,,,,,China\n`,
      'bad.csv:2: country: must be one of china, russia, both, got "China"',
    ],
    [
      'the same day twice',
      `${HEADER}\n2025-01-02,1,,,,,,,,,\n2025-01-02,0,,,,,,,,,\n`,
      'bad.csv:3: date: duplicates line 2',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('jso-flags', {
  fixtures: [new URL('../../../test/fixtures/sources/jso-flags/releases.csv', import.meta.url)],
  extension: '.csv',
  badInputs: [
    { name: 'a malformed date', text: `${HEADER}\n2025/01/02,1,,,,,,,,,\n` },
    { name: 'a bad flag value', text: `${HEADER}\n2025-01-02,1,,,,,2,,,,\n` },
  ],
});
