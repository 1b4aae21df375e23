// Streaming reader for GDELT 2.0 event exports: feed it text or bytes in chunks of any size; it keeps only per-day,
// per-dyad totals (never the rows), so a multi-gigabyte export needs constant memory.
//
// Speed matters (an export is ~100,000 rows per 15 minutes): lines are scanned byte by byte in one pass, actor codes
// are compared as bytes, and strings are only made for the rows of the three dyads. A JavaScript string is scanned
// through its latin1 image, whose byte offsets equal the string's indices (tab and line feed are ASCII either way).
import { inputError } from '../../errors/index.js';
import { firstInvalidByte } from '../../model/utf8-text.js';
import { isLocalDate } from '../local-time.js';
import { DYADS, GDELT, GDELT_COLUMN_COUNT, MATERIAL_CONFLICT } from './gdelt-layout.js';

export interface DyadDay {
  /** UTC calendar day YYYY-MM-DD (SQLDATE). */
  day: string;
  dyad: string;
  events: number;
  conflicts: number;
  goldsteinSum: number;
  /** Latest DATEADDED (UTC) among the day's events: when the last of them became public. */
  lastAdded: string;
}

export interface GdeltTotals {
  rows: number;
  /** Rows in one of the dyads. */
  matched: number;
  days: DyadDay[];
  /** Earliest and latest DATEADDED of the matched rows (the batch identity), or '' when none matched. */
  firstAdded: string;
  lastAdded: string;
}

const TAB = 9;
const LF = 10;
const CR = 13;
/** Country codes of the dyads as 24-bit integers, for comparing 3-byte cells without making strings. */
const code3 = (s: string) => (s.charCodeAt(0) << 16) | (s.charCodeAt(1) << 8) | s.charCodeAt(2);
const DYAD_CODES = DYADS.map((d) => ({ a: code3(d.a), b: code3(d.b), slug: d.slug }));

export class GdeltAccumulator {
  private rest: Uint8Array = new Uint8Array(0);
  private restText = '';
  private line = 0;
  private rows = 0;
  private matched = 0;
  private firstAdded = '';
  private lastAdded = '';
  private started = false;
  private readonly days = new Map<string, DyadDay>();
  private readonly ids = new Map<string, number>();
  /** Column start offsets of the current line, plus one past its end (reused). */
  private readonly starts = new Int32Array(GDELT_COLUMN_COUNT + 1);

  constructor(private readonly file: string) {}

  /** Adds a chunk of decoded text. */
  push(chunk: string): void {
    let text = chunk;
    if (!this.started && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    this.pushBytes(Buffer.from(text, 'latin1'), text);
  }

  /** Adds a chunk of raw UTF-8 bytes (a file stream). */
  pushBuffer(chunk: Uint8Array): void {
    this.pushBytes(chunk, undefined);
  }

  /** Ends the input (a last line without a line end is read) and returns the totals. */
  finish(): GdeltTotals {
    if (this.rest.length > 0) {
      const rest = this.rest;
      const text = this.restText;
      this.rest = new Uint8Array(0);
      this.restText = '';
      this.readLine(rest, text === '' ? undefined : text, 0, rest.length);
    }
    const days = [...this.days.values()].sort((x, y) =>
      x.day < y.day ? -1 : x.day > y.day ? 1 : x.dyad < y.dyad ? -1 : 1,
    );
    return { rows: this.rows, matched: this.matched, days, firstAdded: this.firstAdded, lastAdded: this.lastAdded };
  }

  private pushBytes(chunk: Uint8Array, chunkText: string | undefined): void {
    this.started = true;
    let from = 0;
    if (this.rest.length > 0) {
      // Only the line cut by the previous chunk is copied, never the whole chunk.
      const nl = chunk.indexOf(LF);
      if (nl < 0) {
        this.rest = Buffer.concat([this.rest, chunk]);
        this.restText = chunkText === undefined ? '' : this.restText + chunkText;
        return;
      }
      const line = Buffer.concat([this.rest, chunk.subarray(0, nl)]);
      const lineText = chunkText === undefined ? undefined : this.restText + chunkText.slice(0, nl);
      this.rest = new Uint8Array(0);
      this.restText = '';
      this.readLine(line, lineText, 0, line.length > 0 && line[line.length - 1] === CR ? line.length - 1 : line.length);
      from = nl + 1;
    }
    const n = chunk.length;
    for (let nl = chunk.indexOf(LF, from); nl >= 0; nl = chunk.indexOf(LF, from)) {
      this.readLine(chunk, chunkText, from, nl > from && chunk[nl - 1] === CR ? nl - 1 : nl);
      from = nl + 1;
    }
    this.rest = from < n ? chunk.slice(from) : new Uint8Array(0);
    this.restText = chunkText === undefined || from >= n ? '' : chunkText.slice(from);
  }

  private readLine(bytes: Uint8Array, text: string | undefined, start: number, end: number): void {
    this.line++;
    // A UTF-8 byte-order mark opening the file (it may arrive split over chunks, so it is checked on the whole line).
    if (
      this.line === 1 &&
      text === undefined &&
      end - start >= 3 &&
      bytes[start] === 0xef &&
      bytes[start + 1] === 0xbb &&
      bytes[start + 2] === 0xbf
    )
      start += 3;
    if (end <= start) return; // blank line
    const starts = this.starts;
    starts[0] = start;
    let columns = 1;
    let high = 0;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      high |= b;
      if (b === TAB) {
        if (columns === GDELT_COLUMN_COUNT) {
          columns++;
          break;
        }
        starts[columns++] = i + 1;
      }
    }
    // Raw bytes (a file stream) must be UTF-8: refused with the line, never replaced (as every other reader does).
    // Only a line with a byte ≥ 0x80 needs the full check, so ASCII exports pay one OR per byte.
    if (text === undefined && high >= 0x80) this.checkUtf8(bytes, start, end);
    if (columns !== GDELT_COLUMN_COUNT) {
      throw inputError(
        this.file,
        this.line,
        '(row)',
        `has ${columns} tab-separated columns; a GDELT 2.0 event row has ${GDELT_COLUMN_COUNT}`,
      );
    }
    starts[columns] = end + 1;
    this.rows++;
    const a1 = this.code3At(bytes, GDELT.Actor1CountryCode);
    const a2 = this.code3At(bytes, GDELT.Actor2CountryCode);
    if (a1 < 0 || a2 < 0) return;
    for (const d of DYAD_CODES) {
      if ((a1 === d.a && a2 === d.b) || (a1 === d.b && a2 === d.a)) {
        const cell = (c: number) => {
          const s = starts[c];
          const e = starts[c + 1] - 1;
          return text !== undefined
            ? text.slice(s, e)
            : Buffer.from(bytes.buffer, bytes.byteOffset + s, e - s).toString('utf8');
        };
        this.addEvent(d.slug, cell);
        return;
      }
    }
  }

