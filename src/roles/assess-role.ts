// The assess role: re-assesses its theatre after each commit of new observations and publishes the assessment.
import { formatProbability } from '../model/probability-format.js';
import { createHash } from 'node:crypto';
import { assessAt } from '../app/assess-at.js';
import { createDataSpanTracker } from '../app/data-span-tracker.js';
import { SUBJECTS } from '../bus/subjects.js';
import type { StoredNotice } from '../bus/messages.js';
import type { RoleContext, RunningRole } from './role-types.js';

export const ASSESS_GROUP = 'assess';

/**
 * One group per theatre (the subject carries the pack id) with maxInFlight 1: however many assess processes run,
 * one theatre's notices are handled one at a time, so two assessors never work on one theatre at once, while
 * different theatres proceed in parallel. A dead assessor's notice goes to another after the ack wait.
 */
export async function startAssessRole(ctx: RoleContext): Promise<RunningRole> {
  const { pack, store } = ctx.vigil;
  let lastId: string | undefined;
  const span = createDataSpanTracker(store, pack);
  const subscription = await ctx.bus.work<StoredNotice>(
    SUBJECTS.stored(pack.id),
    {
      group: ASSESS_GROUP,
      maxInFlight: 1,
      ackWaitMs: ctx.ackWaitMs,
      onError: (error, message, permanent) =>
        ctx.log(
          `assess: notice ${message.id} ${permanent ? 'rejected' : 'failed, will retry'}: ${(error as Error).message}`,
        ),
    },
    async (message) => {
      // The day's window only (assessAt), not the service's whole-history index: a notice arrives per committed work
      // item, and rebuilding the full index for each cost seconds under load. The span grows by the rows stored since.
      const day = (await span.current())?.latest;
      if (day === undefined) return;
      const assessment = await assessAt(store, pack, day);
      // Content-derived id: an unchanged assessment published again within the dedup window is published once.
      const id = `assessment:${createHash('sha256').update(JSON.stringify(assessment)).digest('hex').slice(0, 32)}`;
      if (id === lastId) return;
      await ctx.bus.publish(SUBJECTS.assessment(pack.id), assessment, { id });
      lastId = id;
      ctx.log(
        `assess: ${pack.id} ${assessment.day} level ${assessment.level} ${assessment.levelName}, P(episode within ${assessment.horizonDays} d) ${formatProbability(assessment.pEvent7d)} [after ${message.payload.workId}]`,
      );
    },
  );
  return { stop: () => subscription.stop() };
}
