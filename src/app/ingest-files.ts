// Imports files of one kind into the store: each file is parsed whole first, so a bad row writes nothing from it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { vigilError } from '../errors/index.js';
import { withId, type Observation } from '../model/index.js';
import { getSourceParser } from '../sources/registry.js';
import type { Store } from '../storage/store.js';

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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw vigilError('VIGIL_FILE_NOT_FOUND', `${path}: cannot read file (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { cause });
  }
  return parser.parse(text, { file: path }).map(withId);
}

export async function ingestFiles(store: Store, kind: string, paths: readonly string[], options: IngestOptions): Promise<FileIngestResult[]> {
  const results: FileIngestResult[] = [];
  const parsed = paths.map((path) => ({ path, observations: parseFile(kind, path) }));
  const total = parsed.reduce((s, p) => s + p.observations.length, 0);
  let done = 0;
  for (const { path, observations } of parsed) {
    const put = await store.putObservations(observations, options.now);
    done += observations.length;
    options.onProgress?.(done, total);
    results.push({ file: basename(path), kind, observations: observations.length, ...put });
  }
  return results;
}
