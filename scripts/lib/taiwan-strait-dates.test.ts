import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-write.js';
import {
  JNB_CONVENTIONS,
  addDays,
  alignByTotal,
  compilerList,
  conventionFor,
  dateBasisFor,
  dateRange,
  doublyReachablePublicationDates,
  formatFor,
  normaliseDate,
  parseBalloonCount,
  pickByPrecedence,
  placeRows,
  reportTiming,
  rocToIso,
  shiftToPublication,
  sumAircraftCounts,
  unreachablePublicationDates,
  validateConventionTable,
  type ConventionSegment,
} from './taiwan-strait-dates.js';

const seg = (
  from: string,
  to: string,
  convention: 'publication' | 'activity',
  confidence: 'confirmed' | 'inferred' = 'confirmed',
): ConventionSegment => ({ from, to, convention, confidence, evidence: 'test' });

describe('calendar helpers', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(() => addDays('2024-02-30', 1)).toThrow();
  });

  it('lists an inclusive range', () => {
    expect(dateRange('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
  });

  it('normalises the date spellings used by the sources', () => {
    expect(normaliseDate('2020/9/16')).toBe('2020-09-16');
    expect(normaliseDate('2020/09/16')).toBe('2020-09-16');
    expect(normaliseDate('20220801')).toBe('2022-08-01');
    expect(normaliseDate(' 2026-08-22 ')).toBe('2026-08-22');
    expect(() => normaliseDate('2022-13-01')).toThrow();
    expect(() => normaliseDate('16/09/2020')).toThrow();
  });

  it('converts ROC-era dates', () => {
    expect(rocToIso(109, 9, 16)).toBe('2020-09-16');
    expect(rocToIso(110, 10, 4)).toBe('2021-10-04');
  });
});

describe('date convention', () => {
  it('moves activity-dated rows one day forward, leaves publication-dated rows', () => {
    expect(shiftToPublication('2023-04-08', 'activity')).toBe('2023-04-09');
    expect(shiftToPublication('2024-05-24', 'publication')).toBe('2024-05-24');
    expect(shiftToPublication('2024-02-28', 'activity')).toBe('2024-02-29');
  });

  it('the bundled table is sorted and contiguous', () => {
    expect(validateConventionTable(JNB_CONVENTIONS)).toEqual([]);
    expect(JNB_CONVENTIONS[0].from).toBe('2020-09-16');
  });

  it('reports gaps and reversed segments', () => {
    expect(
      validateConventionTable([
        seg('2024-01-01', '2024-01-31', 'activity'),
        seg('2024-02-02', '2024-02-29', 'publication'),
      ]),
    ).toHaveLength(1);
    expect(validateConventionTable([seg('2024-01-31', '2024-01-01', 'activity')])).toHaveLength(1);
  });

  it('looks up the checked months', () => {
    expect(conventionFor('2023-04-08')?.convention).toBe('activity'); // Joint Sword
    expect(conventionFor('2024-05-23')?.convention).toBe('publication'); // Joint Sword 2024A
    expect(conventionFor('2024-10-14')?.convention).toBe('activity'); // Joint Sword 2024B
    expect(conventionFor('2025-12-29')?.convention).toBe('activity'); // Justice Mission 2025
    expect(conventionFor('2026-01-02')?.convention).toBe('publication');
    expect(conventionFor('2019-12-31')).toBeUndefined();
  });

  it('maps confidence and convention to date_basis', () => {
    expect(dateBasisFor(seg('2024-01-01', '2024-01-02', 'activity'))).toBe('activity-shifted');
    expect(dateBasisFor(seg('2024-01-01', '2024-01-02', 'publication'))).toBe('publication');
    expect(dateBasisFor(seg('2024-01-01', '2024-01-02', 'activity', 'inferred'))).toBe('inferred');
  });

  it('finds where switches lose or double reports', () => {
    const table = [
      seg('2024-01-01', '2024-01-10', 'publication'),
      seg('2024-01-11', '2024-01-20', 'activity'),
      seg('2024-01-21', '2024-01-31', 'publication'),
    ];
    expect(unreachablePublicationDates(table)).toEqual(['2024-01-11']);
    expect(doublyReachablePublicationDates(table)).toEqual(['2024-01-21']);
    expect(unreachablePublicationDates()).toContain('2024-05-29');
  });

  it('gives each report format its period and publication instant', () => {
    expect(formatFor('2022-08-05')).toBe('calendar-day');
    expect(formatFor('2022-08-06')).toBe('same-day-1700');
    expect(formatFor('2022-11-13')).toBe('same-day-1700');
    expect(formatFor('2022-11-14')).toBe('daily-0600');
    expect(reportTiming('2021-10-04', 'calendar-day')).toEqual({
      published: '2021-10-04T23:59:00+08:00',
      periodStart: '2021-10-04T00:00:00+08:00',
      periodEnd: '2021-10-04T23:59:00+08:00',
    });
    // A night report posted the next day makes the whole day's figure public only then.
    expect(reportTiming('2020-10-15', 'calendar-day', '2020-10-16')).toEqual({
      published: '2020-10-16T23:59:00+08:00',
      periodStart: '2020-10-15T00:00:00+08:00',
      periodEnd: '2020-10-16T00:00:00+08:00',
    });
    expect(reportTiming('2022-09-14', 'same-day-1700')).toEqual({
      published: '2022-09-14T23:59:00+08:00',
      periodStart: '2022-09-14T00:00:00+08:00',
      periodEnd: '2022-09-14T17:00:00+08:00',
    });
    expect(reportTiming('2023-04-09', 'daily-0600')).toEqual({
      published: '2023-04-09',
      periodStart: '',
      periodEnd: '',
    });
  });
});

