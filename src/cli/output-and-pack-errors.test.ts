// Two CLI answers that used to be an "internal error" or a bare path: an --out the command cannot write, and a
// --pack id that names no bundled pack. Each is a Vigil error (exit 1) that says what to do.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { bundledPackIds } from '../app/paths.js';
import { checkOutFile, writeOutFile } from './output-file.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--out a command cannot write', () => {
  it('vigil backtest --out /nonexistent/x.html: exit 1 naming the path, before the replay', async () => {
    const r = await runCli(
      '--db',
      join(dir, 'empty.db'),
      'backtest',
      '--from',
      '2023-04-01',
      '--to',
      '2023-04-10',
      '--format',
      'html',
      '--out',
      '/nonexistent/x.html',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('vigil: --out /nonexistent/x.html: cannot write (folder /nonexistent does not exist)\n');
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('a folder given as the file, or a file given as the folder, is refused the same way', () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    expect(() => checkOutFile(dir)).toThrow(expect.objectContaining({ code: 'VIGIL_FILE_NOT_WRITABLE' }));
    expect(() => writeOutFile(join(file, 'x.html'), 'y')).toThrow(
      `--out ${join(file, 'x.html')}: cannot write (${file} is not a folder)`,
    );
    writeOutFile(join(dir, 'ok.html'), 'fine');
  });
});

describe('--pack naming no bundled pack', () => {
  it('vigil --pack taiwan: exit 1 listing the packs that exist', async () => {
    expect(bundledPackIds()).toEqual(expect.arrayContaining(['nansei', 'taiwan-strait']));
    const r = await runCli('--pack', 'taiwan', '--db', join(dir, 'p.db'), 'board');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `vigil: unknown pack "taiwan": the bundled packs are ${bundledPackIds().join(', ')} (or give the path of a pack.yaml)\n`,
    );
  });
});
