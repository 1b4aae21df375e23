// Where the installed package keeps its bundled packs and data, independent of the working directory.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vigilError } from '../errors/index.js';

/** Repository / package root (this file is at src/app or dist/app). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_PACK = resolve(PACKAGE_ROOT, 'packs', 'taiwan-strait', 'pack.yaml');

const PACKS_DIR = resolve(PACKAGE_ROOT, 'packs');

/** The ids of the bundled packs (folders of packs/ holding a pack.yaml), sorted. */
export function bundledPackIds(): string[] {
  return readdirSync(PACKS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(PACKS_DIR, d.name, 'pack.yaml')))
    .map((d) => d.name)
    .sort();
}

/**
 * Resolves `--pack`: a path, or the id of a bundled pack (`taiwan-strait`, `nansei`). An id that names no bundled pack
 * is refused with the list of those that exist.
 */
export function resolvePackPath(flag: string | undefined): string {
  if (!flag) return DEFAULT_PACK;
  if (/^[a-z0-9-]+$/.test(flag)) {
    const file = resolve(PACKS_DIR, flag, 'pack.yaml');
    if (!existsSync(file))
      throw vigilError(
        'VIGIL_FILE_NOT_FOUND',
        `unknown pack ${JSON.stringify(flag)}: the bundled packs are ${bundledPackIds().join(', ')} (or give the path of a pack.yaml)`,
      );
    return file;
  }
  return resolve(flag);
}
