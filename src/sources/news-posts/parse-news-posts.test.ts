import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseNewsPost } from './parse-news-posts.js';

const dir = new URL('../../../test/fixtures/sources/news-posts/', import.meta.url);
const FIXTURES = ['2030-04-07-strait-thunder-2030a-begins.md', '2030-04-08-routine-activity.md'].map(
  (f) => new URL(f, dir),
);
const read = (url: URL) => readFileSync(url, 'utf8');
const post = (front: string, body = 'Body.') => `---\n${front}\n---\n${body}\n`;

function messageOf(text: string): string {
  try {
    parseNewsPost(text, { file: 'bad.md' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseNewsPost', () => {
  it('writes a news.alert with the severity, and news.<category> events from the text, graded D4', () => {
    const observations = parseNewsPost(read(FIXTURES[0]), { file: 'posts/2030-04-07-strait-thunder-2030a-begins.md' });
    expect(observations.map((o) => o.series)).toEqual(['news.alert', 'news.named-exercise', 'news.carrier']);
    expect(observations[0]).toStrictEqual({
      series: 'news.alert',
      subject: expect.stringMatching(/^[0-9a-f]{16}$/),
      value: 1,
      unit: 'posts',
      text: 'SYNTHETIC: PLA Announces Strait Thunder-2030A Around Taiwan',
      periodStart: '2030-04-06T16:00:00.000Z',
      periodEnd: '2030-04-07T16:00:00.000Z',
      publishedAt: '2030-04-07T15:59:00.000Z',
      source: 'news:taiwannewsalerts',
      sourceRef: 'taiwannewsalerts:2030-04-07-strait-thunder-2030a-begins.md',
      reliability: 'D',
      credibility: 4,
      tlp: 'clear',
      attributes: { severity: 'critical', type: 'military', layout: 'post', tags: 'pla,exercise,blockade' },
    });
    expect(observations[1].attributes).toMatchObject({ exercise: 'strait-thunder', outlet: 'taiwannewsalerts' });
  });

  it('takes a bare date as 23:59 local, and writes only the alert for a post without PLA activity categories', () => {
    const observations = parseNewsPost(read(FIXTURES[1]), { file: '2030-04-08-routine-activity.md' });
    expect(observations.map((o) => [o.series, o.publishedAt, o.attributes?.severity])).toEqual([
      ['news.alert', '2030-04-08T15:59:00.000Z', 'routine'],
    ]);
  });

  it.each([
    ['no front matter', 'Just text', 'bad.md:1: (front matter): a post must open with a "---" line'],
    ['an unclosed front matter', '---\ntitle: x\n', 'bad.md:1: (front matter): is never closed by a "---" line'],
    [
      'invalid YAML',
      post('title: "x\ndate: 2030-01-01'),
      'bad.md:3: (front matter): is not valid YAML: Missing closing "quote',
    ],
    ['a list instead of fields', post('- a\n- b'), 'bad.md:2: (front matter): must be a mapping of fields'],
    ['a missing title', post('date: 2030-01-01'), 'bad.md:2: title: is required'],
    ['a missing date', post('title: x\nseverity: intel'), 'bad.md:2: date: is required'],
    [
      'a malformed date',
      post('title: x\ndate: 01/02/2030'),
      'bad.md:3: date: must be a date like "2025-12-14 23:59:00 +0800", got "01/02/2030"',
    ],
    [
      'an impossible date',
      post('title: x\ndate: 2030-02-30 10:00:00 +0800'),
      'bad.md:3: date: must be a date like "2025-12-14 23:59:00 +0800", got "2030-02-30 10:00:00 +0800"',
    ],
    [
      'an impossible time',
      post('title: x\ndate: 2030-02-03 25:00:00 +0800'),
      'bad.md:3: date: is not a real time, got "2030-02-03 25:00:00 +0800"',
    ],
    [
      'a severity that is not a word',
      post('title: x\ndate: 2030-01-01\nseverity: Very High'),
      'bad.md:4: severity: must be one lower-case word, got "Very High"',
    ],
    [
      'tags that are not a list',
      post('title: x\ndate: 2030-01-01\ntags: {a: 1}'),
      'bad.md:4: tags: must be a list of words',
    ],
    [
      'a key twice',
      post('title: x\ntitle: y\ndate: 2030-01-01'),
      'bad.md:3: (front matter): is not valid YAML: Map keys must be unique',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('news-posts', {
  fixtures: FIXTURES,
  extension: '.md',
  badInputs: [
    { name: 'a missing title', text: post('date: 2030-01-01') },
    { name: 'no front matter', text: 'plain text' },
  ],
});

const SHARED = new URL('../../../../shared/data/taiwannewsalerts/_posts/', import.meta.url);

// The real posts have no licence, so they are not in the repository; when ../shared is present, check the parser on them.
describe.skipIf(!existsSync(SHARED))('parseNewsPost on the shared posts (skipped: ../shared/data not present)', () => {
  it('reads all 52 daily and 8 weekly posts', () => {
    const files = [
      ...readdirSync(SHARED)
        .filter((f) => f.endsWith('.md'))
        .map((f) => new URL(f, SHARED)),
      ...readdirSync(new URL('weekly/', SHARED))
        .filter((f) => f.endsWith('.md'))
        .map((f) => new URL(`weekly/${f}`, SHARED)),
    ];
    expect(files).toHaveLength(60);
    const alerts = files
      .flatMap((f) => parseNewsPost(readFileSync(f, 'utf8'), { file: f.pathname }))
      .filter((o) => o.series === 'news.alert');
    expect(alerts).toHaveLength(60);
  });
});
