// The WarningStore contract: one suite, run against every engine through the composition root.
import { afterEach, describe, expect, it } from 'vitest';
import { applyStep } from './warning-record.js';
import { sampleWarning } from './warning-fixtures.js';
import type { WarningStore } from './warning-store.js';

const T0 = '2023-04-07T10:00:00.000Z';

export function runWarningStoreContract(
  name: string,
  create: () => Promise<{ store: WarningStore; dispose(): Promise<void> }>,
  skip?: string,
): void {
  describe.skipIf(skip !== undefined)(`WarningStore contract: ${name}`, () => {
    const open: { dispose(): Promise<void> }[] = [];
    const fresh = async () => {
      const s = await create();
      open.push(s);
      return s.store;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.dispose();
    });

    it('inserts, reads back and lists by day then id, filtered by status', async () => {
      const s = await fresh();
      await s.insert(sampleWarning(), T0);
      await s.insert(sampleWarning({ id: 'W-2023-04-09-bbbbbb', day: '2023-04-09', status: 'issued' }), T0);
      expect(await s.get('W-2023-04-07-aaaaaa')).toEqual(sampleWarning());
      expect((await s.list()).map((w) => w.id)).toEqual(['W-2023-04-09-bbbbbb', 'W-2023-04-07-aaaaaa']);
      expect((await s.list({ status: 'draft' })).map((w) => w.id)).toEqual(['W-2023-04-07-aaaaaa']);
      expect(await s.get('W-none')).toBeUndefined();
      await expect(s.insert(sampleWarning(), T0)).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
    });

    it('updates through a step, and a refused step writes nothing', async () => {
      const s = await fresh();
      await s.insert(sampleWarning(), T0);
      const next = await s.update('W-2023-04-07-aaaaaa', T0, (w) => applyStep(w, 'coordinate', 'alice', T0));
      expect(next.status).toBe('coordination');
      await expect(
        s.update('W-2023-04-07-aaaaaa', T0, (w) => applyStep(w, 'issue', 'alice', T0)),
      ).rejects.toMatchObject({ code: 'VIGIL_REVIEWER_IS_DRAFTER' });
      expect((await s.get('W-2023-04-07-aaaaaa'))!.status).toBe('coordination');
      await expect(s.update('W-none', T0, (w) => w)).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
    });

    it('lets only one of two concurrent steps on the same warning through', async () => {
      const s = await fresh();
      await s.insert(sampleWarning({ status: 'coordination' }), T0);
      const results = await Promise.allSettled(
        ['chief', 'deputy'].map((by) => s.update('W-2023-04-07-aaaaaa', T0, (w) => applyStep(w, 'issue', by, T0))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(['VIGIL_WARNING_STATE', 'VIGIL_CONFLICT']).toContain((failure.reason as { code: string }).code);
      expect((await s.get('W-2023-04-07-aaaaaa'))!.status).toBe('issued');
    });
  });
}
