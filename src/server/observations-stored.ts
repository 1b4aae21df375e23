// After new observations are stored (through the API or by another process): forget the assessment indexes and
// tell dashboards. Nothing is rebuilt here: each ceiling's index is rebuilt on its next read, outside the ingest.
import { createHash, randomBytes } from 'node:crypto';
import { noticeSeries, type StoredNotice } from '../bus/messages.js';
import { SUBJECTS } from '../bus/subjects.js';
import type { Observation } from '../model/index.js';
import type { PutResult } from '../storage/store.js';
import type { ServerDeps } from './server-deps.js';

/** Marks this process's own announcements, so its bus subscription does not handle them a second time. */
export const OWN_NOTICE_PREFIX = `api-${randomBytes(4).toString('hex')}:`;

export interface StoredSummary extends PutResult {
  /** What was stored: `upload.csv (mnd-daily)`, a work item id… (for the bus and logs, never the event stream). */
  label: string;
  by: string;
  /**
   * Announce `assessment` too (default true). False for another process's commit on a shared bus: there the assess
   * role's published assessment is the signal (assessmentPublished), sent only when the assessment changed.
   */
  assessmentEvent?: boolean;
}

/**
 * When anything was inserted: invalidates the assessment indexes and the alert visibility, hands the observations
 * this process stored to the alert loop (or, for another process's commit, nudges it to reload), and
 * publishes `observations` (`{inserted, unchanged}`) and `assessment` (`{}`). The stream goes to every signed-in user
 * whatever their TLP ceiling, so the events say only that something changed — no label, author, day or level (any of
 * which could tell a GREEN user that AMBER data arrived, or for which day); each dashboard refetches through the API,
 * within its own ceiling.
 */
export async function observationsStored(
  deps: ServerDeps,
  summary: StoredSummary,
  observations?: readonly Observation[],
): Promise<void> {
  if (summary.inserted === 0) return;
  deps.assessments.invalidate();
  deps.alertVisibility.invalidate();
  deps.events.publish('observations', { inserted: summary.inserted, unchanged: summary.unchanged });
  if (summary.assessmentEvent !== false) deps.events.publish('assessment', {});
  if (observations !== undefined && deps.alerts?.accepted) deps.alerts.accepted(observations);
  else deps.alerts?.changed?.();
}

/**
 * The assess role published a changed assessment of this theatre (a shared bus): forget the assessment indexes and
 * tell dashboards, which refetch within their own ceilings (the event carries nothing, as above).
 */
export function assessmentPublished(deps: ServerDeps): void {
  deps.assessments.invalidate();
  deps.events.publish('assessment', {});
}

/** Announces an API ingest on the shared bus, so assess roles and other API processes hear of it. */
export async function announceStored(
  deps: ServerDeps,
  summary: StoredSummary,
  observations: readonly Observation[],
): Promise<void> {
  if (!deps.bus || summary.inserted === 0) return;
  const hash = createHash('sha256');
  for (const o of observations) hash.update(o.id);
  const workId = `${OWN_NOTICE_PREFIX}${hash.digest('hex').slice(0, 32)}`;
  const notice: StoredNotice = {
    packId: deps.pack.id,
    workId,
    inserted: summary.inserted,
    unchanged: summary.unchanged,
    series: noticeSeries(observations),
  };
  await deps.bus.publish(SUBJECTS.stored(deps.pack.id), notice, { id: `stored:${workId}` });
}
