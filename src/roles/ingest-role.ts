// The ingest role: takes work items from the shared group, writes their observations, acknowledges after the commit.
import { noticeSeries, type StoredNotice } from '../bus/messages.js';
import { SUBJECTS } from '../bus/subjects.js';
import { observationsOf } from './ingest-work.js';
import type { RoleContext, RunningRole } from './role-types.js';

export const INGEST_GROUP = 'ingest';
/** How the audit log names writes made by the bus ingest role. */
export const INGEST_ACTOR = 'role:ingest';

/**
 * Every ingest process joins one group, so each item goes to one worker. The store skips observations it already
 * holds (content hash), which makes a redelivered item (its worker died after the commit, before the ack) a no-op:
 * at-least-once delivery, exactly-once storage.
 */
export async function startIngestRole(ctx: RoleContext): Promise<RunningRole> {
  // One audit entry per work item, in the same transaction as its observations.
  const writer = ctx.vigil.writes.observations(INGEST_ACTOR);
  const subscription = await ctx.bus.work(
    SUBJECTS.ingestWork,
    {
      group: INGEST_GROUP,
      ackWaitMs: ctx.ackWaitMs,
      onError: (error, message, permanent) =>
        ctx.log(
          `ingest: work ${message.id} ${permanent ? 'rejected' : 'failed, will retry'}: ${(error as Error).message}`,
        ),
    },
    async (message) => {
      const { work, observations } = observationsOf(message.payload, message.id);
      message.working();
      const label = work.type === 'batch' ? work.label : work.path;
      const put = await writer.putObservations(
        observations,
        ctx.vigil.clock().toISOString(),
        `${label} [${message.id}]`,
      );
      const redelivered = message.deliveryCount > 1 ? ` (delivery ${message.deliveryCount})` : '';
      ctx.log(
        `ingest: committed ${label}${redelivered}: ${observations.length} observations, ${put.inserted} new, ${put.unchanged} already stored [${message.id}]`,
      );
      const notice: StoredNotice = {
        packId: work.packId,
        workId: message.id,
        ...put,
        series: noticeSeries(observations),
      };
      await ctx.bus.publish(SUBJECTS.stored(work.packId), notice, { id: `stored:${message.id}` });
    },
  );
  return { stop: () => subscription.stop() };
}
