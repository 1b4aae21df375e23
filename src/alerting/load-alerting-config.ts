// Loads and validates an alerting file (YAML or JSON): schema, then cross-references against the pack; errors name the field path.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { vigilError } from '../errors/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { AlertingConfig } from './alerting-config.js';
import { alertingFileSchema } from './alerting-schema.js';
import { findAlertingProblems } from './alerting-validation.js';
import { normaliseAlertingFile } from './normalise-alerting.js';

/** The alerting file beside a pack file: `<pack dir>/alerting.yaml`. */
export function defaultAlertingPath(packFile: string): string {
  return join(dirname(resolve(packFile)), 'alerting.yaml');
}

/** Validates a parsed document; `where` names it in errors; `pack` (when given) enables the cross-reference checks. */
export function validateAlertingConfig(document: unknown, where: string, pack?: Pack): AlertingConfig {
  const result = alertingFileSchema.safeParse(document);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw invalid(where, formatPath(issue.path), issue.message);
  }
  const problems = findAlertingProblems(result.data, pack);
  if (problems.length > 0) throw invalid(where, problems[0].path, problems[0].message);
  return normaliseAlertingFile(result.data, where, pack?.timeZone ?? 'UTC');
}

export function loadAlertingConfig(file: string, pack?: Pack): AlertingConfig {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw vigilError('VIGIL_FILE_NOT_FOUND', `alerting file not found: ${file}`, { cause });
  }
  let document: unknown;
  try {
    document = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (cause) {
    throw vigilError('VIGIL_RULES_INVALID', `${file}: (syntax): ${(cause as Error).message.split('\n')[0]}`, { cause });
  }
  return validateAlertingConfig(document, file, pack);
}

function invalid(where: string, path: string, problem: string) {
  return vigilError('VIGIL_RULES_INVALID', `${where}: ${path}: ${problem}`, {
    details: { file: where, path, problem },
  });
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  if (path.length === 0) return '(file)';
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}
