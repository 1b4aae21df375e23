import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseNewsJson } from './parse-news-json.js';

const FIXTURE = new URL('../../../test/fixtures/sources/news-json/synthetic-news.json', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8');
const parse = (text: string) => parseNewsJson(text, { file: 'news.json' });
const item = (article: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  category: 'Military_Exercise',
  original_article: {
    date: '2030-04-02',
    title: 't',
    content: '',
    url: 'https://example.org/1',
    source: 'cna',
    ...article,
  },
  ...extra,
});
const doc = (...items: unknown[]) => JSON.stringify(items, null, 2);

function messageOf(text: string): string {
  try {
    parseNewsJson(text, { file: 'bad.json' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseNewsJson', () => {
  const observations = parse(fixture);

  it('classifies each article and writes one event per category found, nothing for other articles', () => {
    expect(observations.map((o) => [o.series, o.source, o.periodStart.slice(0, 10)])).toEqual([
      ['news.readiness-patrol', 'news:cna', '2030-04-01'],
      ['news.live-fire', 'news:cna', '2030-04-02'],
      ['news.carrier', 'news:naval_transits', '2030-04-04'],
      ['news.named-exercise', 'news:cna', '2030-04-06'],
    ]);
  });

  it('links each event to its article, dates it by the article day (published 23:59 local), graded by outlet', () => {
    expect(observations[0]).toStrictEqual({
      series: 'news.readiness-patrol',
      subject: expect.stringMatching(/^[0-9a-f]{16}$/),
      value: 1,
      unit: 'articles',
      text: '21架次共機越中線配合共艦擾台國軍監控',
      periodStart: '2030-04-01T16:00:00.000Z',
      periodEnd: '2030-04-02T16:00:00.000Z',
      publishedAt: '2030-04-02T15:59:00.000Z',
      source: 'news:cna',
      sourceRef: 'https://example.org/news/cna/20300402-1',
      reliability: 'B',
      credibility: 2,
      tlp: 'clear',
      attributes: { llmCategory: 'Military_Exercise', outlet: 'cna', evidence: '聯合戰備警巡' },
    });
    expect(observations[2]).toMatchObject({ reliability: 'C', credibility: 3, sourceRef: 'naval_transit://2030/4/5' });
    expect(observations[3].attributes).toMatchObject({ exercise: 'strait-thunder' });
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    ['not an array', '{"items": []}', 'bad.json:1: (document): must be an array, got an object'],
    [
      'an unknown item field',
      doc(item({}, { note: 'x' })),
      'bad.json:11: [0].note: unknown field; expected category, is_relevant, country1, country2, sentiment_score, sentiment_label, extracted_data, confidence, original_article',
    ],
    ['a missing article', doc({ category: 'x' }), 'bad.json:2: [0].original_article: is required'],
    [
      'a bad date',
      doc(item({ date: '2030/04/02' })),
      'bad.json:5: [0].original_article.date: must be a real date YYYY-MM-DD, got "2030/04/02"',
    ],
    ['an empty title', doc(item({ title: '' })), 'bad.json:6: [0].original_article.title: must not be empty'],
    ['a missing url', doc(item({ url: undefined })), 'bad.json:4: [0].original_article.url: is required'],
    [
      'an outlet that is not an id',
      doc(item({ source: 'Central News' })),
      'bad.json:9: [0].original_article.source: must be an outlet id (letters, digits, . _ -), got "central news"',
    ],
    [
      'the same article twice',
      doc(item({}), item({})),
      'bad.json:18: [1].original_article.url: duplicates the article on line 8',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('news-json', {
  fixtures: [FIXTURE],
  extension: '.json',
  badInputs: [
    { name: 'a bad date', text: doc(item({ date: 'yesterday' })) },
    { name: 'truncated JSON', text: '[{"category": ' },
  ],
});

const SHARED = new URL('../../../../shared/data/pla-data-dashboard/news_classified.json', import.meta.url);

// The real news file has no licence, so it is not in the repository; when ../shared is present, check the parser on it.
describe.skipIf(!existsSync(SHARED))(
  'parseNewsJson on the shared news file (skipped: ../shared/data not present)',
  () => {
    it('reads all 1,586 items and classifies 19 of them (see scripts/measure-news-classifier.ts)', () => {
      const observations = parseNewsJson(readFileSync(SHARED, 'utf8'), { file: 'news_classified.json' });
      expect(observations).toHaveLength(19);
      expect(new Set(observations.map((o) => o.sourceRef)).size).toBe(19);
    });
  },
);