describe('placeRows', () => {
  const same = (a: number, b: number) => a === b;

  it('puts Joint Sword (activity 04-08..10) on the reports published 04-09..11', () => {
    const rows = [
      { rowDate: '2023-04-08', values: 71 },
      { rowDate: '2023-04-09', values: 70 },
      { rowDate: '2023-04-10', values: 91 },
    ];
    const p = placeRows(rows, same, [seg('2023-01-01', '2023-12-31', 'activity')]);
    expect([...p.rows.entries()].map(([d, r]) => [d, r.values, r.dateBasis])).toEqual([
      ['2023-04-09', 71, 'activity-shifted'],
      ['2023-04-10', 70, 'activity-shifted'],
      ['2023-04-11', 91, 'activity-shifted'],
    ]);
    expect(p.collisions).toEqual([]);
  });

  it('merges one report entered twice at an activity→publication switch', () => {
    const table = [seg('2024-03-01', '2024-03-31', 'activity'), seg('2024-04-01', '2024-04-30', 'publication')];
    const rows = [
      { rowDate: '2024-03-30', values: 4 },
      { rowDate: '2024-03-31', values: 0 },
      { rowDate: '2024-04-01', values: 0 },
      { rowDate: '2024-04-02', values: 6 },
    ];
    const p = placeRows(rows, same, table);
    expect(p.collisions).toHaveLength(1);
    expect(p.collisions[0]).toMatchObject({ publicationDate: '2024-04-01', kind: 'identical' });
    expect(p.rows.get('2024-04-01')?.rowDate).toBe('2024-04-01');
    expect(p.rows.get('2024-03-31')?.values).toBe(4);
  });

  it('flags conflicting rows and prefers the confirmed, then the publication-dated one', () => {
    const table = [seg('2026-02-09', '2026-02-14', 'activity'), seg('2026-02-15', '2026-02-28', 'publication')];
    const p = placeRows(
      [
        { rowDate: '2026-02-14', values: 1 },
        { rowDate: '2026-02-15', values: 11 },
      ],
      same,
      table,
    );
    expect(p.collisions[0]).toMatchObject({ publicationDate: '2026-02-15', kind: 'conflicting' });
    expect(p.rows.get('2026-02-15')?.values).toBe(11);
    const inferredPub = [
      seg('2026-02-09', '2026-02-14', 'activity'),
      seg('2026-02-15', '2026-02-28', 'publication', 'inferred'),
    ];
    expect(
      placeRows(
        [
          { rowDate: '2026-02-14', values: 1 },
          { rowDate: '2026-02-15', values: 11 },
        ],
        same,
        inferredPub,
      ).rows.get('2026-02-15')?.values,
    ).toBe(1);
  });

  it('leaves a hole at a publication→activity switch and keeps rows outside the table apart', () => {
    const table = [seg('2024-05-01', '2024-05-28', 'publication'), seg('2024-05-29', '2024-06-30', 'activity')];
    const p = placeRows(
      [
        { rowDate: '2024-05-28', values: 3 },
        { rowDate: '2024-05-29', values: 38 },
        { rowDate: '2019-01-01', values: 1 },
      ],
      same,
      table,
    );
    expect([...p.rows.keys()]).toEqual(['2024-05-28', '2024-05-30']);
    expect(p.rows.has('2024-05-29')).toBe(false);
    expect(p.outside).toEqual([{ rowDate: '2019-01-01', values: 1 }]);
  });
});

