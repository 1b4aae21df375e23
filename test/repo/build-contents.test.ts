// What `npm run build` ships in dist/: no tests, contract suites, fixtures, test servers, test helpers or the bench.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, TEST_ONLY } from './source-files.js';

describe('the build', () => {
  it('compiles no test-only file into dist/', () => {
    const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
    const listed = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--listFilesOnly'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const sources = listed
      .split('\n')
      .filter((f) => f.startsWith(`${ROOT}src/`))
      .map((f) => f.slice(ROOT.length));
    expect(sources.length).toBeGreaterThan(100);
    expect(sources).toContain('src/cli/main.ts');
    expect(sources.filter((f) => TEST_ONLY.test(f))).toEqual([]);
  });
});
