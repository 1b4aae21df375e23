// AGENTS.md gives every folder under src/ a one-line purpose, and lists no folder that is gone.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './source-files.js';

const AGENTS = readFileSync(join(ROOT, 'AGENTS.md'), 'utf8');

function sourceFolders(): string[] {
  return readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `${relative(ROOT, join(e.parentPath, e.name))}/`)
    .sort();
}

function listedFolders(): Map<string, string> {
  const rows = AGENTS.split('\n').flatMap((line) => {
    const m = /^\| `(src\/[^`]+\/)` \| (.*) \|$/.exec(line);
    return m ? [[m[1], m[2].trim()] as const] : [];
  });
  return new Map(rows);
}

describe('AGENTS.md', () => {
  const listed = listedFolders();

  it.each(sourceFolders())('gives %s a purpose (add a line to AGENTS.md)', (folder) => {
    expect(listed.get(folder)?.length ?? 0).toBeGreaterThan(10);
  });

  it('lists only folders that exist (remove the lines of folders that are gone)', () => {
    const existing = new Set(sourceFolders());
    expect([...listed.keys()].filter((f) => !existing.has(f))).toEqual([]);
  });
});
