// The shipped source files under src/ (no tests, contract suites, fixtures, test helpers, bench), for repository tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEST_ONLY =
  /(\.test\.ts|\.contract\.ts|-fixtures?\.ts|-test-support\.ts|\/test-server\.ts|\/server-fixture\.ts|^src\/bench\/)/;

/** Every .ts/.tsx file under src/, as a path relative to the repository root. */
export function allSourceFiles(): string[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .sort();
}

export function shippedSourceFiles(): string[] {
  return allSourceFiles().filter((f) => !TEST_ONLY.test(f));
}

export function readSource(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}
