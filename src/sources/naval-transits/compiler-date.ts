// The dates pla-data-dashboard writes (`2020/1/16`, `2020/01/16`, `20200116`, `2020-01-16`), read as YYYY-MM-DD.
import { isLocalDate } from '../local-time.js';

/** The date, or why `raw` is not one: not in a layout above (`format`), or no such day (`calendar`, e.g. 2024/2/30). */
export type CompilerDate = { date: string } | { problem: 'format' | 'calendar' };

/** Reads a compiler date; surrounding spaces are ignored. */
export function readCompilerDate(raw: string): CompilerDate {
  const s = raw.trim();
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return { problem: 'format' };
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isLocalDate(date) ? { date } : { problem: 'calendar' };
}

/** Normalises a compiler date to `YYYY-MM-DD`; throws `unrecognised date: …` or `not a real date: …`. */
export function normaliseDate(raw: string): string {
  const read = readCompilerDate(raw);
  if ('problem' in read)
    throw new Error(`${read.problem === 'format' ? 'unrecognised date' : 'not a real date'}: ${raw}`);
  return read.date;
}
