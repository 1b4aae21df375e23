// After new observations are stored (through the API or by another process): refresh assessments and tell dashboards.
import { createHash, randomBytes } from 'node:crypto';
import { SUBJECTS } from '../bus/subjects.js';
import type { Tlp } from '../model/index.js';
import type { PutResult } from '../storage/store.js';
import type { ServerDeps } from './server-deps.js';

/** Marks this process's own announcements, so its bus subscription does not handle them a second time. */
export const OWN_NOTICE_PREFIX = `api-${randomBytes(4).toString('hex')}:`;

export interface StoredSummary extends PutResult {
  /** What was stored: `upload.csv (mnd-daily)`, a work item id… */
  label: string;
  by: string;
}

/**
 * Invalidates the assessment indexes and publishes `observations`, plus `assessment` (`{day}`) when the latest
 * assessment moved for any TLP ceiling in use. The event carries no level: the stream goes to every signed-in user,
 * and each reads the new assessment through the API, as their own ceiling allows.
 */
export async function observationsStored(deps: ServerDeps, summary: StoredSummary): Promise<void> {
  const before = await latestSummaries(deps);
  deps.assessments.invalidate();
  deps.events.publish('observations', summary);
  deps.alerts?.changed?.();
  const after = await latestSummaries(deps);
  const moved = [...after].some(([tlp, a]) => {
    const b = before.get(tlp);
    return b === undefined || b.day !== a.day || b.level !== a.level || b.pEvent7d !== a.pEvent7d;
  });
  const latest = [...after.values()].map((a) => a.day).sort().at(-1);
  if (moved && latest !== undefined) deps.events.publish('assessment', { day: latest });
}

/** Announces an API ingest on the shared bus, so assess roles and other API processes hear of it. */
export async function announceStored(deps: ServerDeps, summary: StoredSummary, ids: readonly string[]): Promise<void> {
  if (!deps.bus || summary.inserted === 0) return;
  const hash = createHash('sha256');
  for (const id of ids) hash.update(id);
  const workId = `${OWN_NOTICE_PREFIX}${hash.digest('hex').slice(0, 32)}`;
  await deps.bus.publish(SUBJECTS.stored(deps.pack.id), { packId: deps.pack.id, workId, inserted: summary.inserted, unchanged: summary.unchanged }, { id: `stored:${workId}` });
}

/** The latest assessment of every TLP view built so far (and of the full view, which the alert loop uses). */
async function latestSummaries(deps: ServerDeps): Promise<Map<Tlp, { day: string; level: number; pEvent7d: number }>> {
  const out = new Map<Tlp, { day: string; level: number; pEvent7d: number }>();
  for (const tlp of deps.assessments.built()) {
    const view = deps.assessments.for(tlp);
    const span = await view.span();
    if (!span) continue;
    const a = await view.assess(span.latest);
    out.set(tlp, { day: a.day, level: a.level, pEvent7d: a.pEvent7d });
  }
  return out;
}
