// Where the installed package keeps its bundled packs and data, independent of the working directory.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository / package root (this file is at src/app or dist/app). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_PACK = resolve(PACKAGE_ROOT, 'packs', 'taiwan-strait', 'pack.yaml');

/** Resolves `--pack`: a path, or the id of a bundled pack (`taiwan-strait`, `nansei`). */
export function resolvePackPath(flag: string | undefined): string {
  if (!flag) return DEFAULT_PACK;
  if (/^[a-z0-9-]+$/.test(flag)) return resolve(PACKAGE_ROOT, 'packs', flag, 'pack.yaml');
  return resolve(flag);
}
