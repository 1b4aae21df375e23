// Every CLI write leaves exactly one audit entry (actor cli:<login>), written in the transaction of the write.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { STIX_BUNDLE_FIXTURES } from '../sharing/sharing-fixtures.js';
import { openUserStore } from '../users/open-user-store.js';
import { cliActor } from './context.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pack = loadPack(DEFAULT_PACK);

async function auditOf(db: string) {
  const users = openUserStore(db);
  try {
    return await users.listAudit();
  } finally {
    await users.close();
  }
}

describe('audited CLI writes', () => {
  it('vigil ingest: one entry per file, naming the file and the counts', async () => {
    const db = join(dir, 'ingest.db');
    const file = pack.data.find((d) => d.kind === 'triggers')!;
    const r = await runCli('--db', db, 'ingest', file.kind, packPath(pack, file.path));
    expect(r.code, r.stderr).toBe(0);
    const log = await auditOf(db);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: cliActor(),
      action: 'observations.ingest',
      target: expect.stringContaining('(triggers)'),
    });
    expect(log[0].details).toMatchObject({ inserted: expect.any(Number), unchanged: 0 });
  });

  it('vigil note add: one note.add entry', async () => {
    const db = join(dir, 'note.db');
    const r = await runCli(
      '--db',
      db,
      'note',
      'add',
      '--series',
      'analyst.amphibious-loading',
      '--value',
      '1',
      '--reliability',
      'B',
      '--credibility',
      '2',
      '--tlp',
      'amber',
      '--text',
      'ferries loading',
      '--at',
      '2026-04-07',
      '--by',
      'alice',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(await auditOf(db)).toMatchObject([{ actor: cliActor(), action: 'note.add', details: { inserted: 1 } }]);
  });

  it('vigil import stix: one stix.import entry', async () => {
    const db = join(dir, 'import.db');
    const file = join(STIX_BUNDLE_FIXTURES, 'misp-style.json');
    const r = await runCli('--db', db, 'import', 'stix', file);
    expect(r.code, r.stderr).toBe(0);
    expect(await auditOf(db)).toMatchObject([{ actor: cliActor(), action: 'stix.import', target: file }]);
  });
});
