// The AlertStore contract against PostgreSQL, each test in a throwaway schema (skipped only off CI with no server),
// plus what only several processes sharing one database can show: outbox claims and the logs' seq order.
import { afterEach, describe, expect, it } from 'vitest';
import {
  dropSchema,
  freshSchemaName,
  inThrowawaySchema,
  pgSkipReason,
  schemaUrl,
} from '../../storage/postgres/pg-test-support.js';
import { contractNotification, runAlertStoreContract } from '../alert-store.contract.js';
import type { AlertStore } from '../alert-store.js';
import { openAlertStore } from '../open-alert-store.js';

const skip = await pgSkipReason();

/** A migrated store in a new schema; closing it drops the schema. */
const throwawayStore = (): Promise<AlertStore> =>
  inThrowawaySchema('vigil_alerts_test', (url) => openAlertStore(url, { max: 2 }));

describe.skipIf(skip !== undefined)(skip ?? 'postgres alerts', () => {
  runAlertStoreContract('postgres', throwawayStore);

  describe('PostgreSQL alert store, several processes on one schema', () => {
    const schemas: string[] = [];
    const open: AlertStore[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
      for (const schema of schemas.splice(0)) await dropSchema(schema);
    });
    /** `n` stores (each its own pool, as separate processes have) on one new schema, all migrating at once. */
    async function processes(n: number): Promise<AlertStore[]> {
      const schema = freshSchemaName('vigil_alerts_test');
      schemas.push(schema);
      const stores = Array.from({ length: n }, () => openAlertStore(schemaUrl(schema), { max: 2 }));
      open.push(...stores);
      await Promise.all(stores.map((s) => s.migrate()));
      return stores;
    }

    it('never hands one outbox entry to two dispatchers claiming at the same time', async () => {
      const [a, b, c] = await processes(3);
      const notifications = Array.from({ length: 40 }, (_, i) =>
        contractNotification({ id: `n${String(i).padStart(3, '0')}`, receivers: ['hook'] }),
      );
      await a.commitCycle({ alerts: [], transitions: [], groups: [], deletedGroups: [], notifications });
      const claim = (s: AlertStore) => s.claimOutbox({ now: '2024-05-20T01:00:00.000Z', leaseMs: 60_000, limit: 7 });
      const rounds = await Promise.all([a, b, c, a, b, c, a, b].map(claim));
      const ids = rounds.flat().map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(40);
      expect(rounds.flat().every((e) => e.attempts === 1)).toBe(true);
      for (const round of rounds) expect(round.map((e) => e.id)).toEqual(round.map((e) => e.id).sort());
    });

    it('logs transitions and notifications in commit order when processes commit cycles at once', async () => {
      const stores = await processes(3);
      const seen: number[] = [];
      let reading = true;
      // An incremental reader, as the SSE feed is: whatever it has seen, nothing with a lower seq may appear later.
      const reader = (async () => {
        let after = 0;
        while (reading) {
          for (const t of await stores[0].listTransitions({ afterSeq: after })) {
            seen.push(t.seq);
            after = t.seq;
          }
        }
      })();
      await Promise.all(
        stores.flatMap((s, p) =>
          Array.from({ length: 10 }, (_, i) =>
            s.commitCycle({
              alerts: [],
              groups: [],
              deletedGroups: [],
              transitions: [
                {
                  alertId: `a-${p}-${i}`,
                  fingerprint: 'f',
                  rule: 'R',
                  from: 'new',
                  to: 'firing',
                  at: '2024-05-20T01:00:00.000Z',
                },
              ],
              notifications: [contractNotification({ id: `n-${p}-${i}`, receivers: ['hook'] })],
            }),
          ),
        ),
      );
      reading = false;
      await reader;
      const all = (await stores[1].listTransitions()).map((t) => t.seq);
      expect(all).toHaveLength(30);
      const late = (await stores[0].listTransitions({ afterSeq: seen.at(-1) ?? 0 })).map((t) => t.seq);
      expect([...seen, ...late]).toEqual(all);
      expect(await stores[2].listNotifications()).toHaveLength(30);
      expect(await stores[2].listOutbox()).toHaveLength(30);
    });
  });
});
