// Ingest work items on the bus: what they hold, how a producer splits files into them, and how a worker checks them.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { z } from 'zod';
import { parseFile } from '../app/ingest-files.js';
import { inputError } from '../errors/index.js';
import { parseObservationInput, withId, type Observation, type ObservationInput } from '../model/index.js';
import type { Bus } from '../bus/bus.js';
import { MAX_PAYLOAD_BYTES } from '../bus/handler-outcome.js';
import { SUBJECTS } from '../bus/subjects.js';
import { packPath, type LoadedPack } from '../packs/pack-loader.js';

/**
 * A batch of already-parsed observations (the producer validated the whole file, so a bad file is never half
 * queued), or a file on storage every ingest worker can read (parsed whole by the worker, written in one commit).
 */
export type IngestWork =
  | { type: 'batch'; packId: string; label: string; observations: ObservationInput[] }
  | { type: 'file'; packId: string; kind: string; path: string };

const workSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('batch'),
    packId: z.string().min(1),
    label: z.string().min(1),
    observations: z.array(z.unknown()).min(1),
  }),
  z.object({ type: z.literal('file'), packId: z.string().min(1), kind: z.string().min(1), path: z.string().min(1) }),
]);

export interface QueuedWork {
  /** Content-derived: the same observations queued again within the dedup window are queued once. */
  id: string;
  work: IngestWork;
}

export interface SplitOptions {
  /** Observations per batch at most; default 500. Batches also stay under the bus's payload limit. */
  batchSize?: number;
}

/** Splits parsed observations into batch work items, each identified by a hash of its observations' ids. */
export function batchWork(
  packId: string,
  label: string,
  observations: readonly Observation[],
  options: SplitOptions = {},
): QueuedWork[] {
  const size = Math.max(1, options.batchSize ?? 500);
  const out: QueuedWork[] = [];
  let start = 0;
  while (start < observations.length) {
    let end = Math.min(observations.length, start + size);
    let inputs = observations.slice(start, end).map(withoutId);
    // Halve until it fits the payload limit (a batch of long texts or geometries); one observation always fits.
    while (end - start > 1 && Buffer.byteLength(JSON.stringify(inputs)) > MAX_PAYLOAD_BYTES * 0.9) {
      end = start + Math.ceil((end - start) / 2);
      inputs = inputs.slice(0, end - start);
    }
    const hash = createHash('sha256');
    for (let i = start; i < end; i++) hash.update(observations[i].id);
    out.push({
      id: `batch:${hash.digest('hex').slice(0, 32)}`,
      work: { type: 'batch', packId, label: `${label}#${out.length + 1}`, observations: inputs },
    });
    start = end;
  }
  return out;
}

/** The pack's bundled data files as batch work items (parsed here, so a malformed file queues nothing). */
export function packDataWork(pack: LoadedPack, options: SplitOptions = {}): QueuedWork[] {
  return pack.data.flatMap((file) => {
    const path = packPath(pack, file.path);
    return batchWork(pack.id, basename(path), parseFile(file.kind, path), options);
  });
}

export async function publishWork(
  bus: Bus,
  items: readonly QueuedWork[],
): Promise<{ queued: number; duplicates: number }> {
  let duplicates = 0;
  for (const item of items)
    if ((await bus.publish(SUBJECTS.ingestWork, item.work, { id: item.id })).duplicate) duplicates += 1;
  return { queued: items.length - duplicates, duplicates };
}

/**
 * Checks a work item from the bus and returns identified observations. The ids are recomputed here, from the
 * content: a producer cannot make two different claims share an identity. Throws VIGIL_INPUT_INVALID (permanent).
 */
export function observationsOf(raw: unknown, messageId: string): { work: IngestWork; observations: Observation[] } {
  const parsed = workSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(`work item ${messageId}`, undefined, issue.path.join('.') || '(item)', issue.message);
  }
  const work = parsed.data as IngestWork;
  if (work.type === 'file') return { work, observations: parseFile(work.kind, work.path) };
  const observations = (work.observations as unknown[]).map((o, i) =>
    withId(parseObservationInput(o, work.label, i + 1)),
  );
  return { work, observations };
}

function withoutId(o: Observation): ObservationInput {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, ...input } = o;
  return input;
}
