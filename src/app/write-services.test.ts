// The write services on both engines: a write and its audit entry commit together, an audit insert that fails rolls
// the write back, a write that fails is not audited, and the log stays one verifiable chain under concurrent writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACK } from './paths.js';
import { loadPack } from '../packs/pack-loader.js';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../storage/postgres/pg-test-support.js';
import { expectVigilError, INGESTED_AT, observation } from '../storage/store-contract-fixtures.js';
import { verifyAuditChain } from '../users/audit-chain.js';
import type { ObservationBatch } from '../storage/store.js';
import { openVigil, type Vigil } from './open-vigil.js';
import { createWriteServices } from './write-services.js';

const pack = loadPack(DEFAULT_PACK);
const clock = () => new Date('2026-09-01T00:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'vigil-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const skipPg = await pgSkipReason();

/** SQL that makes every audit insert fail, as a full disk or a broken constraint would. */
const REFUSE_AUDIT = {
  sqlite: "CREATE TRIGGER refuse_audit BEFORE INSERT ON users_audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
  postgres: `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
    CREATE TRIGGER refuse_audit BEFORE INSERT ON users_audit FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
};

function runWriteServiceTests(
  name: string,
  open: () => Promise<{ vigil: Vigil; dispose(): Promise<void> }>,
  skip?: string,
): void {
  describe.skipIf(skip !== undefined)(`write services: ${name}`, () => {
    let current: { vigil: Vigil; dispose(): Promise<void> } | undefined;
    const fresh = async () => (current = await open()).vigil;
    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });

    it('commits an observation write with exactly one audit entry naming actor, action and label', async () => {
      const vigil = await fresh();
      const put = await vigil.writes
        .observations('cli:alice')
        .putObservations([observation(), observation({ value: 11 })], INGESTED_AT, 'a.csv (mnd-csv)');
      expect(put).toEqual({ inserted: 2, unchanged: 0 });
      expect(await vigil.users.listAudit()).toMatchObject([
        {
          seq: 1,
          actor: 'cli:alice',
          action: 'observations.ingest',
          target: 'a.csv (mnd-csv)',
          details: { observations: 2, inserted: 2, unchanged: 0 },
          at: clock().toISOString(),
        },
      ]);
    });

    it('rolls the write back when its audit entry cannot be written', async () => {
      const vigil = await fresh();
      await vigil.db.raw((conn) => conn.exec(REFUSE_AUDIT[vigil.db.dialect]));
      await expect(
        vigil.writes.observations('cli:alice').putObservations([observation()], INGESTED_AT, 'a.csv'),
      ).rejects.toThrow(/audit refused/);
      expect(await vigil.store.queryObservations({ allRevisions: true })).toEqual([]);
      const failed = vigil.writes.audited({
        actor: 'user:bob',
        action: 'setting.set',
        target: 'x',
        write: () => vigil.store.setSetting('x', 1),
      });
      await expect(failed).rejects.toThrow(/audit refused/);
      expect(await vigil.store.getSetting('x')).toBeUndefined();
    });

    it('audits nothing when the write itself fails', async () => {
      const vigil = await fresh();
      const bad = { ...observation(), tlp: 'purple' } as never;
      await expectVigilError(
        vigil.writes.observations('cli:alice').putObservations([bad], INGESTED_AT, 'bad.csv'),
        'VIGIL_INPUT_INVALID',
      );
      expect(await vigil.users.listAudit()).toEqual([]);
    });

    it('commits writes that arrive while one commits together next, each with its own counts and entry, in order', async () => {
      const vigil = await fresh();
      const groups: number[] = [];
      const store = {
        ...vigil.store,
        putObservationBatches: (batches: readonly ObservationBatch[]) => {
          groups.push(batches.length);
          return vigil.store.putObservationBatches(batches);
        },
      };
      const writes = createWriteServices({ db: vigil.db, store, users: vigil.users, clock });
      const shared = observation({ value: 99 });
      const puts = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          writes
            .observations(`user:u${i}`)
            .putObservations(i === 2 || i === 4 ? [shared] : [observation({ value: i })], INGESTED_AT, `w${i}`),
        ),
      );
      // The first finds nothing committing and goes alone; the five that came meanwhile share the next transaction.
      expect(groups).toEqual([1, 5]);
      expect(puts.map((p) => p.inserted)).toEqual([1, 1, 1, 1, 0, 1]);
      const log = await vigil.users.listAudit();
      expect(log.map((e) => [e.actor, e.target])).toEqual(Array.from({ length: 6 }, (_, i) => [`user:u${i}`, `w${i}`]));
      expect(log[4].details).toEqual({ observations: 1, inserted: 0, unchanged: 1 });
      expect(verifyAuditChain(log).ok).toBe(true);
    });

    it('fails only the bad write of a group: the others commit, each with its entry', async () => {
      const vigil = await fresh();
      const bad = { ...observation({ value: 2 }), tlp: 'purple' } as never;
      const results = await Promise.allSettled(
        Array.from({ length: 4 }, (_, i) =>
          vigil.writes
            .observations('user:u')
            .putObservations([i === 2 ? bad : observation({ value: i })], INGESTED_AT, `w${i}`),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ code: 'VIGIL_INPUT_INVALID' });
      const log = await vigil.users.listAudit();
      expect(log.map((e) => e.target)).toEqual(['w0', 'w1', 'w3']);
      expect(verifyAuditChain(log).ok).toBe(true);
      expect(await vigil.store.queryObservations({ allRevisions: true })).toHaveLength(3);
    });

    it("joins the caller's transaction when written inside one: rolled back with it", async () => {
      const vigil = await fresh();
      const inside = vigil.writes.inTransaction(async () => {
        await vigil.writes.observations('cli:alice').putObservations([observation()], INGESTED_AT, 'a.csv');
        throw new Error('changed my mind');
      });
      await expect(inside).rejects.toThrow('changed my mind');
      expect(await vigil.store.queryObservations({ allRevisions: true })).toEqual([]);
      expect(await vigil.users.listAudit()).toEqual([]);
    });

    it('keeps one verifiable chain, one entry per write, when writes race', async () => {
      const vigil = await fresh();
      const writes = Array.from({ length: 12 }, (_, i) =>
        vigil.writes.observations(`user:u${i}`).putObservations([observation({ value: i })], INGESTED_AT, `w${i}`),
      );
      await Promise.all(writes);
      const log = await vigil.users.listAudit();
      expect(log).toHaveLength(12);
      expect(verifyAuditChain(log).ok).toBe(true);
      expect(await vigil.store.queryObservations({ allRevisions: true })).toHaveLength(12);
    });
  });
}

let files = 0;
runWriteServiceTests('sqlite', async () => {
  const vigil = await openVigil({ databaseUrl: join(dir, `w-${++files}.db`), pack }, clock);
  return { vigil, dispose: () => vigil.close() };
});

runWriteServiceTests(
  'postgres',
  async () => {
    const schema = freshSchemaName('vigil_writes');
    const vigil = await openVigil({ databaseUrl: schemaUrl(schema), pack, database: { max: 3 } }, clock);
    return {
      vigil,
      async dispose() {
        await vigil.close();
        await dropSchema(schema);
      },
    };
  },
  skipPg,
);
