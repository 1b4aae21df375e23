// Loads a scenario pack from YAML or JSON, validates it, and reports the path of the first offending field.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { vigilError } from '../errors/index.js';
import { findPackProblems } from './pack-validation.js';
import { packSchema, type Pack } from './pack-schema.js';

export interface LoadedPack extends Pack {
  /** Absolute path of the pack file; data and area paths resolve against its folder. */
  file: string;
}

/** Validates an already-parsed pack document; `where` names it in errors. */
export function validatePack(document: unknown, where: string): Pack {
  const result = packSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw vigilError('VIGIL_PACK_INVALID', `${where}: ${formatPath(issue.path)}: ${issue.message}`, {
      details: { file: where, path: formatPath(issue.path), problem: issue.message },
    });
  }
  const problems = findPackProblems(result.data);
  if (problems.length > 0) {
    const p = problems[0];
    throw vigilError('VIGIL_PACK_INVALID', `${where}: ${p.path}: ${p.message}`, {
      details: { file: where, path: p.path, problem: p.message },
    });
  }
  return result.data;
}

export function loadPack(file: string): LoadedPack {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw vigilError('VIGIL_FILE_NOT_FOUND', `pack file not found: ${file}`, { cause });
  }
  let document: unknown;
  try {
    document = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw vigilError('VIGIL_PACK_INVALID', `${file}: (syntax): ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  const pack = validatePack(document, file);
  const base = dirname(path);
  const missing = [
    ...pack.data.map((d, i) => ({ at: `data[${i}].path`, rel: d.path })),
    ...Object.entries(pack.areas).map(([k, rel]) => ({ at: `areas.${k}`, rel })),
  ].find((f) => !existsSync(resolve(base, f.rel)));
  if (missing) throw vigilError('VIGIL_PACK_INVALID', `${file}: ${missing.at}: file not found: ${missing.rel}`);
  return { ...pack, file: path };
}

/** Resolves a path named inside a pack (data file, area) against the pack's folder. */
export function packPath(pack: LoadedPack, relative: string): string {
  return resolve(dirname(pack.file), relative);
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(pack)';
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}
