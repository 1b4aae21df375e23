// Labelled episodes (the CSV format of shared/data/labels): what a backtest is scored against.
import { readFileSync } from 'node:fs';
import { vigilError } from '../errors/index.js';
import { readCsvTable, rejectUnknownColumns, requireColumns } from '../sources/csv-table.js';
import { parseDay, type DayNumber } from '../time/zone.js';

export interface Episode {
  id: string;
  name: string;
  kind: string;
  /** First local activity day (D0) and last, inclusive. */
  start: DayNumber;
  end: DayNumber;
}

export function parseEpisodes(text: string, file: string): Episode[] {
  const table = readCsvTable(text, file);
  const required = ['id', 'name', 'kind', 'start', 'end'];
  requireColumns(table, required);
  rejectUnknownColumns(table, [...required, 'announced_in_advance']);
  return table.rows.map((row) => {
    const date = (field: 'start' | 'end') => {
      try {
        return parseDay(row.get(field));
      } catch {
        throw row.error(field, `invalid date "${row.get(field)}": expected YYYY-MM-DD`);
      }
    };
    const start = date('start');
    const end = date('end');
    if (end < start) throw row.error('end', 'is before start');
    if (!row.get('id')) throw row.error('id', 'is empty');
    return { id: row.get('id'), name: row.get('name'), kind: row.get('kind'), start, end };
  });
}

export function loadEpisodes(file: string): Episode[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw vigilError('VIGIL_FILE_NOT_FOUND', `episodes file not found: ${file}`, { cause });
  }
  return parseEpisodes(text, file);
}
