import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aircraftTypeSlug, slugFromEnglish } from './aircraft-types.js';
import { parseAdizAnnouncement } from './parse-adiz-announcement.js';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseMndBulletinG0v } from './parse-mnd-bulletin-g0v.js';

const fixture = readFileSync(
  new URL('../../../test/fixtures/sources/mnd-bulletin-g0v/announcements.jsonl', import.meta.url),
  'utf8',
);
const parse = (text: string) => parseMndBulletinG0v(text, { file: 'announcements.jsonl' });

function messageOf(text: string): string {
  try {
    parseMndBulletinG0v(text, { file: 'bad.jsonl' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

const TEXT = '109/11/02\n一、日期\n中華民國109年11月2日（星期一）\n二、機型\n運8反潛機1架次\n三、活動概要';
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ p: 1, url: 'https://example.org/1', publishedAt: '109/11/02', text: TEXT, ...fields });

describe('parseAdizAnnouncement', () => {
  it('reads the day, the part of the day and one count per type line', () => {
    expect(
      parseAdizAnnouncement(
        '中華民國110年10月4日（星期一 夜間）\n二、機型Aircraft Type:\n殲-16機 4架次(Four J-16)\n轟 6 機 2架\n空警500機1架\nOne KJ-500\n三、活動概要',
      ),
    ).toEqual({
      day: '2021-10-04',
      dayPart: 'night',
      aircraft: [
        { slug: 'j-16', name: '殲-16機', count: 4 },
        { slug: 'h-6', name: '轟 6 機', count: 2 },
        { slug: 'kj-500', name: '空警500機', count: 1 },
      ],
    });
  });

  it('names an unknown type by its English designation, and knows every spelling of one type', () => {
    expect(aircraftTypeSlug('運-20機', 'Two Y-20 tanker')).toBe('y-20-tanker');
    expect(slugFromEnglish('Thirty four J-16')).toBe('j-16');
    for (const name of ['運8技偵機', '運-8 技偵機', '運-8技術偵察機', '運8-技偵機'])
      expect(aircraftTypeSlug(name, undefined)).toBe('y-8-recce');
    expect(aircraftTypeSlug('殲-20機', undefined)).toBeUndefined();
  });
});

describe('parseMndBulletinG0v', () => {
  const observations = parse(fixture);

  it('sums the announcements of each reported day into the ADIZ total and per-type counts', () => {
    expect(observations.map((o) => [o.series, o.value, o.periodStart])).toEqual([
      ['mnd.aircraft.adiz', 4, '2020-11-01T16:00:00.000Z'],
      ['mnd.aircraft.type.j-10', 2, '2020-11-01T16:00:00.000Z'],
      ['mnd.aircraft.type.y-8-asw', 1, '2020-11-01T16:00:00.000Z'],
      ['mnd.aircraft.type.y-8-ew', 1, '2020-11-01T16:00:00.000Z'],
      ['mnd.aircraft.adiz', 14, '2020-11-02T16:00:00.000Z'],
      ['mnd.aircraft.type.h-6k', 2, '2020-11-02T16:00:00.000Z'],
      ['mnd.aircraft.type.j-16', 10, '2020-11-02T16:00:00.000Z'],
      ['mnd.aircraft.type.kj-500', 1, '2020-11-02T16:00:00.000Z'],
      ['mnd.aircraft.type.y-8-asw', 1, '2020-11-02T16:00:00.000Z'],
    ]);
  });

  it('covers the day up to the posting, published 23:59 local on the posting day, graded A1 CLEAR', () => {
    expect(observations[0]).toStrictEqual({
      series: 'mnd.aircraft.adiz',
      value: 4,
      unit: 'aircraft',
      periodStart: '2020-11-01T16:00:00.000Z',
      periodEnd: '2020-11-02T15:59:00.000Z',
      publishedAt: '2020-11-02T15:59:00.000Z',
      source: 'mnd',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
      sourceRef: 'https://example.org/mnd/Publish.aspx?p=90001',
      attributes: { compiler: 'g0v', announcements: 2, dayParts: 'morning+afternoon', mndId: 90001 },
    });
  });

  it('extends the period to midnight and the publication to the later posting when a night report comes next day', () => {
    expect(observations[4]).toMatchObject({
      periodEnd: '2020-11-03T16:00:00.000Z',
      publishedAt: '2020-11-04T15:59:00.000Z',
      sourceRef: 'https://example.org/mnd/Publish.aspx?p=90004',
      attributes: { compiler: 'g0v', announcements: 2, dayParts: 'night+daytime', mndId: 90004 },
    });
  });

  it('skips a notice that is not a daily report, and is deterministic', () => {
    expect(new Set(observations.map((o) => o.periodStart)).size).toBe(2);
    expect(parse(fixture)).toStrictEqual(observations);
  });

  it.each([
    [
      'a line that is not JSON',
      '{"p": 1,',
      'bad.jsonl:1: (json): is not valid JSON: expected a quoted member name, got end of input',
    ],
    ['a line that is not an object', '[1]', 'bad.jsonl:1: (record): must be a JSON object'],
    [
      'an unknown field',
      line({ body: 'x' }),
      'bad.jsonl:1: body: unknown field; expected p, url, publishedAt, archivedAt, title, links, text',
    ],
    [
      'a missing publishedAt',
      line({ publishedAt: undefined }),
      'bad.jsonl:1: publishedAt: is required (ROC date YYY/MM/DD, e.g. 109/09/17)',
    ],
    [
      'a Gregorian publishedAt',
      line({ publishedAt: '2020/11/02' }),
      'bad.jsonl:1: publishedAt: must be a real ROC date YYY/MM/DD (e.g. 109/09/17), got "2020/11/02"',
    ],
    [
      'an impossible publishedAt',
      line({ publishedAt: '109/02/30' }),
      'bad.jsonl:1: publishedAt: must be a real ROC date YYY/MM/DD (e.g. 109/09/17), got "109/02/30"',
    ],
    ['a non-numeric id', line({ p: '77345' }), 'bad.jsonl:1: p: must be a positive whole number (the MND id)'],
    ['a url that is not a URL', line({ url: 'Publish.aspx?p=1' }), 'bad.jsonl:1: url: must be an http(s) URL'],
    ['an empty text', line({ text: ' ' }), 'bad.jsonl:1: text: is required'],
    ['the same MND id twice', `${line({})}\n\n${line({})}`, 'bad.jsonl:3: p: duplicates line 1'],
    [
      'a type section without a date',
      line({ text: '二、機型\n運8反潛機1架次\n三、活動概要' }),
      'bad.jsonl:1: text: has no date line "中華民國YYY年M月D日"',
    ],
    [
      'an impossible date in the text',
      line({ text: TEXT.replace('11月2日', '11月31日') }),
      'bad.jsonl:1: text: names an impossible date "中華民國109年11月31日（星期一）"',
    ],
    [
      'a date without a type section',
      line({ text: '中華民國109年11月2日\n活動概要' }),
      'bad.jsonl:1: text: has no 機型 (aircraft type) section',
    ],
    [
      'a type section that never ends',
      line({ text: '中華民國109年11月2日\n機型\n運8反潛機1架次' }),
      'bad.jsonl:1: text: has no 活動概要 section after the 機型 section',
    ],
    [
      'an unreadable aircraft line',
      line({ text: TEXT.replace('運8反潛機1架次', '運8反潛機若干架次') }),
      'bad.jsonl:1: text: cannot read the aircraft line "運8反潛機若干架次" (expected e.g. "運8反潛機2架次")',
    ],
    [
      'an unknown type without English',
      line({ text: TEXT.replace('運8反潛機1架次', '殲-20機 2架次') }),
      'bad.jsonl:1: text: unknown aircraft type "殲-20機" (no English designation to name it by)',
    ],
    [
      'a count of zero',
      line({ text: TEXT.replace('運8反潛機1架次', '運8反潛機0架次') }),
      'bad.jsonl:1: text: the aircraft line "運8反潛機0架次" has a count of 0',
    ],
    [
      'an empty type section',
      line({ text: TEXT.replace('運8反潛機1架次\n', '') }),
      'bad.jsonl:1: text: lists no aircraft in the 機型 section',
    ],
    [
      'a report on a day after its posting',
      line({ publishedAt: '109/11/01' }),
      'bad.jsonl:1: text: reports on 2020-11-02, after its publishedAt date 2020-11-01',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

const SHARED = new URL('../../../../shared/data/g0v-plaaf-intrusion/reports.jsonl', import.meta.url);

// The real archive has no licence, so it is not in the repository; when ../shared is present, check the parser on it.
describe.skipIf(!existsSync(SHARED))(
  'parseMndBulletinG0v on the shared g0v archive (skipped: ../shared/data not present)',
  () => {
    it('reads all 254 daily announcements into 241 days, every day with a positive total', () => {
      const observations = parseMndBulletinG0v(readFileSync(SHARED, 'utf8'), { file: 'reports.jsonl' });
      const totals = observations.filter((o) => o.series === 'mnd.aircraft.adiz');
      expect(totals).toHaveLength(241);
      expect(totals.every((o) => (o.value ?? 0) > 0)).toBe(true);
      expect(totals.reduce((s, o) => s + (o.attributes?.announcements as number), 0)).toBe(254);
      // The Oct-2021 surge: 56 aircraft on 2021-10-04 (day 52 + night 4).
      expect(totals.at(-1)).toMatchObject({ value: 56, periodStart: '2021-10-03T16:00:00.000Z' });
    });
  },
);

runSourceParserContract('mnd-bulletin-g0v', {
  fixtures: [new URL('../../../test/fixtures/sources/mnd-bulletin-g0v/announcements.jsonl', import.meta.url)],
  extension: '.jsonl',
  badInputs: [
    { name: 'a bad second line', text: `${line({})}\n${line({ publishedAt: '2020-11-02' })}\n` },
    { name: 'an unreadable aircraft line', text: line({ text: TEXT.replace('運8反潛機1架次', '運8反潛機若干架次') }) },
  ],
});
