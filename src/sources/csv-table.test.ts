import { describe, expect, it } from 'vitest';
import {
  createDuplicateCheck,
  readChoice,
  readCount,
  readCsvTable,
  readDate,
  readFlag,
  readInstant,
  readText,
  rejectUnknownColumns,
  requireColumns,
  required,
  type CsvRow,
} from './csv-table.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

/** One data row (line 2) with a single column `c` holding `value`. */
function rowWith(value: string): CsvRow {
  return readCsvTable(`c,other\n"${value.replace(/"/g, '""')}",x\n`, 't.csv').rows[0];
}

describe('readCsvTable', () => {
  it('reads the header and rows with physical line numbers, trimming cells and skipping blank rows', () => {
    const table = readCsvTable('\uFEFF a , b \r\n\r\n 1 ,"two\r\nlines"\r\n,\r\n  \r\n3,4\r\n', 't.csv');
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.headerLine).toBe(1);
    expect(table.rows.map((r) => [r.line, r.get('a'), r.get('b'), r.get('absent')])).toEqual([
      [3, '1', 'two\nlines', ''],
      [7, '3', '4', ''],
    ]);
  });

  it('finds the header after leading blank lines', () => {
    const table = readCsvTable('\n\na\n1\n', 't.csv');
    expect(table.headerLine).toBe(3);
    expect(messageOf(() => requireColumns(table, ['b']))).toBe('t.csv:3: b: required column is missing');
  });

  it.each([
    ['an empty file', '', 't.csv:1: (header): the file is empty; a header row is required'],
    ['a file of blank lines', '\r\n\r\n', 't.csv:1: (header): the file is empty; a header row is required'],
    ['a header column without a name', 'a,,c\n1,2,3\n', 't.csv:1: (header): column 2 has no name'],
    ['a header column twice', 'a,b,a\n1,2,3\n', 't.csv:1: a: column appears twice in the header'],
    ['a row with too few cells', 'a,b\n1,2\n3\n', 't.csv:3: (row): has 1 cells but the header has 2'],
    ['a row with too many cells', 'a,b\n1,2,3\n', 't.csv:2: (row): has 3 cells but the header has 2'],
    ['an unclosed quote', 'a,b\n1,2\n3,"4\n', 't.csv:3: (csv): a quoted cell is never closed'],
    [
      'a stray quote',
      'a,b\n1,2"\n',
      't.csv:2: (csv): a quote appears inside an unquoted cell (quote the whole cell and double the inner quotes)',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(() => readCsvTable(text, 't.csv'))).toBe(message);
  });

  it('checks required and unknown columns at the header line', () => {
    const table = readCsvTable('a,b\n1,2\n', 't.csv');
    expect(() => requireColumns(table, ['a', 'b'])).not.toThrow();
    expect(messageOf(() => requireColumns(table, ['a', 'c']))).toBe('t.csv:1: c: required column is missing');
    expect(() => rejectUnknownColumns(table, ['a', 'b', 'c'])).not.toThrow();
    expect(messageOf(() => rejectUnknownColumns(table, ['a']))).toBe('t.csv:1: b: unknown column; expected a');
  });
});

