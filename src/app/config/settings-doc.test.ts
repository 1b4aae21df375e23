// docs/configuration.md lists exactly the settings of the schema, with the same flag, variable, default and meaning.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from './settings.js';

const DOC = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');

function documentedRows(): string[][] {
  const section = DOC.split(/^## /m).find((s) => s.startsWith('Settings'))!;
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim()),
    );
}

function schemaRows(): string[][] {
  const cell = (v?: string) => (v === undefined ? '—' : v === '' ? '(empty)' : `\`${v}\``);
  return Object.entries(SETTINGS).map(([name, d]) => {
    const def = d as { flag?: string; env?: string; default?: string; description: string };
    return [`\`${name}\``, cell(def.flag), cell(def.env), cell(def.default), def.description];
  });
}

describe('docs/configuration.md', () => {
  it('has one row per setting, matching the schema', () => {
    expect(documentedRows()).toEqual(schemaRows());
  });
});
