// Nothing below the configuration module reads process.env: settings come in through src/app/config.
import { describe, expect, it } from 'vitest';
import { readSource, shippedSourceFiles } from './source-files.js';

const CONFIG_MODULE = 'src/app/config/environment.ts';

describe('process.env', () => {
  it(`is read only in ${CONFIG_MODULE}`, () => {
    const readers = shippedSourceFiles().filter((f) =>
      /\bprocess\.env\b/.test(readSource(f).replace(/^\s*(\/\/|\*).*$/gm, '')),
    );
    expect(readers).toEqual([CONFIG_MODULE]);
  });
});
