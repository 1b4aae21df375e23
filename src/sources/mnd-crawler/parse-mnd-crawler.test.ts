import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseMndCrawler } from './parse-mnd-crawler.js';
import { readMndReportText } from './read-mnd-report-text.js';

const url = new URL('../../../test/fixtures/sources/mnd-crawler/synthetic-reports.csv', import.meta.url);
const fixture = readFileSync(url, 'utf8');
const HEADER = '日期,公告內容';

function messageOf(text: string): string {
  try {
    parseMndCrawler(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('MND report texts', () => {
  it('reads a stated period, the counts and the subsets', () => {
    const facts = readMndReportText(
      '一、日期： 中華民國119年4月7日（星期日）0600時至4月8日（星期一）0600時止。迄0600時止，偵獲共機23架次（逾越中線進入北部空域17架次）、共艦9艘及公務船2艘',
      '2030-04-09',
    );
    expect(facts).toEqual({
      format: 'daily-0600',
      periodStart: '2030-04-06T22:00:00.000Z',
      periodEnd: '2030-04-07T22:00:00.000Z',
      periodStated: true,
      aircraft: 23,
      medianLine: 17,
      adiz: 17,
      planShips: 9,
      officialShips: 2,
      jointPatrol: 0,
      jointExercise: 0,
    });
  });

  it('carries a period across the new year when the second year is left out', () => {
    expect(
      readMndReportText('中華民國119年12月31日（星期二）0600時至1月1日（星期三）0600時止。偵獲共艦3艘', '2031-01-01'),
    ).toMatchObject({
      periodStart: '2030-12-30T22:00:00.000Z',
      periodEnd: '2030-12-31T22:00:00.000Z',
    });
  });

  it('reads "no aircraft or ships" (also typed 末 / 無) as 0', () => {
    expect(readMndReportText('國防部今日表示，迄0600時止，末偵獲共機、艦於臺海周邊活動', '2030-03-02')).toMatchObject({
      aircraft: 0,
      planShips: 0,
      periodStated: false,
    });
    expect(readMndReportText('迄0600時止，無偵獲共機丶共艦在臺海周邊活動', '2030-03-02')).toMatchObject({
      aircraft: 0,
      planShips: 0,
    });
  });

  it('leaves out a balloon count that a paraphrase gives for the day before', () => {
    expect(
      readMndReportText(
        '國防部今日表示，至上午6時止，偵獲共機6架次及共艦7艘。國防部另指出，昨（25）日偵獲中共空飄氣球2枚',
        '2030-01-26',
      ).balloons,
    ).toBeUndefined();
  });
});

describe('parseMndCrawler', () => {
  const observations = parseMndCrawler(fixture, { file: 'reports.csv' });
  const on = (series: string) =>
    observations.filter((o) => o.series === series).map((o) => [o.periodEnd, o.value, o.publishedAt]);

  it('dates each report by its stated period, published 09:00 local the day it ends, one report found twice counted once', () => {
    expect(on('mnd.aircraft.total')).toEqual([
      ['2029-09-03T09:00:00.000Z', 12, '2029-09-03T15:59:00.000Z'],
      ['2030-03-01T22:00:00.000Z', 4, '2030-03-02T01:00:00.000Z'],
      ['2030-04-06T22:00:00.000Z', 0, '2030-04-07T01:00:00.000Z'],
      ['2030-04-07T22:00:00.000Z', 23, '2030-04-08T01:00:00.000Z'],
    ]);
    expect(on('mnd.ships.official')).toEqual([['2030-04-07T22:00:00.000Z', 2, '2030-04-08T01:00:00.000Z']]);
    expect(on('mnd.balloons')).toEqual([['2030-04-07T22:00:00.000Z', 1, '2030-04-08T01:00:00.000Z']]);
  });

  it('flags joint patrols and joint exercises per report (not for old-format announcements)', () => {
    expect(on('mnd.joint_patrol').map(([end, v]) => [end, v])).toEqual([
      ['2029-09-03T09:00:00.000Z', 0],
      ['2030-03-01T22:00:00.000Z', 0],
      ['2030-04-06T22:00:00.000Z', 1],
      ['2030-04-07T22:00:00.000Z', 0],
    ]);
    expect(on('mnd.joint_exercise').map(([, v]) => v)).toEqual([1, 0, 0, 0]);
  });

  it('sums the day and night ADIZ announcements of an old-format day; a paraphrase is graded A2, a stated report A1', () => {
    expect(
      observations.filter((o) => o.series === 'mnd.aircraft.adiz' && o.periodStart === '2029-05-05T16:00:00.000Z'),
    ).toStrictEqual([
      {
        series: 'mnd.aircraft.adiz',
        value: 4,
        unit: 'aircraft',
        periodStart: '2029-05-05T16:00:00.000Z',
        periodEnd: '2029-05-06T16:00:00.000Z',
        publishedAt: '2029-05-06T15:59:00.000Z',
        source: 'mnd',
        reliability: 'A',
        credibility: 1,
        tlp: 'clear',
        attributes: { compiler: 'mnd-crawler', periodStated: true, announcements: 2 },
      },
    ]);
    expect(observations.find((o) => o.series === 'mnd.ships.plan' && o.value === 5)).toMatchObject({
      credibility: 2,
      attributes: { periodStated: false },
    });
  });

  it('keeps day and night announcements with the same counts apart (summed), but one announcement found twice once', () => {
    const day = (part: string) =>
      `我西南空域空情動態 一、日期Date: 中華民國118年5月7日（星期一 ${part}） 二、機型Aircraft Type: 殲-16 2架次（Two J-16） 三、活動概要`;
    const text = `${HEADER}\n2029-05-07,${day('日間')}\n2029-05-07,${day('夜間')}\n2029-05-08,${day('夜間')}\n`;
    expect(
      parseMndCrawler(text, { file: 'x.csv' }).map((o) => [o.series, o.value, o.attributes?.announcements]),
    ).toEqual([['mnd.aircraft.adiz', 4, 2]]);
  });

  it.each([
    ['a missing column', '日期\n2030-01-01\n', 'bad.csv:1: 公告內容: required column is missing'],
    [
      'a text with no date or time',
      `${HEADER}\n2030-01-01,持續在臺海周邊活動\n`,
      'bad.csv:2: 公告內容: states no report period ("…0600時至…0600時"), no "迄1700時" or "迄0600時" time and no old-format 日期 line',
    ],
    [
      'an impossible period',
      `${HEADER}\n2030-03-01,中華民國119年2月30日0600時至3月1日0600時止。偵獲共艦3艘\n`,
      'bad.csv:2: 公告內容: names an impossible date 2030-02-30',
    ],
    [
      'two reports for one period',
      `${HEADER}\n2030-03-02,迄0600時止，偵獲共艦3艘\n2030-03-02,迄0600時止，偵獲共艦4艘\n`,
      'bad.csv:3: 公告內容: states other counts than line 2 for the same period',
    ],
    [
      'a bad row date',
      `${HEADER}\n2030/03/02,迄0600時止，偵獲共艦3艘\n`,
      'bad.csv:2: 日期: must be a date YYYY-MM-DD, got "2030/03/02"',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

runSourceParserContract('mnd-crawler', {
  fixtures: [url],
  extension: '.csv',
  badInputs: [
    { name: 'a text with no period', text: `${HEADER}\n2030-01-01,持續在臺海周邊活動\n` },
    {
      name: 'two reports for one period',
      text: `${HEADER}\n2030-03-02,迄0600時止，偵獲共艦3艘\n2030-03-02,迄0600時止，偵獲共艦4艘\n`,
    },
  ],
});
