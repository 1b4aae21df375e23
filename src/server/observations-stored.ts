// After new observations are stored (through the API or by another process): refresh assessments and tell dashboards.
import { createHash, randomBytes } from 'node:crypto';
import { SUBJECTS } from '../bus/subjects.js';
import type { PutResult } from '../storage/store.js';
import type { ServerDeps } from './server-deps.js';

/** Marks this process's own announcements, so its bus subscription does not handle them a second time. */
export const OWN_NOTICE_PREFIX = `api-${randomBytes(4).toString('hex')}:`;

export interface StoredSummary extends PutResult {
  /** What was stored: `upload.csv (mnd-daily)`, a work item id… */
  label: string;
  by: string;
}

/** Invalidates the assessment index and publishes `observations`, plus `assessment` when the latest level or day moved. */
export async function observationsStored(deps: ServerDeps, summary: StoredSummary): Promise<void> {
  const before = await latestSummary(deps);
  deps.assessments.invalidate();
  deps.events.publish('observations', summary);
  deps.alerts?.changed?.();
  const after = await latestSummary(deps);
  if (after && (before?.day !== after.day || before.level !== after.level || before.pEvent7d !== after.pEvent7d)) deps.events.publish('assessment', after);
}

/** Announces an API ingest on the shared bus, so assess roles and other API processes hear of it. */
export async function announceStored(deps: ServerDeps, summary: StoredSummary, ids: readonly string[]): Promise<void> {
  if (!deps.bus || summary.inserted === 0) return;
  const hash = createHash('sha256');
  for (const id of ids) hash.update(id);
  const workId = `${OWN_NOTICE_PREFIX}${hash.digest('hex').slice(0, 32)}`;
  await deps.bus.publish(SUBJECTS.stored(deps.pack.id), { packId: deps.pack.id, workId, inserted: summary.inserted, unchanged: summary.unchanged }, { id: `stored:${workId}` });
}

async function latestSummary(deps: ServerDeps) {
  const span = await deps.assessments.span();
  if (!span) return undefined;
  const a = await deps.assessments.assess(span.latest);
  return { day: a.day, level: a.level, levelName: a.levelName, pEvent7d: a.pEvent7d };
}
