// The UserStore contract against SQLite files, plus sharing one file with the observation store and tamper detection.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openObservationStore } from '../storage/open-store.js';
import { verifyAuditChain } from './audit-chain.js';
import { openUserStore } from './open-user-store.js';
import { runUserStoreContract } from './user-store.contract.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-users-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runUserStoreContract('sqlite file', async () => {
  const store = openUserStore(join(dir, `u-${++n}.db`));
  await store.migrate();
  return store;
});

describe('SQLite user store', () => {
  it('shares the database file with the observation store, with its own migrations table', async () => {
    const path = join(dir, 'shared.db');
    const main = openObservationStore(path);
    await main.migrate();
    const users = openUserStore(`sqlite:${path}`);
    await users.migrate();
    await main.migrate();
    const db = new Database(path, { readonly: true });
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'users_%' ORDER BY name").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    db.close();
    expect(tables).toEqual([
      'users_accounts',
      'users_audit',
      'users_schema_migrations',
      'users_sessions',
      'users_tokens',
    ]);
    await users.close();
    await main.close();
  });

  it('detects an edited, a removed and an inserted audit entry', async () => {
    const path = join(dir, 'tamper.db');
    const store = openUserStore(path);
    await store.migrate();
    for (let i = 0; i < 4; i++)
      await store.appendAudit({
        at: '2026-01-01T00:00:00.000Z',
        actor: 'user:alice',
        action: 'alert.ack',
        target: `a${i}`,
        details: {},
      });
    const db = new Database(path);
    db.prepare("UPDATE users_audit SET actor = 'user:mallory' WHERE seq = 2").run();
    expect(verifyAuditChain(await store.listAudit())).toMatchObject({
      ok: false,
      problem: { seq: 2, reason: expect.stringContaining('edited') },
    });
    db.prepare("UPDATE users_audit SET actor = 'user:alice' WHERE seq = 2").run();
    expect(verifyAuditChain(await store.listAudit()).ok).toBe(true);
    db.prepare('DELETE FROM users_audit WHERE seq = 3').run();
    expect(verifyAuditChain(await store.listAudit())).toMatchObject({
      ok: false,
      problem: { seq: 4, reason: expect.stringContaining('removed') },
    });
    db.close();
    await store.close();
  });

  it('refuses an unsupported URL scheme without echoing it', async () => {
    expect(() => openUserStore('mysql://u:secret@h/db')).toThrow(
      expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }),
    );
    expect(() => openUserStore('mysql://u:secret@h/db')).not.toThrow(/secret/);
    const pg = openUserStore('postgres://u:secret@127.0.0.1:1/db');
    expect(pg.dialect).toBe('postgres');
    await pg.close();
  });
});
