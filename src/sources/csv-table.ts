// Shared CSV reading for source parsers: header + rows with physical line numbers, strict columns, typed cell readers.
import { inputError, type VigilError } from '../errors/index.js';
import { CsvSyntaxError, readCsvRecords, type CsvRecord } from './csv-records.js';
import { isLocalDate, isoInstant } from './local-time.js';

/** One data row. Cells are trimmed; a column the header lacks reads as empty. */
export class CsvRow {
  constructor(
    readonly file: string,
    /** 1-based physical line on which the row starts (a quoted cell may span several lines). */
    readonly line: number,
    private readonly index: ReadonlyMap<string, number>,
    private readonly values: readonly string[],
  ) {}

  get(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? '' : this.values[i];
  }

  /** `file:line: field: problem` for this row. */
  error(field: string, problem: string): VigilError {
    return inputError(this.file, this.line, field, problem);
  }
}

export interface CsvTable {
  file: string;
  /** Line of the header row: 1 unless the file opens with blank lines. */
  headerLine: number;
  /** Column names in file order (trimmed). */
  columns: readonly string[];
  rows: CsvRow[];
}

/**
 * Parses CSV text whose first row is the header (see readCsvRecords for the accepted syntax). Blank lines and rows
 * whose cells are all empty are skipped; any other row must have exactly as many cells as the header.
 */
export function readCsvTable(text: string, file: string): CsvTable {
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw inputError(file, error.line, '(csv)', error.problem);
    throw error;
  }
  const first = records.findIndex((r) => !isBlank(r.cells));
  if (first < 0) throw inputError(file, 1, '(header)', 'the file is empty; a header row is required');
  const header = records[first];
  const columns = header.cells.map((name) => name.trim());
  const index = headerIndex(columns, file, header.line);
  const rows: CsvRow[] = [];
  for (let r = first + 1; r < records.length; r++) {
    const { line, cells } = records[r];
    if (isBlank(cells)) continue;
    if (cells.length !== columns.length) {
      throw inputError(file, line, '(row)', `has ${cells.length} cells but the header has ${columns.length}`);
    }
    for (let c = 0; c < cells.length; c++) cells[c] = cells[c].trim();
    rows.push(new CsvRow(file, line, index, cells));
  }
  return { file, headerLine: header.line, columns, rows };
}

/** Throws at the header line, naming the first column of `columns` that the header lacks. */
export function requireColumns(table: CsvTable, columns: readonly string[]): void {
  for (const column of columns) {
    if (!table.columns.includes(column))
      throw inputError(table.file, table.headerLine, column, 'required column is missing');
  }
}

/** Throws at the header line, naming the first header column that is not in `known`. */
export function rejectUnknownColumns(table: CsvTable, known: readonly string[]): void {
  for (const column of table.columns) {
    if (!known.includes(column))
      throw inputError(table.file, table.headerLine, column, `unknown column; expected ${known.join(', ')}`);
  }
}

/** Returns `value`, or throws `column: is required` when it is undefined (the cell was empty). */
export function required<T>(row: CsvRow, column: string, value: T | undefined): T {
  if (value === undefined) throw row.error(column, 'is required');
  return value;
}

/** The cell text, or undefined when empty. */
export function readText(row: CsvRow, column: string): string | undefined {
  const text = row.get(column);
  return text === '' ? undefined : text;
}

/** A `YYYY-MM-DD` calendar date, or undefined when empty. */
export function readDate(row: CsvRow, column: string): string | undefined {
  const text = readText(row, column);
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw row.error(column, `must be a date YYYY-MM-DD, got ${quote(text)}`);
  if (!isLocalDate(text)) throw row.error(column, `is not a real calendar date, got ${quote(text)}`);
  return text;
}

/**
 * The observation schema's rule for instants (src/model/observation-schema.ts): ISO 8601 with an explicit offset or
 * Z. Repeated here without zod to keep the per-cell cost low; registry.test.ts re-validates every parser's output
 * against the schema, so the two cannot drift apart unnoticed.
 */
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 instant with an explicit offset, normalised to UTC (`2024-05-23T22:00:00.000Z`); or undefined when
 * empty. The calendar date is checked too, since Date.parse rolls 2023-02-30 over into March.
 */
export function readInstant(row: CsvRow, column: string): string | undefined {
  const text = readText(row, column);
  if (text === undefined) return undefined;
  const match = INSTANT_PATTERN.exec(text);
  const ms = match ? Date.parse(text) : Number.NaN;
  if (!match || Number.isNaN(ms)) {
    throw row.error(
      column,
      `must be an ISO 8601 instant with a time zone (e.g. 2024-05-24T06:00:00+08:00), got ${quote(text)}`,
    );
  }
  if (!isLocalDate(match[1])) throw row.error(column, `is not a real calendar date, got ${quote(text)}`);
  return isoInstant(ms);
}

/** One of `choices` (exact, case-sensitive), or undefined when empty. */
export function readChoice<T extends string>(row: CsvRow, column: string, choices: readonly T[]): T | undefined {
  const text = readText(row, column);
  if (text === undefined) return undefined;
  if (!(choices as readonly string[]).includes(text)) {
    throw row.error(column, `must be one of ${choices.join(', ')}, got ${quote(text)}`);
  }
  return text as T;
}

const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;

/**
 * A count: a non-negative whole number, also written as a float with a zero fraction ("12.0", as spreadsheet
 * exports do). `NA` gives null (known to be unknown); an empty cell gives undefined (not stated).
 */
export function readCount(row: CsvRow, column: string): number | null | undefined {
  const text = readText(row, column);
  if (text === undefined) return undefined;
  if (text === 'NA') return null;
  if (!NUMBER_PATTERN.test(text)) throw row.error(column, `must be a whole number, NA or empty, got ${quote(text)}`);
  if (text.startsWith('-')) throw row.error(column, `must not be negative, got ${quote(text)}`);
  const value = Number(text);
  if (!Number.isInteger(value)) throw row.error(column, `must be a whole number, got ${quote(text)}`);
  if (!Number.isSafeInteger(value)) throw row.error(column, `is too large, got ${quote(text)}`);
  return value;
}

/** A 0/1 flag ("0.0"/"1.0" accepted), or undefined when empty (not stated). */
export function readFlag(row: CsvRow, column: string): 0 | 1 | undefined {
  const text = readText(row, column);
  if (text === undefined) return undefined;
  if (!/^[01](\.0+)?$/.test(text)) throw row.error(column, `must be 0, 1 or empty, got ${quote(text)}`);
  return text.startsWith('1') ? 1 : 0;
}

/**
 * Returns a checker that throws `field: duplicates line N` when a key is seen twice in one file, for formats where
 * two rows with the same key would silently collapse into, or revise, one another.
 */
export function createDuplicateCheck(): (row: CsvRow, field: string, key: string) => void {
  const seen = new Map<string, number>();
  return (row, field, key) => {
    const first = seen.get(key);
    if (first !== undefined) throw row.error(field, `duplicates line ${first}`);
    seen.set(key, row.line);
  };
}

/** Quotes a cell for an error message, escaping control characters and quotes. */
export function quote(text: string): string {
  return JSON.stringify(text);
}

function headerIndex(columns: readonly string[], file: string, line: number): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    if (name === '') throw inputError(file, line, '(header)', `column ${i + 1} has no name`);
    if (index.has(name)) throw inputError(file, line, name, 'column appears twice in the header');
    index.set(name, i);
  });
  return index;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
