import { describe, expect, it } from 'vitest';
import type { MergedReport } from '../../src/sources/mnd-crawler/parse-mnd-crawler.js';
import type { MndReportFacts } from '../../src/sources/mnd-crawler/read-mnd-report-text.js';
import { crawlerDays } from './mnd-crawler-figures.js';

const facts = (over: Partial<MndReportFacts>): MndReportFacts => ({
  format: 'daily-0600',
  periodStart: '2030-04-06T22:00:00.000Z',
  periodEnd: '2030-04-07T22:00:00.000Z',
  periodStated: true,
  aircraft: 5,
  planShips: 6,
  jointPatrol: 0,
  jointExercise: 0,
  ...over,
});
const report = (f: MndReportFacts, rowDates: string[]): MergedReport => ({
  facts: f,
  publishedAt: '',
  announcements: 1,
  rowDates,
});

describe('crawlerDays', () => {
  it('puts a 06:00 report on the day its period ends and an old announcement on its day', () => {
    const { days } = crawlerDays(
      [
        report(facts({}), ['2030-04-09']),
        report(
          facts({
            format: 'calendar-day',
            periodStart: '2029-05-05T16:00:00.000Z',
            periodEnd: '2029-05-06T16:00:00.000Z',
            adiz: 4,
            aircraft: undefined,
            planShips: undefined,
          }),
          ['2029-05-06'],
        ),
      ],
      new Map(),
    );
    expect([...days.keys()]).toEqual(['2030-04-08', '2029-05-06']);
    expect(days.get('2029-05-06')!.figures).toEqual({ aircraft_adiz: 4 });
  });

  it('reads official ships as 0 from a stated report from 2024-07-16 that names none, and leaves them out of a paraphrase', () => {
    const stated = crawlerDays([report(facts({}), ['2030-04-08'])], new Map()).days.get('2030-04-08')!;
    expect(stated.figures).toEqual({ aircraft_total: 5, plan_ships: 6, official_ships: 0, joint_patrol: 0 });
    const paraphrase = crawlerDays([report(facts({ periodStated: false }), ['2030-04-08'])], new Map()).days.get(
      '2030-04-08',
    )!;
    expect(paraphrase.figures).toEqual({ aircraft_total: 5, plan_ships: 6, joint_patrol: 0 });
    const before = crawlerDays(
      [
        report(facts({ periodStart: '2024-07-13T22:00:00.000Z', periodEnd: '2024-07-14T22:00:00.000Z' }), [
          '2024-07-15',
        ]),
      ],
      new Map(),
    );
    expect(before.days.get('2024-07-15')!.figures.official_ships).toBeUndefined();
  });

  it('leaves out a paraphrase whose text the compiler entered under several dates', () => {
    const texts = new Map([
      ['2030-04-08', ['same text']],
      ['2030-04-09', ['same text']],
    ]);
    const p = (end: string, row: string) =>
      report(facts({ periodStated: false, periodStart: `${end}T22:00:00.000Z`, periodEnd: `${end}T22:00:00.000Z` }), [
        row,
      ]);
    const out = crawlerDays([p('2030-04-07', '2030-04-08'), p('2030-04-08', '2030-04-09')], texts);
    expect(out.days.size).toBe(0);
    expect(out.repeated).toEqual(['2030-04-08', '2030-04-09']);
  });
});
