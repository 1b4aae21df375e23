import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { feedObservations, parseNewsFeed, readFeed } from './parse-news-feed.js';

const dir = new URL('../../../test/fixtures/sources/news-feed/', import.meta.url);
const RSS = new URL('rss.xml', dir);
const ATOM = new URL('atom.xml', dir);
const rssItem = (inner: string) =>
  `<rss version="2.0"><channel><title>T</title><link>https://example.org/</link>\n<item>${inner}</item>\n</channel></rss>`;

function messageOf(text: string): string {
  try {
    parseNewsFeed(text, { file: 'bad.xml' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('news feeds', () => {
  it('reads RSS items: title, link (or permalink guid), date, text without HTML, with their lines', () => {
    const feed = readFeed(readFileSync(RSS, 'utf8'), 'rss.xml');
    expect(feed.outlet).toBe('example.org');
    expect(feed.items).toEqual([
      {
        title: 'PLA aircraft, ships conduct joint combat readiness patrol near Taiwan',
        link: 'https://www.example.org/news/2030/04/02/patrol',
        publishedAt: '2030-04-02T02:30:00.000Z',
        summary:
          'Synthetic: Taiwan detected 21 PLA aircraft and 8 vessels conducting a joint combat readiness patrol .',
        line: 7,
      },
      {
        title: 'Weather: spring rain & fog in Taipei',
        link: 'https://www.example.org/news/2030/04/02/weather',
        publishedAt: '2030-04-02T04:00:00.000Z',
        summary: 'Synthetic: not about the PLA.',
        line: 13,
      },
      {
        title: "China's carrier Fujian sails through the Taiwan Strait",
        link: 'https://www.example.org/news/2030/04/05/fujian',
        publishedAt: '2030-04-05T09:00:00.000Z',
        summary: '',
        line: 19,
      },
    ]);
  });

  it('writes news.<category> events that link to each article', () => {
    const observations = parseNewsFeed(readFileSync(RSS, 'utf8'), { file: 'rss.xml' });
    expect(observations.map((o) => [o.series, o.sourceRef, o.source, o.publishedAt])).toEqual([
      [
        'news.readiness-patrol',
        'https://www.example.org/news/2030/04/02/patrol',
        'news:example.org',
        '2030-04-02T02:30:00.000Z',
      ],
      [
        'news.carrier',
        'https://www.example.org/news/2030/04/05/fujian',
        'news:example.org',
        '2030-04-05T09:00:00.000Z',
      ],
    ]);
    expect(observations[0]).toMatchObject({
      periodStart: '2030-04-01T16:00:00.000Z',
      reliability: 'C',
      credibility: 3,
      unit: 'articles',
    });
  });

  it('reads Atom entries', () => {
    const observations = parseNewsFeed(readFileSync(ATOM, 'utf8'), { file: 'atom.xml' });
    expect(observations).toMatchObject([
      { series: 'news.live-fire', source: 'news:monitor.example.net', publishedAt: '2030-04-07T08:15:00.000Z' },
    ]);
  });

  it('dates an undated item by the retrieval time when the poller gives one, and refuses it otherwise', () => {
    const feed = readFeed(
      rssItem('<title>12 aircraft on a joint combat readiness patrol</title><link>https://example.org/a</link>'),
      'f.xml',
    );
    expect(feedObservations(feed, 'f.xml', { fallbackPublishedAt: '2030-04-09T01:00:00.000Z' })[0].publishedAt).toBe(
      '2030-04-09T01:00:00.000Z',
    );
    expect(() => feedObservations(feed, 'f.xml')).toThrow(
      'f.xml:2: pubDate: is required (the item has no pubDate / published / updated date)',
    );
  });

  it.each([
    [
      'malformed XML',
      '<rss><channel><item></chan></rss>',
      "bad.xml:1: (xml): is not well-formed XML: Expected closing tag 'item' (opened in line 1, col 15) instead of closing tag 'chan'.",
    ],
    [
      'another XML document',
      '<html><body/></html>',
      'bad.xml:1: (xml): is neither an RSS 2.0 <rss><channel> nor an Atom <feed> document',
    ],
    ['an item without title', rssItem('<link>https://example.org/a</link>'), 'bad.xml:2: title: is required'],
    [
      'an item without link',
      rssItem('<title>a</title>'),
      'bad.xml:2: link: is required (every event links to its article)',
    ],
    [
      'a link that is not a URL',
      rssItem('<title>a</title><link>/a</link>'),
      'bad.xml:2: link: must be an http(s) URL, got "/a"',
    ],
    [
      'an unreadable date',
      rssItem('<title>a</title><link>https://example.org/a</link><pubDate>someday</pubDate>'),
      'bad.xml:2: pubDate: is not a date, got "someday"',
    ],
    [
      'the same link twice',
      rssItem(
        '<title>a</title><link>https://example.org/a</link><pubDate>Tue, 02 Apr 2030 10:30:00 +0800</pubDate></item>\n<item><title>b</title><link>https://example.org/a</link><pubDate>Tue, 02 Apr 2030 10:30:00 +0800</pubDate>',
      ),
      'bad.xml:3: link: duplicates the item on line 2',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('news-feed', {
  fixtures: [RSS, ATOM],
  extension: '.xml',
  badInputs: [
    { name: 'malformed XML', text: '<rss><channel>' },
    { name: 'an item without link', text: rssItem('<title>a</title>') },
  ],
});
