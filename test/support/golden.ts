// Golden-file comparison: on mismatch (or a missing golden) writes `<golden>.changed` beside it and fails the test.
// Review the diff, then `mv <golden>.changed <golden>` to accept it. `*.changed` is gitignored.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN_DIR = new URL('../golden/', import.meta.url);

export function expectGolden(actual: string, name: string): void {
  const path = fileURLToPath(new URL(name, GOLDEN_DIR));
  const changed = `${path}.changed`;
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  const hint =
    expected === undefined
      ? `no golden file yet: review ${changed} and rename it to ${name}`
      : `wrote ${changed}; diff it against the golden and rename it if the change is intended`;
  expect(actual, hint).toBe(expected);
}
