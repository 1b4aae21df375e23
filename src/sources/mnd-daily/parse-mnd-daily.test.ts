import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { isVigilError } from '../../errors/index.js';
import { parseMndDaily } from './parse-mnd-daily.js';

const fixture = readFileSync(new URL('../../../test/fixtures/sources/mnd-daily/reports.csv', import.meta.url), 'utf8');
const parse = (text: string) => parseMndDaily(text, { file: 'reports.csv' });

function messageOf(text: string): string {
  try {
    parseMndDaily(text, { file: 'bad.csv' });
  } catch (error) {
    if (!isVigilError(error) || error.code !== 'VIGIL_INPUT_INVALID') throw error;
    return error.message;
  }
  throw new Error('expected a parse error');
}

describe('parseMndDaily', () => {
  const observations = parse(fixture);

  it('reads the fixture (BOM, CRLF, columns out of order, blank and multi-line rows)', () => {
    expect(observations).toHaveLength(14);
    expect(observations.map((o) => o.series)).toEqual([
      'mnd.aircraft.total',
      'mnd.aircraft.median_line',
      'mnd.ships.plan',
      'mnd.ships.official',
      'mnd.aircraft.total',
      'mnd.aircraft.median_line',
      'mnd.ships.plan',
      'mnd.aircraft.total',
      'mnd.aircraft.median_line',
      'mnd.ships.plan',
      'mnd.ships.official',
      'mnd.balloons',
      'mnd.ships.plan',
      'mnd.aircraft.adiz',
    ]);
  });

  it('gives a published date the 06:00→06:00 +08:00 period and 09:00 +08:00 publication, graded A1 CLEAR', () => {
    expect(observations[0]).toStrictEqual({
      series: 'mnd.aircraft.total',
      value: 35,
      unit: 'aircraft',
      periodStart: '2024-05-22T22:00:00.000Z',
      periodEnd: '2024-05-23T22:00:00.000Z',
      publishedAt: '2024-05-24T01:00:00.000Z',
      source: 'mnd',
      sourceRef: 'https://example.org/mnd/2024-05-24',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
      attributes: { dateBasis: 'publication', compiler: 'vigil-fixture' },
    });
    expect(observations[1]).toMatchObject({ series: 'mnd.aircraft.median_line', value: 21, unit: 'aircraft' });
    expect(observations[2]).toMatchObject({ series: 'mnd.ships.plan', value: 9, unit: 'ships' });
  });

  it('writes NA as a null observation carrying missing_reason, and nothing for an empty cell', () => {
    const row = observations.slice(4, 7);
    expect(row.map((o) => [o.series, o.value, o.missingReason])).toEqual([
      ['mnd.aircraft.total', null, 'MND site unreachable; figures never published'],
      ['mnd.aircraft.median_line', null, 'MND site unreachable; figures never published'],
      ['mnd.ships.plan', 11, undefined],
    ]);
    expect('missingReason' in row[2]).toBe(false);
    expect('sourceRef' in row[2]).toBe(false);
  });

  it('reads the joint_patrol flag as mnd.joint_patrol (unit flag), empty = not stated', () => {
    const rows = parse('published,aircraft_total,joint_patrol\n2030-04-08,23,1\n2030-04-09,5,0\n2030-04-10,4,\n');
    expect(rows.filter((o) => o.series === 'mnd.joint_patrol').map((o) => [o.publishedAt, o.value, o.unit])).toEqual([
      ['2030-04-08T01:00:00.000Z', 1, 'flag'],
      ['2030-04-09T01:00:00.000Z', 0, 'flag'],
    ]);
  });

  it('keeps a multi-line quoted cell and zero counts', () => {
    const balloons = observations[11];
    expect(balloons).toMatchObject({
      series: 'mnd.balloons',
      value: 0,
      unit: 'balloons',
      publishedAt: '2024-05-26T01:00:00.000Z',
    });
    expect(balloons.attributes).toEqual({ dateBasis: 'activity-shifted', compiler: 'hand typed,\nover two lines' });
  });

  it('takes an instant in published as is, with the default period of its local day', () => {
    expect(observations[12]).toMatchObject({
      series: 'mnd.ships.plan',
      value: 7,
      publishedAt: '2024-05-27T02:30:00.000Z',
      periodStart: '2024-05-25T22:00:00.000Z',
      periodEnd: '2024-05-26T22:00:00.000Z',
      attributes: { dateBasis: 'inferred' },
    });
  });

  it('uses explicit period_start/period_end, normalised to UTC', () => {
    expect(observations[13]).toStrictEqual({
      series: 'mnd.aircraft.adiz',
      value: 4,
      unit: 'aircraft',
      periodStart: '2021-02-27T16:00:00.000Z',
      periodEnd: '2021-02-28T16:00:00.000Z',
      publishedAt: '2021-03-01T01:00:00.000Z',
      source: 'mnd',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
    });
  });

  it('accepts whole numbers written as floats', () => {
    expect(parse('published,aircraft_total\n2024-01-02,12.0\n')[0].value).toBe(12);
  });

  it('is deterministic and independent of column order', () => {
    expect(parse(fixture)).toStrictEqual(observations);
    const a = parse('published,aircraft_total,plan_ships,missing_reason\n2024-01-02,NA,3,late\n');
    const b = parse('missing_reason,plan_ships,published,aircraft_total\r\nlate,3,2024-01-02,NA\r\n');
    expect(b).toStrictEqual(a);
  });

  it('parses 2,500 rows quickly', () => {
    const lines = ['published,aircraft_total,median_line,plan_ships,official_ships,date_basis,source_ref'];
    for (let i = 0; i < 2500; i++) {
      const day = new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
      lines.push(`${day},${i % 50},${i % 9},${i % 11},${i % 4},publication,https://example.org/${i}`);
    }
    const text = lines.join('\n');
    parse(text); // warm up the JIT
    const start = performance.now();
    expect(parse(text)).toHaveLength(10_000);
    // Generous bound for slow CI machines; ~5–10 ms is typical.
    expect(performance.now() - start).toBeLessThan(250);
  });

  describe('rejects', () => {
    const cases: Array<[string, string, string]> = [
      ['a missing published column', 'aircraft_total\n3\n', 'bad.csv:1: published: required column is missing'],
      [
        'an unknown column',
        'published,aircraft_totl\n2024-01-02,3\n',
        'bad.csv:1: aircraft_totl: unknown column; expected published, period_start, period_end, missing_reason, date_basis, source_ref, compiler, aircraft_total, aircraft_adiz, median_line, plan_ships, official_ships, balloons, joint_patrol',
      ],
      [
        'a header without any count column',
        'published,compiler\n2024-01-02,x\n',
        'bad.csv:1: (header): has no count column; expected at least one of aircraft_total, aircraft_adiz, median_line, plan_ships, official_ships, balloons, joint_patrol',
      ],
      ['an empty published cell', 'published,aircraft_total\n,3\n', 'bad.csv:2: published: is required'],
      [
        'a malformed date',
        'published,aircraft_total\n2024/01/02,3\n',
        'bad.csv:2: published: must be a date YYYY-MM-DD or an ISO 8601 instant with a time zone, got "2024/01/02"',
      ],
      [
        'an impossible date',
        'published,aircraft_total\n2023-02-30,3\n',
        'bad.csv:2: published: is not a real calendar date, got "2023-02-30"',
      ],
      [
        'an impossible date in an instant',
        'published,aircraft_total\n2023-02-29T09:00:00+08:00,3\n',
        'bad.csv:2: published: is not a real calendar date, got "2023-02-29T09:00:00+08:00"',
      ],
      [
        'an instant without a time zone',
        'published,aircraft_total\n2024-01-02T09:00:00,3\n',
        'bad.csv:2: published: must be an ISO 8601 instant with a time zone (e.g. 2024-05-24T06:00:00+08:00), got "2024-01-02T09:00:00"',
      ],
      [
        'a negative count',
        'published,aircraft_total\n2024-01-02,-3\n',
        'bad.csv:2: aircraft_total: must not be negative, got "-3"',
      ],
      [
        'a fractional count',
        'published,plan_ships\n2024-01-02,2.5\n',
        'bad.csv:2: plan_ships: must be a whole number, got "2.5"',
      ],
      [
        'a non-numeric count',
        'published,balloons\n2024-01-02,three\n',
        'bad.csv:2: balloons: must be a whole number, NA or empty, got "three"',
      ],
      [
        'a lower-case na',
        'published,balloons\n2024-01-02,na\n',
        'bad.csv:2: balloons: must be a whole number, NA or empty, got "na"',
      ],
      [
        'an absurdly large count',
        'published,balloons\n2024-01-02,99999999999999999\n',
        'bad.csv:2: balloons: is too large, got "99999999999999999"',
      ],
      [
        'NA without missing_reason',
        'published,aircraft_total,median_line,missing_reason\n2024-01-02,3,NA,\n',
        'bad.csv:2: missing_reason: is required when a count is NA (median_line)',
      ],
      [
        'missing_reason without any NA',
        'published,aircraft_total,missing_reason\n2024-01-02,,site down\n',
        'bad.csv:2: missing_reason: is given but no count in the row is NA',
      ],
      [
        'period_start without period_end',
        'published,aircraft_total,period_start\n2024-01-02,3,2024-01-01T06:00:00+08:00\n',
        'bad.csv:2: period_end: is required when period_start is given',
      ],
      [
        'period_end without period_start',
        'published,aircraft_total,period_end\n2024-01-02,3,2024-01-02T06:00:00+08:00\n',
        'bad.csv:2: period_start: is required when period_end is given',
      ],
      [
        'a period that ends before it starts',
        'published,aircraft_total,period_start,period_end\n2024-01-02,3,2024-01-02T06:00:00+08:00,2024-01-01T06:00:00+08:00\n',
        'bad.csv:2: period_end: must be after period_start',
      ],
      [
        'an unknown date_basis',
        'published,aircraft_total,date_basis\n2024-01-02,3,activity\n',
        'bad.csv:2: date_basis: must be one of publication, activity-shifted, inferred, got "activity"',
      ],
      [
        'the same report twice',
        'published,aircraft_total\n2024-01-02,3\n2024-01-03,4\n2024-01-02,5\n',
        'bad.csv:4: published: duplicates line 2',
      ],
      [
        'a bad cell after a multi-line cell, at its physical line',
        'published,compiler,aircraft_total\r\n2024-01-02,"a\r\nb",3\r\n2024-01-03,c,x\r\n',
        'bad.csv:4: aircraft_total: must be a whole number, NA or empty, got "x"',
      ],
    ];
    it.each(cases)('%s', (_name, text, message) => {
      expect(messageOf(text)).toBe(message);
    });
  });
});

runSourceParserContract('mnd-daily', {
  fixtures: [new URL('../../../test/fixtures/sources/mnd-daily/reports.csv', import.meta.url)],
  extension: '.csv',
  badInputs: [
    { name: 'a missing published column', text: 'aircraft_total\n3\n' },
    { name: 'an unknown column', text: 'published,aircraft_totl\n2024-01-02,3\n' },
  ],
});
