// The WarningStore contract on SQLite and PostgreSQL through the composition root, and the audit rule: a step and its
// audit entry commit together, and a step whose audit entry cannot be written leaves the warning as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openVigil } from '../app/open-vigil.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack } from '../packs/pack-loader.js';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../storage/postgres/pg-test-support.js';
import { applyStep } from './warning-record.js';
import { sampleWarning } from './warning-fixtures.js';
import { runWarningStoreContract } from './warning-store.contract.js';

const pack = loadPack(DEFAULT_PACK);
const clock = () => new Date('2026-09-01T00:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'vigil-warnings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

runWarningStoreContract('sqlite', async () => {
  const vigil = await openVigil({ databaseUrl: join(dir, `w-${++files}.db`), pack }, clock);
  return { store: vigil.warnings, dispose: () => vigil.close() };
});

const skipPg = await pgSkipReason();
runWarningStoreContract(
  'postgres',
  async () => {
    const schema = freshSchemaName('vigil_warnings');
    const vigil = await openVigil({ databaseUrl: schemaUrl(schema), pack, database: { max: 3 } }, clock);
    return {
      store: vigil.warnings,
      async dispose() {
        await vigil.close();
        await dropSchema(schema);
      },
    };
  },
  skipPg,
);

describe('warning steps are audited in the same transaction', () => {
  it('records the step with its audit entry, and rolls the step back when the audit entry fails', async () => {
    const vigil = await openVigil({ databaseUrl: join(dir, 'audit.db'), pack }, clock);
    try {
      const at = clock().toISOString();
      await vigil.writes.audited({
        actor: 'cli:alice',
        action: 'warning.draft',
        target: 'W-2023-04-07-aaaaaa',
        write: () => vigil.warnings.insert(sampleWarning(), at),
      });
      await vigil.writes.audited({
        actor: 'cli:alice',
        action: 'warning.coordinate',
        target: 'W-2023-04-07-aaaaaa',
        write: () => vigil.warnings.update('W-2023-04-07-aaaaaa', at, (w) => applyStep(w, 'coordinate', 'alice', at)),
        details: (w) => ({ status: w.status }),
      });
      expect((await vigil.users.listAudit()).map((e) => [e.action, e.target])).toEqual([
        ['warning.draft', 'W-2023-04-07-aaaaaa'],
        ['warning.coordinate', 'W-2023-04-07-aaaaaa'],
      ]);
      await vigil.db.raw((conn) =>
        conn.exec(
          "CREATE TRIGGER refuse_audit BEFORE INSERT ON users_audit BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
        ),
      );
      await expect(
        vigil.writes.audited({
          actor: 'cli:chief',
          action: 'warning.issue',
          target: 'W-2023-04-07-aaaaaa',
          write: () => vigil.warnings.update('W-2023-04-07-aaaaaa', at, (w) => applyStep(w, 'issue', 'chief', at)),
        }),
      ).rejects.toThrow(/audit refused/);
      expect((await vigil.warnings.get('W-2023-04-07-aaaaaa'))!.status).toBe('coordination');
      // A refused step (the drafter issuing) writes no audit entry either.
      await vigil.db.raw((conn) => conn.exec('DROP TRIGGER refuse_audit'));
      await expect(
        vigil.writes.audited({
          actor: 'cli:alice',
          action: 'warning.issue',
          target: 'W-2023-04-07-aaaaaa',
          write: () => vigil.warnings.update('W-2023-04-07-aaaaaa', at, (w) => applyStep(w, 'issue', 'alice', at)),
        }),
      ).rejects.toMatchObject({ code: 'VIGIL_REVIEWER_IS_DRAFTER' });
      expect(await vigil.users.listAudit()).toHaveLength(2);
    } finally {
      await vigil.close();
    }
  });
});