  private checkUtf8(bytes: Uint8Array, start: number, end: number): void {
    const line = bytes.subarray(start, end);
    const at = firstInvalidByte(line);
    if (at < line.length) {
      const hex = line[at].toString(16).padStart(2, '0');
      throw inputError(this.file, this.line, '(encoding)', `is not valid UTF-8 (byte 0x${hex} at column ${at + 1})`);
    }
  }

  /** A 3-byte cell as a 24-bit integer, or -1 when the cell is not 3 bytes long. */
  private code3At(bytes: Uint8Array, column: number): number {
    const s = this.starts[column];
    if (this.starts[column + 1] - 1 - s !== 3) return -1;
    return (bytes[s] << 16) | (bytes[s + 1] << 8) | bytes[s + 2];
  }

  /** Rows in a dyad are validated field by field; others only for their column count (speed). */
  private addEvent(dyad: string, cell: (c: number) => string): void {
    const fail = (field: string, problem: string) => inputError(this.file, this.line, field, problem);
    const id = cell(GDELT.GLOBALEVENTID);
    if (!/^\d+$/.test(id)) throw fail('GLOBALEVENTID', `must be a whole number, got ${JSON.stringify(id)}`);
    const first = this.ids.get(id);
    if (first !== undefined) throw fail('GLOBALEVENTID', `duplicates line ${first}`);
    this.ids.set(id, this.line);
    const sqlDate = cell(GDELT.SQLDATE);
    const day = /^\d{8}$/.test(sqlDate) ? `${sqlDate.slice(0, 4)}-${sqlDate.slice(4, 6)}-${sqlDate.slice(6, 8)}` : '';
    if (!isLocalDate(day)) throw fail('SQLDATE', `must be a real date YYYYMMDD, got ${JSON.stringify(sqlDate)}`);
    const quad = cell(GDELT.QuadClass);
    if (!/^[1-4]$/.test(quad)) throw fail('QuadClass', `must be 1, 2, 3 or 4, got ${JSON.stringify(quad)}`);
    const goldsteinText = cell(GDELT.GoldsteinScale);
    const goldstein = Number(goldsteinText);
    if (goldsteinText === '' || !Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10) {
      throw fail('GoldsteinScale', `must be a number from -10 to 10, got ${JSON.stringify(goldsteinText)}`);
    }
    const added = cell(GDELT.DATEADDED);
    if (!isTimestamp(added)) throw fail('DATEADDED', `must be a UTC time YYYYMMDDHHMMSS, got ${JSON.stringify(added)}`);
    this.matched++;
    if (this.firstAdded === '' || added < this.firstAdded) this.firstAdded = added;
    if (added > this.lastAdded) this.lastAdded = added;
    const key = `${day}|${dyad}`;
    let totals = this.days.get(key);
    if (!totals)
      this.days.set(key, (totals = { day, dyad, events: 0, conflicts: 0, goldsteinSum: 0, lastAdded: added }));
    totals.events++;
    if (Number(quad) === MATERIAL_CONFLICT) totals.conflicts++;
    totals.goldsteinSum += goldstein;
    if (added > totals.lastAdded) totals.lastAdded = added;
  }
}

function isTimestamp(s: string): boolean {
  return (
    /^\d{14}$/.test(s) &&
    isLocalDate(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`) &&
    Number(s.slice(8, 10)) < 24 &&
    Number(s.slice(10, 12)) < 60 &&
    Number(s.slice(12, 14)) < 60
  );
}
