import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseMfaSpokesperson } from './parse-mfa-spokesperson.js';
import { hasThreatWording, rhetoricCounts, splitAnswers } from './taiwan-rhetoric.js';

const dir = new URL('../../../test/fixtures/sources/mfa-spokesperson/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const parse = (text: string, file = 'p') => parseMfaSpokesperson(text, { file });
const counts = (text: string) => parse(text).map((o) => [o.series, o.value, o.publishedAt]);

function messageOf(text: string): string {
  try {
    parseMfaSpokesperson(text, { file: 'bad' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('Taiwan rhetoric', () => {
  it('splits a press conference into answers: an opening announcement, then one answer per reporter question', () => {
    const answers = splitAnswers([
      '外长将出席会议。',
      '甲社记者：台湾问题？',
      '发言人：不要玩火。',
      '续答。',
      '问：另一个问题？',
      '答：无可奉告。',
    ]);
    expect(answers).toEqual([
      { question: '', answer: '外长将出席会议。' },
      { question: '甲社记者：台湾问题？', answer: '发言人：不要玩火。\n续答。' },
      { question: '问：另一个问题？', answer: '答：无可奉告。' },
    ]);
  });

  it('counts threat wording only in the answer, and only in Taiwan-related answers', () => {
    expect(rhetoricCounts(['记者：有人说要玩火，台湾如何？', '发言人：台湾是中国的一部分。'])).toEqual({
      taiwanAnswers: 1,
      threatAnswers: 0,
    });
    expect(rhetoricCounts(['记者：某国制裁？', '发言人：我们将坚决反制。'])).toEqual({
      taiwanAnswers: 0,
      threatAnswers: 0,
    });
    expect(hasThreatWording('采取坚决有力的措施')).toBe(true);
    expect(hasThreatWording('我们注意到有关报道')).toBe(false);
  });
});

describe('parseMfaSpokesperson', () => {
  it('reads a page in the current layout: counts, published at its own time stamp (Beijing), the page URL', () => {
    const observations = parse(read('t20300408_90001.html'));
    expect(observations.map((o) => [o.series, o.value])).toEqual([
      ['prc.mfa.taiwan_answers', 2],
      ['prc.mfa.threat_answers', 1],
    ]);
    expect(observations[0]).toMatchObject({
      unit: 'answers',
      periodStart: '2030-04-07T16:00:00.000Z',
      periodEnd: '2030-04-08T16:00:00.000Z',
      publishedAt: '2030-04-08T11:45:00.000Z',
      source: 'mfa',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
      attributes: { kind: 'press-conference' },
      sourceRef: 'https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/203004/t20300408_90001.shtml',
    });
    expect(observations[0].subject).toBe(observations[1].subject);
  });

  it('reads a page in the pre-2021 layout', () => {
    expect(counts(read('t20300409_90002.html'))).toEqual([
      ['prc.mfa.taiwan_answers', 1, '2030-04-09T01:15:00.000Z'],
      ['prc.mfa.threat_answers', 1, '2030-04-09T01:15:00.000Z'],
    ]);
    expect(parse(read('t20300409_90002.html'))[0].attributes).toEqual({ kind: 'statement' });
  });

  it('reads parsed pages as JSON Lines, the same counts as their HTML would give', () => {
    expect(counts(read('pages.jsonl'))).toEqual([
      ['prc.mfa.taiwan_answers', 1, '2030-04-10T10:30:00.000Z'],
      ['prc.mfa.threat_answers', 1, '2030-04-10T10:30:00.000Z'],
      ['prc.mfa.taiwan_answers', 0, '2030-04-11T00:05:00.000Z'],
      ['prc.mfa.threat_answers', 0, '2030-04-11T00:05:00.000Z'],
    ]);
  });

  it.each([
    [
      'a page without a title',
      '<html>\n<body>\n<div id="News_Body_Txt_A"><p>x</p></div>\n</body></html>',
      'bad:2: title: has no article title (id="News_Body_Title", or an <h1> in class="news-title")',
    ],
    [
      'a page with a bad time',
      '<html>\n<div class="title" id="News_Body_Title">T</div>\n<span id="News_Body_Time">2030-02-30 10:00</span>\n<div id="News_Body_Txt_A"><p>x</p></div></html>',
      'bad:3: time: names an impossible time "2030-02-30 10:00"',
    ],
    ['a JSON line that is not JSON', '{"title": ', 'bad:1: (json): is not valid JSON'],
    [
      'a JSON line with an unknown field',
      '{"title": "T", "url": "x"}',
      'bad:1: url: unknown field; expected raw_file, title, publish_time, n_paras, text',
    ],
    [
      'a bad publish_time',
      '{"title": "T", "publish_time": "2030-04-10T18:30", "text": "x"}',
      'bad:1: publish_time: must be "YYYY-MM-DD HH:MM" (Beijing time), got "2030-04-10T18:30"',
    ],
    [
      'an empty text',
      '\n{"title": "T", "publish_time": "2030-04-10 18:30", "text": ""}',
      'bad:2: text: must be a non-empty string',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('mfa-spokesperson', {
  fixtures: [new URL('t20300408_90001.html', dir), new URL('t20300409_90002.html', dir)],
  extension: '.html',
  badInputs: [
    {
      name: 'a page without a title',
      text: '<html>\n<body>\n<div id="News_Body_Txt_A"><p>x</p></div>\n</body></html>',
    },
  ],
});

runSourceParserContract('mfa-spokesperson', {
  fixtures: [new URL('pages.jsonl', dir)],
  extension: '.jsonl',
  badInputs: [
    { name: 'a JSON line with a bad time', text: '{"title": "T", "publish_time": "2030-04-10", "text": "x"}' },
  ],
});
