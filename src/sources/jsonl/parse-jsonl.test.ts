import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseJsonl } from './parse-jsonl.js';

const fixture = readFileSync(
  new URL('../../../test/fixtures/sources/jsonl/observations.jsonl', import.meta.url),
  'utf8',
);
const parse = (text: string) => parseJsonl(text, { file: 'observations.jsonl' });
const valid = {
  series: 'acme.vessels.count',
  value: 3,
  unit: 'ships',
  periodStart: '2024-05-23T22:00:00Z',
  periodEnd: '2024-05-24T22:00:00Z',
  publishedAt: '2024-05-25T01:00:00Z',
  source: 'acme',
  reliability: 'B',
  credibility: 2,
  tlp: 'clear',
};
const line = (fields: Record<string, unknown>) => JSON.stringify({ ...valid, ...fields });

function messageOf(text: string): string {
  try {
    parseJsonl(text, { file: 'bad.jsonl' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseJsonl', () => {
  const observations = parse(fixture);

  it('reads one observation per non-blank line (CRLF), with instants normalised to UTC', () => {
    expect(observations).toHaveLength(3);
    expect(observations[0]).toStrictEqual({
      series: 'acme.vessels.count',
      value: 4,
      unit: 'ships',
      periodStart: '2024-05-23T22:00:00.000Z',
      periodEnd: '2024-05-24T22:00:00.000Z',
      publishedAt: '2024-05-25T01:00:00.000Z',
      source: 'analyst:alice',
      reliability: 'B',
      credibility: 2,
      tlp: 'amber',
      attributes: { area: 'north', verified: true },
    });
    expect(observations[1]).toMatchObject({ value: null, missingReason: 'sensor outage', tlp: 'green' });
    expect(observations[2]).toMatchObject({
      subject: 'inc-7',
      geometry: { type: 'Point', coordinates: [121.5, 25.0] },
      periodStart: '2024-05-24T19:00:00.000Z',
      periodEnd: '2024-05-24T19:00:00.000Z',
      retrievedAt: '2024-05-24T21:00:00.000Z',
      sourceRef: 'https://example.org/incidents/7',
    });
  });

  it('accepts a BOM, an empty file and a missing final newline', () => {
    expect(parse(`\uFEFF${line({})}`)).toHaveLength(1);
    expect(parse('')).toEqual([]);
    expect(parse('\n  \r\n')).toEqual([]);
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    [
      'invalid JSON, at its physical line',
      `${line({})}\r\n\r\n{"series":`,
      'bad.jsonl:3: (json): is not valid JSON: unexpected end of input',
    ],
    ['a line that is not an object', '[1,2]', 'bad.jsonl:1: (record): Invalid input: expected object, received array'],
    [
      'a field of the wrong kind',
      line({ reliability: 'Z' }),
      'bad.jsonl:1: reliability: Invalid option: expected one of "A"|"B"|"C"|"D"|"E"|"F"',
    ],
    [
      'a bad series name',
      line({ series: 'Acme Vessels' }),
      'bad.jsonl:1: series: must be dotted lower-case words, e.g. mnd.aircraft.total',
    ],
    [
      'an instant without a time zone',
      line({ publishedAt: '2024-05-25T01:00:00' }),
      'bad.jsonl:1: publishedAt: must be an ISO 8601 instant with a time zone, e.g. 2024-05-24T06:00:00+08:00',
    ],
    [
      'an impossible calendar date in an instant',
      line({ periodEnd: '2023-02-30T00:00:00Z' }),
      'bad.jsonl:1: periodEnd: is not a real date and time',
    ],
    [
      'null without missingReason',
      line({ value: null }),
      'bad.jsonl:1: missingReason: is required when value is null (missing is never zero)',
    ],
    ['an unknown field', line({ colour: 'red' }), 'bad.jsonl:1: (record): Unrecognized key: "colour"'],
    [
      'a missing field',
      JSON.stringify({ ...valid, unit: undefined }),
      'bad.jsonl:1: unit: Invalid input: expected string, received undefined',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('jsonl', {
  fixtures: [new URL('../../../test/fixtures/sources/jsonl/observations.jsonl', import.meta.url)],
  extension: '.jsonl',
  badInputs: [
    { name: 'invalid JSON', text: '{"series":' },
    { name: 'a field of the wrong kind', text: line({ reliability: 'Z' }) },
  ],
});
