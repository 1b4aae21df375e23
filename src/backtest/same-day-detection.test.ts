// Same-day detection on the shipped pack: an announcement ingested at its publication time moves the board that
// same local day, without waiting for the next morning's MND report (fixtures: test/fixtures/same-day/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combineCoverage, declaredCoverage } from '../analysis/coverage.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { withId } from '../model/index.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { msaWarningsParser } from '../sources/msa-warnings/parse-msa-warnings.js';
import { newsFeedParser } from '../sources/news-feed/parse-news-feed.js';
import { parseDay } from '../time/zone.js';
import { replay } from './replay.js';

const pack = loadPack(DEFAULT_PACK);
const bundled = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
const fixture = (name: string) => {
  const file = `test/fixtures/same-day/${name}`;
  return { text: readFileSync(file, 'utf8'), ctx: { file } };
};
const d = parseDay('2023-06-20');
// The feed poller and the MSA scrape have been running for a month (learned coverage, as a live collector records it).
const collected = combineCoverage(declaredCoverage(pack), {
  entries: ['news.named-exercise', 'msa.notice.*'].map((series) => ({
    series,
    windows: [{ from: d - 30, to: Number.POSITIVE_INFINITY }],
    origin: 'learned' as const,
    from: 'fixture collector',
    lastSuccess: d + 1,
  })),
});
const levels = (extra: ReturnType<typeof withId>[]) =>
  replay(pack, [...bundled, ...extra], d - 1, d + 1, { coverage: collected }).map((r) => r.level);

describe('same-day detection', () => {
  const quiet = levels([]);

  it('the fixture day is quiet on the bundled data alone', () => {
    expect(Math.max(...quiet)).toBeLessThanOrEqual(2);
  });

  it('a named-exercise announcement published at 07:45 on D gives ALERT at the end of D', () => {
    const { text, ctx } = fixture('exercise-announcement.xml');
    const news = newsFeedParser.parse(text, ctx).map(withId);
    expect(news.map((o) => [o.series, o.publishedAt])).toEqual([['news.named-exercise', '2023-06-19T23:45:00.000Z']]);
    const [before, onD] = levels(news);
    expect(before).toBe(quiet[0]); // nothing known before publication
    expect(onD).toBeGreaterThanOrEqual(4);
  });

  it('an MSA closure notice within 24 nm of Taiwan raises the level on its publication day', () => {
    const { text, ctx } = fixture('msa-closure-near-taiwan.csv');
    const msa = msaWarningsParser.parse(text, ctx).map(withId);
    expect(msa.filter((o) => o.series.startsWith('msa.notice.')).map((o) => o.series)).toEqual([
      'msa.notice.near-taiwan',
      'msa.notice.close-to-taiwan',
    ]);
    const [before, onD] = levels(msa);
    expect(before).toBe(quiet[0]);
    expect(onD).toBeGreaterThan(quiet[1]);
    expect(onD).toBeGreaterThanOrEqual(3);
  });
});