describe('merge precedence', () => {
  it('takes the first number, else NA, else nothing', () => {
    expect(
      pickByPrecedence([
        { compiler: 'madeye', value: 12 },
        { compiler: 'pla-data-dashboard', value: 13 },
      ]),
    ).toEqual({ value: 12, compiler: 'madeye' });
    expect(
      pickByPrecedence([
        { compiler: 'madeye', value: undefined },
        { compiler: 'lioneer', value: 9 },
      ]),
    ).toEqual({ value: 9, compiler: 'lioneer' });
    expect(
      pickByPrecedence([
        { compiler: 'madeye', value: 'NA' },
        { compiler: 'lioneer', value: undefined },
      ]),
    ).toEqual({ value: 'NA' });
    expect(pickByPrecedence([{ compiler: 'madeye', value: undefined }])).toEqual({ value: undefined });
    // Zero is a figure, not a gap.
    expect(
      pickByPrecedence([
        { compiler: 'madeye', value: 0 },
        { compiler: 'lioneer', value: 5 },
      ]),
    ).toEqual({ value: 0, compiler: 'madeye' });
  });

  it('lists compilers once, in precedence order', () => {
    expect(compilerList(['pla-data-dashboard', 'lioneer', 'lioneer', undefined])).toBe('lioneer+pla-data-dashboard');
    expect(compilerList(['lioneer', 'madeye'])).toBe('madeye+lioneer');
    expect(compilerList([])).toBe('');
  });
});

describe('alignByTotal', () => {
  const totals = new Map([
    ['2026-03-12', 5],
    ['2026-03-13', 3],
    ['2026-03-28', 13],
    ['2026-03-29', 19],
    ['2026-03-30', 0],
    ['2026-03-31', 0],
  ]);
  const known = (d: string) => totals.get(d);

  it('keeps a row whose total matches its own date', () => {
    expect(alignByTotal('2026-03-28', 13, known, true)).toBe('2026-03-28');
  });
  it('shifts a row whose total matches the next publication', () => {
    expect(alignByTotal('2026-03-11', 5, known, false)).toBe('2026-03-12');
  });
  it('resolves a tie with the window preference', () => {
    expect(alignByTotal('2026-03-30', 0, known, true)).toBe('2026-03-31');
    expect(alignByTotal('2026-03-30', 0, known, false)).toBe('2026-03-30');
  });
  it('drops a row that matches neither', () => {
    expect(alignByTotal('2026-03-29', 1, known, true)).toBeUndefined();
  });
});

describe('fact parsers', () => {
  it('sums aircraft counts of an announcement section', () => {
    expect(
      sumAircraftCounts(
        '機型Aircraft Type: 殲-16機 34架次(Thirty four J-16) 蘇愷-30機 2架次 運-8反潛機 2架次 空警-500機 2架次 轟-6機 12架次',
      ),
    ).toBe(52);
    expect(sumAircraftCounts('轟 6 機 2架\n殲16機 8架')).toBe(10);
    expect(sumAircraftCounts('no counts')).toBe(0);
  });
  it('reads balloon counts', () => {
    expect(parseBalloonCount('三、中共空飄氣球活動：\n中共空飄氣球計偵獲2顆。')).toBe(2);
    expect(parseBalloonCount('越線：北部空域')).toBeUndefined();
  });
});

describe('toCsv', () => {
  it('quotes only when needed and ends with a newline', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['x', 'has, comma', undefined],
          [0, 'say "hi"', 'NA'],
        ],
      ),
    ).toBe('a,b,c\nx,"has, comma",\n0,"say ""hi""",NA\n');
    expect(() => toCsv(['a'], [['x', 'y']])).toThrow();
  });
});
