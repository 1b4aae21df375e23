// Nothing below the configuration module reads process.env: settings come in through src/app/config.
import { describe, expect, it } from 'vitest';
import { readSource, shippedSourceFiles } from './source-files.js';

const CONFIG_MODULE = 'src/app/config/environment.ts';
/**
 * Known exceptions, each with who removes it. pg-url.ts checks PGUSER/USER to mimic libpq's default user; the
 * `storage` rewrite (issue #13 item 2) takes it from the configuration.
 */
const KNOWN: Record<string, string> = {
  'src/storage/database/pg-url.ts': 'storage rewrite (issue #13 item 2)',
};

describe('process.env', () => {
  it(`is read only in ${CONFIG_MODULE}`, () => {
    const readers = shippedSourceFiles().filter((f) =>
      /\bprocess\.env\b/.test(readSource(f).replace(/^\s*(\/\/|\*).*$/gm, '')),
    );
    expect(readers.filter((f) => !Object.hasOwn(KNOWN, f))).toEqual([CONFIG_MODULE]);
  });
});
