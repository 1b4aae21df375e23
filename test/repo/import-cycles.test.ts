// Arrows point down: no file in src/ imports itself through other files (tests, helpers and the bench included).
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';
import { allSourceFiles } from './source-files.js';

/** Known cycles, each with who removes it. Remove an entry once its cycle is gone; a new cycle is never added here. */
const KNOWN_CYCLES: string[][] = [];

describe('import graph', () => {
  const graph = importGraph(allSourceFiles());

  it('sees the imports (a sanity check on the walker)', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('src/roles/index.ts')).toContain('src/roles/api-role.ts');
    // multi-line imports, type-only imports and re-exports count
    expect(graph.get('src/app/config/index.ts')).toEqual([
      'src/app/config/environment.ts',
      'src/app/config/settings.ts',
      'src/app/config/vigil-config.ts',
    ]);
  });

  it('finds cycles, long and short, and nothing else', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['f']],
      ['f', ['e']],
      ['g', ['a']],
    ]);
    expect(importCycles(g)).toEqual([
      ['a', 'b', 'c'],
      ['e', 'f'],
    ]);
  });

  it('has no import cycle in src/', () => {
    const known = new Set(KNOWN_CYCLES.map((c) => c.join(' ')));
    expect(importCycles(graph).filter((c) => !known.has(c.join(' ')))).toEqual([]);
  });
});
