// Bad input found by the probe: each case is refused with file:line (or field) as VIGIL_INPUT_INVALID, never a crash.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isVigilError } from '../errors/index.js';
import { parseFile } from './ingest-files.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-bad-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The error parseFile throws, which must be a located input error. */
function refusal(kind: string, path: string): string {
  try {
    parseFile(kind, path);
  } catch (error) {
    expect(isVigilError(error) && error.code, String(error)).toBe('VIGIL_INPUT_INVALID');
    return (error as Error).message;
  }
  throw new Error('was accepted');
}

const record = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    series: 'mnd.aircraft.total',
    value: 3,
    unit: 'aircraft',
    periodStart: '2024-05-23T22:00:00Z',
    periodEnd: '2024-05-24T22:00:00Z',
    publishedAt: '2024-05-24T01:00:00Z',
    source: 'mnd',
    reliability: 'A',
    credibility: 1,
    tlp: 'amber',
    ...over,
  });
const item = (pubDate = 'Fri, 24 May 2024 06:00:00 GMT') =>
  `<rss version="2.0"><channel><link>https://news.example/</link><item><title>Drill</title><link>https://news.example/1</link><pubDate>${pubDate}</pubDate></item></channel></rss>`;

describe('bad input is refused with its place', () => {
  it('a news feed with a malformed XML declaration', () => {
    const path = fileWith('decl.xml', `<?xml version="1.0" encoding="utf-"8"?>\n${item()}`);
    expect(refusal('news-feed', path)).toBe(
      `${path}:1: (xml): has a malformed XML declaration (expected <?xml version="1.0" encoding="…"?>)`,
    );
  });

  it('a news feed with a DOCTYPE (entity definitions)', () => {
    const path = fileWith('doctype.xml', `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "x">]>\n${item()}`);
    expect(refusal('news-feed', path)).toMatch(new RegExp(`^${path}:2: \\(xml\\): has a DOCTYPE`));
  });

  it('geometry nested 3,200 levels deep, before any hashing', () => {
    const deep = `${'['.repeat(3200)}1${']'.repeat(3200)}`;
    const path = fileWith(
      'deep.jsonl',
      `${record()}\n${record().replace(/}$/, `,"geometry":{"type":"Point","coordinates":${deep}}}`)}\n`,
    );
    expect(refusal('jsonl', path)).toBe(`${path}:2: (json): is not valid JSON: nesting is deeper than 64 levels`);
  });

  it('a member name given twice, such as {"tlp":"red","tlp":"clear"}', () => {
    const path = fileWith('dup.jsonl', `${record({ tlp: 'red' }).replace(/}$/, ',"tlp":"clear"}')}\n`);
    expect(refusal('jsonl', path)).toBe(`${path}:1: (json): is not valid JSON: member "tlp" appears twice`);
  });

  it('invalid UTF-8, with the line of the first bad byte', () => {
    const path = fileWith(
      'bytes.jsonl',
      Buffer.concat([Buffer.from(`${record()}\n${record()}\n`), Buffer.from([0x7b, 0xff, 0xfe]), Buffer.from('\n')]),
    );
    expect(refusal('jsonl', path)).toMatch(new RegExp(`^${path}:3: \\(encoding\\): is not valid UTF-8 \\(byte 0xff`));
  });

  it.each(['0000', '9999', '1899', '2201'])('year %s in an instant, naming the field', (year) => {
    const path = fileWith(`year-${year}.jsonl`, `${record({ publishedAt: `${year}-05-24T01:00:00Z` })}\n`);
    expect(refusal('jsonl', path)).toMatch(new RegExp(`^${path}:1: publishedAt: `));
  });

  it('year 9999 in a feed date, naming the item line and field', () => {
    const path = fileWith('year.xml', item('Fri, 24 May 9999 06:00:00 GMT'));
    expect(refusal('news-feed', path)).toBe(`${path}:1: pubDate: year 9999 is outside 1900–2200`);
  });

  it('accepts the same record when it is well-formed', () => {
    expect(parseFile('jsonl', fileWith('good.jsonl', `${record()}\n`))).toHaveLength(1);
  });
});
