// The alerts and sharing families on the process's one database (openVigil): an acknowledgement, a silence and a
// partner written through the write services commit with exactly one audit entry each, and roll back with it when the
// audit insert fails, on both engines.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COLLECTION } from '../sharing/partners/collections.js';
import { loadPack } from '../packs/pack-loader.js';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../storage/postgres/pg-test-support.js';
import { openVigil, type Vigil } from './open-vigil.js';
import { DEFAULT_PACK } from './paths.js';

const pack = loadPack(DEFAULT_PACK);
const NOW = '2026-09-01T00:00:00.000Z';
const clock = () => new Date(NOW);
const dir = mkdtempSync(join(tmpdir(), 'vigil-families-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const skipPg = await pgSkipReason();

const REFUSE_AUDIT = {
  sqlite: "CREATE TRIGGER refuse_audit BEFORE INSERT ON users_audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
  postgres: `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$;
    CREATE TRIGGER refuse_audit BEFORE INSERT ON users_audit FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
};

const ack = { alertId: 'a1b2c3d4e5f6', by: 'lin', comment: 'on it', at: NOW, timeToAckMs: 60_000 };
const silence = {
  id: 's1',
  matchers: ['severity="warning"'],
  startsAt: NOW,
  endsAt: '2026-09-02T00:00:00.000Z',
  createdBy: 'lin',
  comment: 'exercise',
  createdAt: NOW,
  expiredAt: null,
};

/** The three writes, each through the write services. */
async function auditedWrites(vigil: Vigil) {
  const sharing = await vigil.sharing('Org families');
  return [
    () =>
      vigil.writes.audited({
        actor: 'user:lin',
        action: 'alert.ack',
        target: ack.alertId,
        write: () => vigil.alerts.addAcknowledgement(ack),
      }),
    () =>
      vigil.writes.audited({
        actor: 'user:lin',
        action: 'silence.add',
        target: silence.id,
        write: () => vigil.alerts.addSilence(silence),
      }),
    () =>
      vigil.writes.audited({
        actor: 'cli:root',
        action: 'partner.add',
        target: 'beta',
        write: () => sharing.registry.addPartner({ name: 'beta', tlpMax: 'green', collections: ['default'] }, NOW),
      }),
  ];
}

function runFamilyTests(
  name: string,
  open: () => Promise<{ vigil: Vigil; dispose(): Promise<void> }>,
  skip?: string,
): void {
  describe.skipIf(skip !== undefined)(`alerts and sharing on openVigil's database: ${name}`, () => {
    let current: { vigil: Vigil; dispose(): Promise<void> } | undefined;
    const fresh = async () => (current = await open()).vigil;
    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });

    it('migrates both families and commits each write with one audit entry', async () => {
      const vigil = await fresh();
      const sharing = await vigil.sharing('Org families');
      expect(sharing.keys.identity.name).toBe('Org families');
      expect(await sharing.registry.listCollections()).toEqual([DEFAULT_COLLECTION]);
      for (const write of await auditedWrites(vigil)) await write();
      expect((await vigil.users.listAudit()).map((e) => [e.actor, e.action, e.target])).toEqual([
        ['user:lin', 'alert.ack', ack.alertId],
        ['user:lin', 'silence.add', 's1'],
        ['cli:root', 'partner.add', 'beta'],
      ]);
      expect(await vigil.alerts.listAcknowledgements()).toEqual([ack]);
      expect((await vigil.alerts.listSilences()).map((s) => s.id)).toEqual(['s1']);
      expect((await sharing.registry.listPartners()).map((p) => p.name)).toEqual(['beta']);
    });

    it('rolls each write back when its audit entry cannot be written', async () => {
      const vigil = await fresh();
      const writes = await auditedWrites(vigil);
      await vigil.db.raw((conn) => conn.exec(REFUSE_AUDIT[vigil.db.dialect]));
      for (const write of writes) await expect(write()).rejects.toThrow(/audit refused/);
      expect(await vigil.alerts.listAcknowledgements()).toEqual([]);
      expect(await vigil.alerts.listSilences()).toEqual([]);
      expect(await (await vigil.sharing()).registry.listPartners()).toEqual([]);
      expect(await vigil.users.listAudit()).toEqual([]);
    });
  });
}

let files = 0;
runFamilyTests('sqlite', async () => {
  const vigil = await openVigil({ databaseUrl: join(dir, `f-${++files}.db`), pack }, clock);
  return { vigil, dispose: () => vigil.close() };
});

runFamilyTests(
  'postgres',
  async () => {
    const schema = freshSchemaName('vigil_families');
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
