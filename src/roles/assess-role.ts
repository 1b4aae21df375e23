// The assess role: re-assesses its theatre after each commit of new observations and publishes the assessment.
import { formatProbability } from '../model/probability-format.js';
import { createHash } from 'node:crypto';
import { packSeries } from '../app/assess-at.js';
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
  const { pack } = ctx.vigil;
  const read = new Set(packSeries(pack));
  // The process's one assessment service (every observation, no ceiling): built once, then kept current from the rows
  // stored since its last look, with its memo of the days an ingest cannot change (see assessment-service.ts).
  const assessments = ctx.vigil.assessments.all();
  let lastId: string | undefined;
  let assessedVersion = -1;
  let assessedDay: number | undefined;
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
      // A commit of series the pack does not read cannot change its assessment: nothing to do, not even a query.
      const series = message.payload.series;
      if (series !== undefined && !series.some((s) => read.has(s))) return;
      assessments.invalidate();
      const day = (await assessments.span())?.latest;
      // Nothing stored since the last assessment (an earlier notice's catch-up already read this commit: notices that
      // queue up behind a slow assessment share the next one), or nothing for the pack at all.
      if (day === undefined || (assessments.version() === assessedVersion && day === assessedDay)) return;
      assessedVersion = assessments.version();
      assessedDay = day;
      const assessment = await assessments.assess(day);
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
