import { readdirSync, readFileSync } from 'node:fs';
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
  'naval-transits': 'naval-transits/strait-transits-raw.csv',
  'mnd-bulletin-g0v': 'mnd-bulletin-g0v/announcements.jsonl',
  'mnd-bulletin-page': 'mnd-bulletin-page/plaact-90001.html',
  'mnd-daily-json': 'mnd-daily-json/2026-08-22.json',
  'mnd-lioneer': 'mnd-lioneer/synthetic-lioneer.csv',
  'mnd-crawler': 'mnd-crawler/synthetic-reports.csv',
  'mfa-spokesperson': 'mfa-spokesperson/pages.jsonl',
  'msa-warnings': 'msa-warnings/military_exercises.csv',
  'jso-releases': 'jso-releases/japan_mod_texts.json',
  'jso-twreporter': 'jso-twreporter/jp_data_cleaned.csv',
  'news-json': 'news-json/synthetic-news.json',
  'news-posts': 'news-posts/2030-04-07-strait-thunder-2030a-begins.md',
  'news-feed': 'news-feed/rss.xml',
  'gdelt-events': 'gdelt-events/20300402.export.CSV',
};

describe('source parser registry', () => {
  it('keys every parser by its own kind', () => {
    expect(Object.keys(sourceParsers).sort()).toEqual(Object.keys(FIXTURES).sort());
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
    expect((thrown as Error).message).toBe(
      `unknown ingest kind "mnd-csv"; known kinds: ${Object.keys(FIXTURES).sort().join(', ')}`,
    );
    expect(() => getSourceParser('toString')).toThrow('unknown ingest kind "toString"');
  });

  it.each(Object.entries(FIXTURES))(
    '%s: the fixture gives schema-valid observations with UTC instants',
    (kind, path) => {
      const text = readFileSync(new URL(`../../test/fixtures/sources/${path}`, import.meta.url), 'utf8');
      const observations = getSourceParser(kind).parse(text, { file: path });
      expect(observations.length).toBeGreaterThan(0);
      for (const observation of observations) {
        // Validating again changes nothing: parsers emit exactly what the schema would.
        expect(parseObservationInput(structuredClone(observation), path)).toStrictEqual(observation);
      }
    },
  );
});

describe('source parser contract coverage', () => {
  // Every registered kind runs the shared contract: a new line in registry.ts without a contract run fails here.
  const sourcesDir = new URL('./', import.meta.url);
  const contractRuns = new Set<string>();
  for (const entry of readdirSync(sourcesDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.test.ts')) continue;
    const text = readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8');
    for (const m of text.matchAll(/runSourceParserContract\('([^']+)'/g)) contractRuns.add(m[1]);
  }

  it.each(Object.keys(sourceParsers).sort())('%s runs the source parser contract', (kind) => {
    expect(contractRuns.has(kind)).toBe(true);
  });
});