describe('cell readers', () => {
  it('readText and required', () => {
    expect(readText(rowWith('x'), 'c')).toBe('x');
    expect(readText(rowWith(''), 'c')).toBeUndefined();
    expect(required(rowWith('x'), 'c', 'v')).toBe('v');
    expect(messageOf(() => required(rowWith(''), 'c', undefined))).toBe('t.csv:2: c: is required');
  });

  it('readDate', () => {
    expect(readDate(rowWith('2024-02-29'), 'c')).toBe('2024-02-29');
    expect(readDate(rowWith(''), 'c')).toBeUndefined();
    expect(messageOf(() => readDate(rowWith('2024-2-29'), 'c'))).toBe(
      't.csv:2: c: must be a date YYYY-MM-DD, got "2024-2-29"',
    );
    expect(messageOf(() => readDate(rowWith('2023-02-29'), 'c'))).toBe(
      't.csv:2: c: is not a real calendar date, got "2023-02-29"',
    );
    expect(messageOf(() => readDate(rowWith('2024-13-01'), 'c'))).toBe(
      't.csv:2: c: is not a real calendar date, got "2024-13-01"',
    );
  });

  it('readInstant', () => {
    expect(readInstant(rowWith('2024-05-24T06:00:00+08:00'), 'c')).toBe('2024-05-23T22:00:00.000Z');
    expect(readInstant(rowWith('2024-05-24T06:00Z'), 'c')).toBe('2024-05-24T06:00:00.000Z');
    expect(readInstant(rowWith(''), 'c')).toBeUndefined();
    expect(messageOf(() => readInstant(rowWith('2024-05-24'), 'c'))).toBe(
      't.csv:2: c: must be an ISO 8601 instant with a time zone (e.g. 2024-05-24T06:00:00+08:00), got "2024-05-24"',
    );
    expect(messageOf(() => readInstant(rowWith('2024-05-24T25:00:00Z'), 'c'))).toBe(
      't.csv:2: c: must be an ISO 8601 instant with a time zone (e.g. 2024-05-24T06:00:00+08:00), got "2024-05-24T25:00:00Z"',
    );
    expect(messageOf(() => readInstant(rowWith('2024-04-31T06:00:00Z'), 'c'))).toBe(
      't.csv:2: c: is not a real calendar date, got "2024-04-31T06:00:00Z"',
    );
  });

  it('readChoice', () => {
    expect(readChoice(rowWith('b'), 'c', ['a', 'b'])).toBe('b');
    expect(readChoice(rowWith(''), 'c', ['a', 'b'])).toBeUndefined();
    expect(messageOf(() => readChoice(rowWith('B'), 'c', ['a', 'b']))).toBe('t.csv:2: c: must be one of a, b, got "B"');
  });

  it('readCount', () => {
    expect([' 7 ', '0', '12.0', '007', 'NA', ''].map((v) => readCount(rowWith(v), 'c'))).toEqual([
      7,
      0,
      12,
      7,
      null,
      undefined,
    ]);
    expect(messageOf(() => readCount(rowWith('-1'), 'c'))).toBe('t.csv:2: c: must not be negative, got "-1"');
    expect(messageOf(() => readCount(rowWith('1.5'), 'c'))).toBe('t.csv:2: c: must be a whole number, got "1.5"');
    expect(messageOf(() => readCount(rowWith('1e3'), 'c'))).toBe(
      't.csv:2: c: must be a whole number, NA or empty, got "1e3"',
    );
    expect(messageOf(() => readCount(rowWith('N/A'), 'c'))).toBe(
      't.csv:2: c: must be a whole number, NA or empty, got "N/A"',
    );
    expect(messageOf(() => readCount(rowWith('9007199254740993'), 'c'))).toBe(
      't.csv:2: c: is too large, got "9007199254740993"',
    );
  });

  it('readFlag', () => {
    expect(['0', '1', '0.0', '1.0', ''].map((v) => readFlag(rowWith(v), 'c'))).toEqual([0, 1, 0, 1, undefined]);
    expect(messageOf(() => readFlag(rowWith('2'), 'c'))).toBe('t.csv:2: c: must be 0, 1 or empty, got "2"');
    expect(messageOf(() => readFlag(rowWith('yes'), 'c'))).toBe('t.csv:2: c: must be 0, 1 or empty, got "yes"');
  });

  it('createDuplicateCheck names the first line with the same key', () => {
    const rows = readCsvTable('k\na\nb\na\n', 't.csv').rows;
    const check = createDuplicateCheck();
    check(rows[0], 'k', 'a');
    check(rows[1], 'k', 'b');
    expect(messageOf(() => check(rows[2], 'k', 'a'))).toBe('t.csv:4: k: duplicates line 2');
  });
});
