import { describe, expect, it } from 'vitest';
import { JsonCursor } from './json-cursor.js';
import { parseLocatedJson } from './located-json.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('parseLocatedJson', () => {
  it('parses exactly what JSON.parse parses', () => {
    const samples = [
      '{"a":1,"b":[true,false,null],"c":{"d":"x\\ny\\u00e9"},"e":-1.5e3,"f":""}',
      '[]',
      '{}',
      '"plain"',
      '0',
      '\ufeff{"bom": 1}',
      ' [ 1 , 2 ,\r\n 3 ] ',
    ];
    for (const text of samples)
      expect(parseLocatedJson(text, 'f.json').value).toEqual(JSON.parse(text.replace(/^\ufeff/, '')));
  });

  it('keeps "__proto__" as a plain member, as JSON.parse does', () => {
    const value = parseLocatedJson('{"__proto__": {"x": 1}}', 'f.json').value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('records the line of each member and item', () => {
    const text = '{\n  "a": 1,\n  "list": [\n    {"x": 1},\n    {\n      "y": 2\n    }\n  ]\n}';
    const located = parseLocatedJson(text, 'f.json');
    const root = located.value as { list: Array<Record<string, unknown>> };
    expect(located.lineOf(root, 'a')).toBe(2);
    expect(located.lineOf(root, 'list')).toBe(3);
    expect(located.lineOf(root.list, 0)).toBe(4);
    expect(located.lineOf(root.list, 1)).toBe(5);
    expect(located.lineOf(root.list[1], 'y')).toBe(6);
    expect(located.lineOf(root.list[1])).toBe(5);
  });

  it.each([
    ['{"a": 1,}', 'f.json:1: (json): is not valid JSON: expected a quoted member name, got "}"'],
    ['{\n"a": 1\n"b": 2}', 'f.json:3: (json): is not valid JSON: expected "," or "}" in an object, got "\\"b\\": 2}"'],
    ['[1, 2', 'f.json:1: (json): is not valid JSON: expected "," or "]" in an array, got end of input'],
    ['{"a": "x\ny"}', 'f.json:1: (json): is not valid JSON: a string contains a raw control character or line break'],
    ['{"a": "\\q"}', 'f.json:1: (json): is not valid JSON: a string has an invalid escape sequence'],
    ['{"a": 1, "a": 2}', 'f.json:1: (json): is not valid JSON: member "a" appears twice'],
    ['{"a": tru}', 'f.json:1: (json): is not valid JSON: unexpected "tru}"'],
    ['{"a": 01}', 'f.json:1: (json): is not valid JSON: expected "," or "}" in an object, got "1}"'],
    ['{} {}', 'f.json:1: (json): is not valid JSON: unexpected "{}" after the end of the document'],
    ['', 'f.json:1: (json): is not valid JSON: unexpected end of input'],
    ['"open', 'f.json:1: (json): is not valid JSON: a string is never closed'],
  ])('rejects %j', (text, message) => {
    expect(messageOf(() => parseLocatedJson(text, 'f.json'))).toBe(message);
  });

  it('bounds nesting depth', () => {
    expect(messageOf(() => parseLocatedJson('['.repeat(600) + ']'.repeat(600), 'f.json'))).toBe(
      'f.json:1: (json): is not valid JSON: nesting is deeper than 64 levels',
    );
    expect(parseLocatedJson('['.repeat(64) + ']'.repeat(64), 'f.json').value).toBeDefined();
    expect(messageOf(() => parseLocatedJson('['.repeat(65) + ']'.repeat(65), 'f.json'))).toMatch(/deeper than 64/);
    expect(messageOf(() => parseLocatedJson('['.repeat(200_000) + ']'.repeat(200_000), 'f.json'))).toMatch(
      /deeper than 64/,
    );
  });
});

describe('JsonCursor', () => {
  const text = '{\n  "name": "x",\n  "n": 2.5,\n  "items": [1, "two"],\n  "nested": {\n    "k": -1\n  }\n}';
  const root = JsonCursor.root('f.json', parseLocatedJson(text, 'f.json'));

  it('reads typed members with their paths and lines', () => {
    expect(root.member('name').string()).toBe('x');
    expect(root.member('nested').member('k').optionalNumber()).toBe(-1);
    expect(
      root
        .member('items')
        .items()
        .map((c) => c.path),
    ).toEqual(['items[0]', 'items[1]']);
    expect(root.member('missing').present).toBe(false);
  });

  it.each([
    [() => root.member('n').count(), 'f.json:3: n: must be a whole number, got 2.5'],
    [() => root.member('nested').member('k').count(), 'f.json:6: nested.k: must not be negative, got -1'],
    [() => root.member('items').items()[1].count(), 'f.json:4: items[1]: must be a whole number, got a string "two"'],
    [() => root.member('missing').string(), 'f.json:1: missing: is required'],
    [() => root.member('name').object(), 'f.json:2: name: must be an object, got a string "x"'],
    [() => root.member('nested').rejectUnknown(['j']), 'f.json:6: nested.k: unknown field; expected j'],
    [() => root.member('n').optionalBoolean(), 'f.json:3: n: must be true or false, got number 2.5'],
  ])('reports problems as file:line: path: problem (%#)', (run, message) => {
    expect(messageOf(run)).toBe(message);
  });
});
