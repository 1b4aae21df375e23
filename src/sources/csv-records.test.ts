import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvRecords } from './csv-records.js';

const lines = (text: string) => readCsvRecords(text).map((r) => [r.line, r.cells]);

describe('readCsvRecords', () => {
  it('splits records and cells, with the line each record starts on', () => {
    expect(lines('a,b\n1,2\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
    expect(lines('a,b\n1,2')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('accepts LF, CRLF and CR line ends and a BOM', () => {
    const expected = [
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ];
    expect(lines('a,b\n1,2\n3,4\n')).toEqual(expected);
    expect(lines('\uFEFFa,b\r\n1,2\r\n3,4\r\n')).toEqual(expected);
    expect(lines('a,b\r1,2\r3,4')).toEqual(expected);
  });

  it('unquotes cells, unescapes doubled quotes and counts lines inside quoted cells', () => {
    expect(lines('a,b\r\n"x,""y""\r\nz",2\r\n3,4\r\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['x,"y"\nz', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('returns blank lines and empty cells as they are', () => {
    expect(lines('a,b\n\n,\n"",x,\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['']],
      [3, ['', '']],
      [4, ['', 'x', '']],
    ]);
  });

  it('ignores spaces around a quoted cell but keeps them in unquoted ones', () => {
    expect(lines(' "a" , b \n')).toEqual([[1, ['a', ' b ']]]);
  });

  it.each([
    ['an unclosed quote, at the line it opens', 'a,b\n1,"x\n2,3\n', 2, 'a quoted cell is never closed'],
    [
      'text after a closing quote',
      'a,b\n1,"x"y\n',
      2,
      'a closing quote is followed by something other than a comma or line end',
    ],
    [
      'a quote inside an unquoted cell',
      'a,b\n1,x"y\n',
      2,
      'a quote appears inside an unquoted cell (quote the whole cell and double the inner quotes)',
    ],
  ])('rejects %s', (_name, text, line, problem) => {
    let thrown: unknown;
    try {
      readCsvRecords(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CsvSyntaxError);
    expect(thrown).toMatchObject({ line, problem });
  });
});
