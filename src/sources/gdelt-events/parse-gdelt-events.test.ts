import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { GdeltAccumulator } from './gdelt-accumulator.js';
import { gdeltObservations, parseGdeltEvents, readGdeltFile } from './parse-gdelt-events.js';

const FIXTURE = new URL('../../../test/fixtures/sources/gdelt-events/20300402.export.CSV', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8');
const parse = (text: string) => parseGdeltEvents(text, { file: 'export.CSV' });
const dir = mkdtempSync(join(tmpdir(), 'vigil-gdelt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A row in the 61-column layout with the named cells set. */
function row(cells: Partial<Record<number, string>> = {}): string {
  const cols = Array.from({ length: 61 }, () => '');
  Object.assign(
    cols,
    {
      0: '1',
      1: '20300401',
      7: 'CHN',
      17: 'TWN',
      26: '190',
      29: '4',
      30: '-10',
      59: '20300401021500',
      60: 'https://example.org/x',
    },
    cells,
  );
  return cols.join('\t');
}

function messageOf(text: string): string {
  try {
    parseGdeltEvents(text, { file: 'bad.CSV' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('GDELT 2.0 event exports', () => {
  const observations = parse(fixture);

  it('matches the three dyads in either direction and nothing else', () => {
    const dyads = (a1: string, a2: string) => parse(`${row({ 7: a1, 17: a2 })}\n`).map((o) => o.attributes?.dyad)[0];
    expect([
      dyads('CHN', 'TWN'),
      dyads('TWN', 'CHN'),
      dyads('USA', 'CHN'),
      dyads('JPN', 'CHN'),
      dyads('TWN', 'USA'),
      dyads('', 'CHN'),
      dyads('CHNX', 'TWN'),
    ]).toEqual(['chn-twn', 'chn-twn', 'chn-usa', 'chn-jpn', undefined, undefined, undefined]);
  });

  it('writes per day and dyad: events, material-conflict events and the mean Goldstein scale', () => {
    expect(observations.map((o) => [o.series, o.periodStart.slice(0, 10), o.value])).toEqual([
      ['gdelt.events.chn-twn', '2030-04-01', 3],
      ['gdelt.conflict.chn-twn', '2030-04-01', 1],
      ['gdelt.goldstein.chn-twn', '2030-04-01', -4.333],
      ['gdelt.events.chn-usa', '2030-04-01', 1],
      ['gdelt.conflict.chn-usa', '2030-04-01', 0],
      ['gdelt.goldstein.chn-usa', '2030-04-01', -2],
      ['gdelt.events.chn-jpn', '2030-04-02', 2],
      ['gdelt.conflict.chn-jpn', '2030-04-02', 1],
      ['gdelt.goldstein.chn-jpn', '2030-04-02', -0.8],
      ['gdelt.events.chn-twn', '2030-04-02', 1],
      ['gdelt.conflict.chn-twn', '2030-04-02', 1],
      ['gdelt.goldstein.chn-twn', '2030-04-02', -10],
    ]);
  });

  it('dates an aggregate by its UTC day, public from its latest DATEADDED, with the batch as subject', () => {
    expect(observations[1]).toStrictEqual({
      series: 'gdelt.conflict.chn-twn',
      subject: 'gdelt:20300401021500-20300402013000',
      value: 1,
      unit: 'events',
      periodStart: '2030-04-01T00:00:00.000Z',
      periodEnd: '2030-04-02T00:00:00.000Z',
      publishedAt: '2030-04-01T06:45:00.000Z',
      source: 'gdelt',
      sourceRef: 'https://www.gdeltproject.org/data.html#rawdatafiles',
      reliability: 'C',
      credibility: 3,
      tlp: 'clear',
      attributes: { dyad: 'chn-twn', events: 3 },
    });
  });

  it('streams: any chunking of text or bytes, CRLF line ends and a missing final line end give the same totals', () => {
    const whole = new GdeltAccumulator('f');
    whole.push(fixture);
    const expected = whole.finish();
    const text = fixture.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const bytes = Buffer.from(`\ufeff${text}`, 'utf8');
    for (const size of [1, 7, 100, 4096]) {
      const chunked = new GdeltAccumulator('f');
      for (let i = 0; i < text.length; i += size) chunked.push(text.slice(i, i + size));
      expect(chunked.finish()).toEqual(expected);
      const fromBytes = new GdeltAccumulator('f');
      for (let i = 0; i < bytes.length; i += size) fromBytes.pushBuffer(bytes.subarray(i, i + size));
      expect(fromBytes.finish()).toEqual(expected);
    }
    expect(expected).toMatchObject({ rows: 9, matched: 7, firstAdded: '20300401021500', lastAdded: '20300402013000' });
  });

  it('keeps non-ASCII text in other columns out of the way, and quotes bad cells readably', () => {
    const named = row({ 6: '中華人民共和國', 36: 'Taipei, Taiwan (臺北)' });
    expect(parse(`${named}\n`)).toHaveLength(3);
    expect(messageOf(`${row({ 30: '負一' })}\n`)).toBe(
      'bad.CSV:1: GoldsteinScale: must be a number from -10 to 10, got "負一"',
    );
    const file = join(dir, 'utf8.CSV');
    writeFileSync(file, `${row({ 6: '中華', 30: '負一' })}\n`);
    return expect(readGdeltFile(file)).rejects.toThrow(
      `${file}:1: GoldsteinScale: must be a number from -10 to 10, got "負一"`,
    );
  });

  it('refuses invalid UTF-8 in a file with its line, in rows of the dyads and outside them, never replacing it', async () => {
    const bad = (cells: Partial<Record<number, string>>, at: number) => {
      const line = Buffer.from(row(cells), 'utf8');
      return Buffer.concat([line.subarray(0, at), Buffer.from([0xff]), line.subarray(at)]);
    };
    const good = Buffer.from(`${row({ 6: '中華' })}\n`, 'utf8');
    for (const [name, line] of [
      ['dyad.CSV', bad({}, 3)],
      ['other.CSV', bad({ 7: 'USA', 17: 'RUS' }, 3)],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, Buffer.concat([good, line, Buffer.from('\n')]));
      await expect(readGdeltFile(file)).rejects.toThrow(
        `${file}:2: (encoding): is not valid UTF-8 (byte 0xff at column 4)`,
      );
    }
    // A character split between two chunks of the stream is whole again on its line: accepted.
    const bytes = Buffer.from(`${row({ 6: '中華' })}\n`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('中', 'utf8')) + 1;
    const split = new GdeltAccumulator('split.CSV');
    split.pushBuffer(bytes.subarray(0, cut));
    split.pushBuffer(bytes.subarray(cut));
    expect(split.finish().matched).toBe(1);
  });

  it('reads a file as a stream', async () => {
    const totals = await readGdeltFile(fileURLToPath(FIXTURE));
    expect(gdeltObservations(totals)).toStrictEqual(observations);
  });

  it('parses 100,000 rows quickly', () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++)
      lines.push(
        row({
          0: String(i + 1),
          7: i % 3 === 0 ? 'CHN' : 'FRA',
          29: String((i % 4) + 1),
          59: `2030040${(i % 9) + 1}021500`,
        }),
      );
    const path = join(dir, 'big.CSV');
    writeFileSync(path, lines.join('\n'));
    const start = performance.now();
    const result = parse(readFileSync(path, 'utf8'));
    expect(result.filter((o) => o.series === 'gdelt.events.chn-twn').reduce((s, o) => s + o.value!, 0)).toBe(33_334);
    // Typically ~150 ms here; a generous bound for slow machines.
    expect(performance.now() - start).toBeLessThan(3000);
  });

  it.each([
    [
      'a row with too few columns',
      'a\tb\tc\n',
      'bad.CSV:1: (row): has 3 tab-separated columns; a GDELT 2.0 event row has 61',
    ],
    [
      'a row with too many columns',
      `${row()}\tX\n`,
      'bad.CSV:1: (row): has 62 tab-separated columns; a GDELT 2.0 event row has 61',
    ],
    ['a non-numeric id', `${row({ 0: 'x1' })}\n`, 'bad.CSV:1: GLOBALEVENTID: must be a whole number, got "x1"'],
    [
      'an impossible SQLDATE',
      `${row({ 1: '20300231' })}\n`,
      'bad.CSV:1: SQLDATE: must be a real date YYYYMMDD, got "20300231"',
    ],
    ['an unknown QuadClass', `${row({ 29: '5' })}\n`, 'bad.CSV:1: QuadClass: must be 1, 2, 3 or 4, got "5"'],
    [
      'a Goldstein score out of range',
      `${row({ 30: '-12' })}\n`,
      'bad.CSV:1: GoldsteinScale: must be a number from -10 to 10, got "-12"',
    ],
    [
      'an empty Goldstein score',
      `${row({ 30: '' })}\n`,
      'bad.CSV:1: GoldsteinScale: must be a number from -10 to 10, got ""',
    ],
    [
      'a malformed DATEADDED',
      `${row({ 59: '2030-04-01' })}\n`,
      'bad.CSV:1: DATEADDED: must be a UTC time YYYYMMDDHHMMSS, got "2030-04-01"',
    ],
    ['the same event twice', `${row()}\n\n${row()}\n`, 'bad.CSV:3: GLOBALEVENTID: duplicates line 1'],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });

  it('checks rows outside the dyads for their column count only', () => {
    expect(parse(`${row({ 7: 'FRA', 29: '9' })}\n`)).toEqual([]);
  });
});

runSourceParserContract('gdelt-events', {
  fixtures: [FIXTURE],
  extension: '.CSV',
  badInputs: [
    { name: 'a short row on line 2', text: `${row()}\nshort\trow\n` },
    { name: 'an unknown QuadClass', text: `${row({ 29: '0' })}\n` },
  ],
});
