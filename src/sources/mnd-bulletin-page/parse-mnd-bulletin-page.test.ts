import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseMndBulletinPage } from './parse-mnd-bulletin-page.js';
import { pageText, parseMndPage } from './parse-mnd-page.js';

const dir = new URL('../../../test/fixtures/sources/mnd-bulletin-page/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const page = (body: string, header = '119.04.08') =>
  `<html>\n<body>\n<span class="body-2">${header}</span>\n<div class="maincontent">\n<p>${body}</p>\n</div>\n</body>\n</html>\n`;
const PERIOD = '中華民國119年4月7日（星期日）0600時至119年4月8日（星期一）0600時止。';

function messageOf(html: string): string {
  try {
    parseMndBulletinPage(html, { file: 'bad.html' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('MND daily report pages', () => {
  it('reads the period, counts, median-line crossings with regions, ships and balloons', () => {
    expect(parseMndPage(read('plaact-90001.html'))).toEqual({
      published: '2030-04-08',
      periodStart: '2030-04-06T22:00:00.000Z',
      periodEnd: '2030-04-07T22:00:00.000Z',
      url: 'https://www.mnd.gov.tw/news/plaact/90001',
      aircraft: 23,
      medianLine: 17,
      adiz: 17,
      regions: ['north', 'central', 'southwest'],
      planShips: 9,
      officialShips: 2,
      balloons: 1,
    });
  });

  it('reads "no aircraft detected" as 0, and ADIZ entries without a median-line crossing', () => {
    expect(parseMndPage(read('plaact-90002.html'))).toMatchObject({
      aircraft: 0,
      adiz: 0,
      medianLine: 0,
      regions: [],
      planShips: 6,
    });
    expect(parseMndPage(page(`${PERIOD}偵獲共機4架次（進入西南及東南部空域3架次）、共艦7艘`))).toMatchObject({
      adiz: 3,
      medianLine: 0,
      regions: ['southwest', 'southeast'],
    });
  });

  it('keeps more ADIZ entries than aircraft as published, flagged', () => {
    const observations = parseMndBulletinPage(page(`${PERIOD}偵獲共機2架次（逾越中線進入北部空域5架次）`), {
      file: 'p.html',
    });
    expect(observations.find((o) => o.series === 'mnd.aircraft.adiz')).toMatchObject({
      value: 5,
      attributes: { sourceInconsistency: 'adiz 5 > total 2' },
    });
  });

  it('decodes character references and ignores scripts', () => {
    expect(pageText('<script>var x = "共機9架次";</script><p>&#x5171;&#x6A5F;&amp;&#20849;</p>')).toBe('共機&共');
  });

  it('writes the MND series with the explicit period, published 09:00 local on the header date', () => {
    const observations = parseMndBulletinPage(read('plaact-90001.html'), { file: 'plaact-90001.html' });
    expect(observations.map((o) => [o.series, o.value])).toEqual([
      ['mnd.aircraft.total', 23],
      ['mnd.aircraft.median_line', 17],
      ['mnd.aircraft.adiz', 17],
      ['mnd.ships.plan', 9],
      ['mnd.ships.official', 2],
      ['mnd.balloons', 1],
      ['mnd.adiz.region.north', 1],
      ['mnd.adiz.region.central', 1],
      ['mnd.adiz.region.southwest', 1],
      ['mnd.adiz.region.south', 0],
      ['mnd.adiz.region.southeast', 0],
      ['mnd.adiz.region.east', 0],
    ]);
    expect(observations[0]).toStrictEqual({
      series: 'mnd.aircraft.total',
      value: 23,
      unit: 'aircraft',
      periodStart: '2030-04-06T22:00:00.000Z',
      periodEnd: '2030-04-07T22:00:00.000Z',
      publishedAt: '2030-04-08T01:00:00.000Z',
      source: 'mnd',
      reliability: 'A',
      credibility: 1,
      tlp: 'clear',
      sourceRef: 'https://www.mnd.gov.tw/news/plaact/90001',
      attributes: { compiler: 'mnd-web' },
    });
  });

  it.each([
    [
      'a page without a period',
      page('偵獲共機3架次'),
      'bad.html:4: (page): has no report period "YYY年M月D日…0600時至YYY年M月D日…0600時"',
    ],
    [
      'a page without counts',
      page(`${PERIOD}持續在臺海周邊活動`),
      'bad.html:4: (page): states neither an aircraft count (共機N架次) nor a ship count (共艦N艘)',
    ],
    [
      'an impossible date',
      page('中華民國119年2月30日（星期日）0600時至119年3月1日（星期一）0600時止。偵獲共艦3艘'),
      'bad.html:4: (page): names an impossible date or time 2030-02-30 0600',
    ],
    [
      'a period that ends first',
      page('中華民國119年4月8日0600時至119年4月7日0600時止。偵獲共艦3艘'),
      'bad.html:4: (page): has a report period that ends before it starts',
    ],
  ])('rejects %s', (_name, html, message) => {
    expect(messageOf(html)).toBe(message);
  });
});

runSourceParserContract('mnd-bulletin-page', {
  fixtures: [new URL('plaact-90001.html', dir), new URL('plaact-90002.html', dir)],
  extension: '.html',
  badInputs: [
    { name: 'a page without a period', text: page('偵獲共機3架次') },
    { name: 'a page without counts', text: page(`${PERIOD}無`) },
  ],
});
