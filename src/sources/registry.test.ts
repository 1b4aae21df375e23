import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isVigilError } from '../errors/index.js';
import { parseObservationInput } from '../model/index.js';
import { getSourceParser, sourceParsers } from './registry.js';

const FIXTURES: Record<string, string> = {
  jsonl: 'jsonl/observations.jsonl',
  'mnd-daily': 'mnd-daily/reports.csv',
  'jso-flags': 'jso-flags/releases.csv',
  triggers: 'triggers/triggers.csv',
  transits: 'transits/transits.csv',
};

describe('source parser registry', () => {
  it('keys every parser by its own kind', () => {
    expect(Object.keys(sourceParsers).sort()).toEqual(['jso-flags', 'jsonl', 'mnd-daily', 'transits', 'triggers']);
    for (const [kind, parser] of Object.entries(sourceParsers)) {
      expect(parser.kind).toBe(kind);
      expect(parser.description.length).toBeGreaterThan(10);
      expect(getSourceParser(kind)).toBe(parser);
    }
  });

  it('throws VIGIL_UNKNOWN_KIND for an unknown kind, listing the known ones', () => {
    let thrown: unknown;
    try {
      getSourceParser('mnd-csv');
    } catch (error) {
      thrown = error;
    }
    expect(isVigilError(thrown) && thrown.code).toBe('VIGIL_UNKNOWN_KIND');
    expect((thrown as Error).message).toBe('unknown ingest kind "mnd-csv"; known kinds: jso-flags, jsonl, mnd-daily, transits, triggers');
    expect(() => getSourceParser('toString')).toThrow('unknown ingest kind "toString"');
  });

  it.each(Object.entries(FIXTURES))('%s: the fixture gives schema-valid observations with UTC instants', (kind, path) => {
    const text = readFileSync(new URL(`../../test/fixtures/sources/${path}`, import.meta.url), 'utf8');
    const observations = getSourceParser(kind).parse(text, { file: path });
    expect(observations.length).toBeGreaterThan(0);
    for (const observation of observations) {
      // Validating again changes nothing: parsers emit exactly what the schema would.
      expect(parseObservationInput(structuredClone(observation), path)).toStrictEqual(observation);
    }
  });
});
