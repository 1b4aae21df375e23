import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseTriggers } from './parse-triggers.js';

const fixture = readFileSync(new URL('../../../test/fixtures/sources/triggers/triggers.csv', import.meta.url), 'utf8');
const parse = (text: string) => parseTriggers(text, { file: 'triggers.csv' });
const HEADER = 'date,end_date,category,title,country,source_url,confidence';
const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function messageOf(text: string): string {
  try {
    parseTriggers(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseTriggers', () => {
  const observations = parse(fixture);

  it('writes one event per row on political.trigger.<category>, and one on its sub-kind series where it has one', () => {
    expect(observations.map((o) => o.series)).toEqual([
      'political.trigger.speech',
      'political.trigger.speech.new-year',
      'political.trigger.us-arms-sale',
      'political.trigger.us-arms-sale.small',
      'political.trigger.other',
      'political.trigger.other',
    ]);
    expect(observations[3]).toMatchObject({
      attributes: { subkind: 'small', valueMusd: 180 },
      subject: observations[2].subject,
    });
  });

  it('is never known before known_date', () => {
    expect(observations[5]).toMatchObject({
      periodStart: '2020-08-17T16:00:00.000Z',
      publishedAt: '2020-08-19T16:00:00.000Z',
      attributes: { knownDate: '2020-08-20' },
    });
  });

  it('covers the local day, is known from 00:00 local on its date, subject = hash of date|category|title', () => {
    expect(observations[0]).toStrictEqual({
      series: 'political.trigger.speech',
      subject: sha16('2020-01-01|speech|President Tsai New Year address'),
      value: 1,
      unit: 'events',
      text: 'President Tsai New Year address',
      periodStart: '2019-12-31T16:00:00.000Z',
      periodEnd: '2020-01-01T16:00:00.000Z',
      publishedAt: '2019-12-31T16:00:00.000Z',
      source: 'triggers',
      sourceRef: 'https://www.globalsecurity.org/wmd/library/news/taiwan/2020/taiwan-200101-cna02.htm',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
      attributes: { category: 'speech', confidence: 'high', country: 'Taiwan', subkind: 'new-year' },
    });
    expect(observations[2].text).toBe(
      'US arms sale notified: 18 MK-48 Mod6 heavyweight torpedoes, $180M (DSCA 2020-05-20 US)',
    );
  });

  it('spans an inclusive end_date and grades by confidence (medium B3, low C4)', () => {
    expect(observations[4]).toMatchObject({
      periodStart: '2020-05-21T16:00:00.000Z',
      periodEnd: '2020-05-28T16:00:00.000Z',
      publishedAt: '2020-05-21T16:00:00.000Z',
      reliability: 'B',
      credibility: 3,
      attributes: { category: 'other', confidence: 'medium', country: 'China', endDate: '2020-05-28' },
    });
    expect(observations[5]).toMatchObject({ reliability: 'C', credibility: 4 });
  });

  it('leaves out empty optional cells', () => {
    const [event] = parse(`${HEADER}\n2024-01-13,,election,Election day,,,high\n`);
    expect('sourceRef' in event).toBe(false);
    expect(event.attributes).toEqual({ category: 'election', confidence: 'high' });
  });

  it('is deterministic', () => {
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    [
      'a missing column',
      'date,category,title,country,source_url,confidence\n',
      'bad.csv:1: end_date: required column is missing',
    ],
    [
      'an unknown column',
      `${HEADER},notes\n2024-01-13,,election,E,,,high,x\n`,
      'bad.csv:1: notes: unknown column; expected date, end_date, category, title, country, source_url, confidence, known_date',
    ],
    [
      'a malformed date',
      `${HEADER}\n13/01/2024,,election,E,,,high\n`,
      'bad.csv:2: date: must be a date YYYY-MM-DD, got "13/01/2024"',
    ],
    [
      'an impossible date',
      `${HEADER}\n2024-01-13,2024-02-30,election,E,,,high\n`,
      'bad.csv:2: end_date: is not a real calendar date, got "2024-02-30"',
    ],
    [
      'an end_date before the date',
      `${HEADER}\n2024-01-13,2024-01-12,election,E,,,high\n`,
      'bad.csv:2: end_date: is before date (2024-01-13)',
    ],
    ['an empty category', `${HEADER}\n2024-01-13,,,E,,,high\n`, 'bad.csv:2: category: is required'],
    [
      'a category that is not lower-case words and hyphens',
      `${HEADER}\n2024-01-13,,US arms_sale,E,,,high\n`,
      'bad.csv:2: category: must be lower-case words joined by hyphens (e.g. us-arms-sale), got "US arms_sale"',
    ],
    [
      'a known_date before the date',
      `${HEADER},known_date\n2024-01-13,,election,E,,,high,2024-01-12\n`,
      'bad.csv:2: known_date: is before date (2024-01-13)',
    ],
    ['an empty title', `${HEADER}\n2024-01-13,,election,,,,high\n`, 'bad.csv:2: title: is required'],
    ['an empty confidence', `${HEADER}\n2024-01-13,,election,E,,,\n`, 'bad.csv:2: confidence: is required'],
    [
      'an unknown confidence',
      `${HEADER}\n2024-01-13,,election,E,,,certain\n`,
      'bad.csv:2: confidence: must be one of high, medium, low, got "certain"',
    ],
    [
      'a source_url that is not a URL',
      `${HEADER}\n2024-01-13,,election,E,,www.example.org,high\n`,
      'bad.csv:2: source_url: must be an http(s) URL, got "www.example.org"',
    ],
    [
      'the same event twice',
      `${HEADER}\n2024-01-13,,election,E,,,high\n2024-01-13,,election,E,Taiwan,,low\n`,
      'bad.csv:3: title: duplicates line 2',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('triggers', {
  fixtures: [new URL('../../../test/fixtures/sources/triggers/triggers.csv', import.meta.url)],
  extension: '.csv',
  badInputs: [
    { name: 'a malformed date', text: `${HEADER}\n13/01/2024,,election,E,,,high\n` },
    { name: 'an empty category', text: `${HEADER}\n2024-01-13,,,E,,,high\n` },
  ],
});
