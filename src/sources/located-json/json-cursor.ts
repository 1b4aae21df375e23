// Typed, located reads from a parsed JSON document: every problem is reported as `file:line: path: problem`.
import { inputError, type VigilError } from '../../errors/index.js';
import type { JsonObject, JsonValue, LocatedJson } from './located-json.js';

/** A value inside a located JSON document, with its path (e.g. `aircraft.total`) and the line it is on. */
export class JsonCursor {
  constructor(
    readonly file: string,
    readonly located: LocatedJson,
    /** Undefined when the member is absent. */
    readonly value: JsonValue | undefined,
    readonly path: string,
    readonly line: number,
  ) {}

  /** The cursor of a whole document. */
  static root(file: string, located: LocatedJson): JsonCursor {
    return new JsonCursor(file, located, located.value, '', 1);
  }

  error(problem: string): VigilError {
    return inputError(this.file, this.line, this.path === '' ? '(document)' : this.path, problem);
  }

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  /** This value as an object (throws unless it is one). */
  object(): JsonObject {
    const v = this.value;
    if (v === undefined) throw this.error('is required');
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      throw this.error(`must be an object, got ${kindOf(v)}`);
    return v;
  }

  /** A member of this object; absent members give a cursor whose value is undefined, on the object's line. */
  member(key: string): JsonCursor {
    const object = this.object();
    const path = this.path === '' ? key : `${this.path}.${key}`;
    const present = Object.hasOwn(object, key);
    return new JsonCursor(
      this.file,
      this.located,
      present ? object[key] : undefined,
      path,
      this.located.lineOf(object, present ? key : undefined),
    );
  }

  /** Throws at the first member not in `known` (a typo must not silently drop data). */
  rejectUnknown(known: readonly string[]): void {
    const object = this.object();
    for (const key of Object.keys(object)) {
      if (!known.includes(key)) {
        const path = this.path === '' ? key : `${this.path}.${key}`;
        throw inputError(
          this.file,
          this.located.lineOf(object, key),
          path,
          `unknown field; expected ${known.join(', ')}`,
        );
      }
    }
  }

  /** The items of this array. */
  items(): JsonCursor[] {
    const v = this.value;
    if (v === undefined) throw this.error('is required');
    if (!Array.isArray(v)) throw this.error(`must be an array, got ${kindOf(v)}`);
    return v.map(
      (item, i) => new JsonCursor(this.file, this.located, item, `${this.path}[${i}]`, this.located.lineOf(v, i)),
    );
  }

  /** A string, or undefined when absent or null (empty strings are returned as is). */
  optionalString(): string | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw this.error(`must be a string, got ${kindOf(v)}`);
    return v;
  }

  /** A non-empty string. */
  string(): string {
    const s = this.optionalString();
    if (s === undefined) throw this.error('is required');
    if (s.trim() === '') throw this.error('must not be empty');
    return s;
  }

  /** A non-negative whole number (a count); undefined when absent or null. */
  optionalCount(): number | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number') throw this.error(`must be a whole number, got ${kindOf(v)}`);
    if (!Number.isInteger(v)) throw this.error(`must be a whole number, got ${v}`);
    if (v < 0) throw this.error(`must not be negative, got ${v}`);
    if (!Number.isSafeInteger(v)) throw this.error(`is too large, got ${v}`);
    return v;
  }

  count(): number {
    const c = this.optionalCount();
    if (c === undefined) throw this.error('is required');
    return c;
  }

  /** A finite number; undefined when absent or null. */
  optionalNumber(): number | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number') throw this.error(`must be a number, got ${kindOf(v)}`);
    return v;
  }

  optionalBoolean(): boolean | undefined {
    const v = this.value;
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw this.error(`must be true or false, got ${kindOf(v)}`);
    return v;
  }
}

function kindOf(v: JsonValue): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}
