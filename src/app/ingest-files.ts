// Imports files of one kind into the store: each file is parsed whole first, so a bad row writes nothing from it.
// Kinds with a streaming reader (GDELT exports) are read as a byte stream instead of one string.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { VigilError, vigilError } from '../errors/index.js';
import { withId, type Observation, type ObservationInput } from '../model/index.js';
import { checkObservationLimits } from '../model/observation-limits.js';
import { decodeUtf8 } from '../model/utf8-text.js';
import { getSourceParser } from '../sources/registry.js';
import type { ObservationWriter } from './write-services.js';

export interface FileIngestResult {
  file: string;
  kind: string;
  observations: number;
  inserted: number;
  unchanged: number;
}

export interface IngestOptions {
  /** Ingestion time (ISO), passed in so callers own the clock. */
  now: string;
  onProgress?: (done: number, total: number) => void;
}

/** Reads and parses one file into identified observations; throws `file:line: field: problem` on bad input. */
export function parseFile(kind: string, path: string): Observation[] {
  const parser = getSourceParser(kind);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw vigilError(
      'VIGIL_FILE_NOT_FOUND',
      `${path}: cannot read file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause },
    );
  }
  return identifyParsed(parser.parse(decodeUtf8(bytes, path), { file: path }), path);
}

/** Every parser's output passes the same limits (years, sizes, geometry depth) before it is hashed. */
export function identifyParsed(observations: ObservationInput[], file: string): Observation[] {
  observations.forEach((o, i) => checkObservationLimits(o, file, i));
  return observations.map(withId);
}

/**
 * As `parseFile`, through the kind's streaming reader when it has one (constant memory for multi-gigabyte exports).
 * This is the `vigil ingest` path.
 */
export async function readFileObservations(kind: string, path: string): Promise<Observation[]> {
  const parser = getSourceParser(kind);
  if (parser.readFile === undefined) return parseFile(kind, path);
  try {
    return identifyParsed(await parser.readFile(path, { file: path }), path);
  } catch (cause) {
    // Only a file-system error (ENOENT, EACCES, EISDIR…) is about the file; anything else is a bug and says so.
    const code = (cause as NodeJS.ErrnoException).code;
    if (cause instanceof VigilError || typeof code !== 'string' || !(cause as NodeJS.ErrnoException).syscall)
      throw cause;
    throw vigilError('VIGIL_FILE_NOT_FOUND', `${path}: cannot read file (${code})`, { cause });
  }
}

/**
 * Writes each file in its own transaction through `store`: a Store, or an audited writer (writes.observations) that
 * appends one audit entry per file, labelled `<file> (<kind>)`.
 */
export async function ingestFiles(
  store: ObservationWriter,
  kind: string,
  paths: readonly string[],
  options: IngestOptions,
): Promise<FileIngestResult[]> {
  const results: FileIngestResult[] = [];
  const parsed: { path: string; observations: Observation[] }[] = [];
  for (const path of paths) parsed.push({ path, observations: await readFileObservations(kind, path) });
  const total = parsed.reduce((s, p) => s + p.observations.length, 0);
  let done = 0;
  for (const { path, observations } of parsed) {
    const put = await store.putObservations(observations, options.now, `${basename(path)} (${kind})`);
    done += observations.length;
    options.onProgress?.(done, total);
    results.push({ file: basename(path), kind, observations: observations.length, ...put });
  }
  return results;
}
