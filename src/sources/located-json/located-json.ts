// Parses JSON text while remembering the line each member starts on, so importers can say `file:line: field: problem`.
//
// JSON.parse gives no positions. This is a strict RFC 8259 recursive-descent parser (same grammar as JSON.parse, a
// leading BOM allowed) that records, for every object and array, the line of each member (object keys, array items).
// It is the one strict JSON reader for every input (files, STIX, TAXII and API bodies): a member name given twice is
// refused (`{"tlp":"red","tlp":"clear"}` must not quietly become CLEAR) and nesting stops at MAX_JSON_DEPTH.
import { inputError } from '../../errors/index.js';
import { MAX_JSON_DEPTH } from '../../model/input-limits.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface LocatedJson {
  value: JsonValue;
  /** Line of a container member (an object key or an array index), else of the container itself. */
  lineOf(container: object, member?: string | number): number;
}

/** A syntax error at a line, turned into `file:line: (json): problem` by parseLocatedJson. */
class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}

/** `firstLine` numbers the text's first line (a JSON Lines record on line 7 passes 7). */
export function parseLocatedJson(text: string, file: string, firstLine = 1): LocatedJson {
  const starts = new WeakMap<object, number>();
  const members = new WeakMap<object, Map<string | number, number>>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = firstLine;
  const n = text.length;

  const fail = (problem: string): never => {
    throw new JsonSyntaxError(line, problem);
  };
  const skipSpace = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) return;
      i++;
    }
  };
  const expectLiteral = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return value;
    }
    return fail(`unexpected ${describe(text, i)}`);
  };
  const parseString = (): string => {
    const start = i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 32) fail('a string contains a raw control character or line break');
      if (c === 92) {
        escaped = true;
        i++;
      }
      i++;
    }
    if (i >= n) fail('a string is never closed');
    i++;
    const raw = text.slice(start, i);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return fail('a string has an invalid escape sequence');
    }
  };
  const parseNumber = (): number => {
    const match = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    match.lastIndex = i;
    const m = match.exec(text);
    if (!m || m[0] === '-' || m[0] === '') fail(`unexpected ${describe(text, i)}`);
    i += m![0].length;
    return Number(m![0]);
  };
  const parseValue = (depth: number): JsonValue => {
    if (depth >= MAX_JSON_DEPTH) fail(`nesting is deeper than ${MAX_JSON_DEPTH} levels`);
    skipSpace();
    if (i >= n) return fail('unexpected end of input');
    const c = text[i];
    if (c === '{') return parseObject(depth);
    if (c === '[') return parseArray(depth);
    if (c === '"') return parseString();
    if (c === 't') return expectLiteral('true', true);
    if (c === 'f') return expectLiteral('false', false);
    if (c === 'n') return expectLiteral('null', null);
    return parseNumber();
  };
  const parseObject = (depth: number): JsonObject => {
    const object: JsonObject = {};
    const lines = new Map<string | number, number>();
    starts.set(object, line);
    members.set(object, lines);
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return object;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`expected a quoted member name, got ${describe(text, i)}`);
      const keyLine = line;
      const key = parseString();
      skipSpace();
      if (text[i] !== ':') fail(`expected ":" after member name ${JSON.stringify(key)}`);
      i++;
      if (lines.has(key)) fail(`member ${JSON.stringify(key)} appears twice`);
      lines.set(key, keyLine);
      // Defined as an own data property even for "__proto__", as JSON.parse does.
      Object.defineProperty(object, key, {
        value: parseValue(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return object;
      }
      fail(`expected "," or "}" in an object, got ${describe(text, i)}`);
    }
  };
  const parseArray = (depth: number): JsonValue[] => {
    const array: JsonValue[] = [];
    const lines = new Map<string | number, number>();
    starts.set(array, line);
    members.set(array, lines);
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return array;
    }
    for (;;) {
      skipSpace();
      lines.set(array.length, line);
      array.push(parseValue(depth + 1));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return array;
      }
      fail(`expected "," or "]" in an array, got ${describe(text, i)}`);
    }
  };

  let value: JsonValue;
  try {
    value = parseValue(0);
    skipSpace();
    if (i < n) fail(`unexpected ${describe(text, i)} after the end of the document`);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw inputError(file, error.line, '(json)', `is not valid JSON: ${error.problem}`);
    // A document deep enough to exhaust the stack before the depth check is still bad input, not a crash.
    if (error instanceof RangeError)
      throw inputError(file, line, '(json)', `is not valid JSON: nesting is deeper than ${MAX_JSON_DEPTH} levels`);
    throw error;
  }
  return {
    value,
    lineOf(container, member) {
      const memberLine = member === undefined ? undefined : members.get(container)?.get(member);
      return memberLine ?? starts.get(container) ?? 1;
    },
  };
}

function describe(text: string, i: number): string {
  return i >= text.length ? 'end of input' : JSON.stringify(text.slice(i, i + 12));
}

/** The value of strict JSON text (see parseLocatedJson), for callers that need no line numbers. */
export function parseStrictJson(text: string, file: string, firstLine = 1): JsonValue {
  return parseLocatedJson(text, file, firstLine).value;
}
