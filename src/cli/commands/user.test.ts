// `vigil user` and `vigil audit` on a database file: passwords and tokens shown once, every change in a verifiable log.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-user-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigil user and vigil audit', () => {
  const db = join(dir, 'vigil.db');

  it('adds, lists, issues a token, resets a password, removes; the audit log verifies and catches tampering', async () => {
    const added = await runCli('--db', db, 'user', 'add', 'alice', '--role', 'analyst');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added alice \(analyst, up to TLP:RED\)\npassword: [\w-]{20} /);
    expect((await runCli('--db', db, 'user', 'add', 'alice', '--role', 'viewer')).stderr).toBe(
      'vigil: user alice already exists\n',
    );
    expect((await runCli('--db', db, 'user', 'add', 'bob', '--role', 'root')).stderr).toMatch(/unknown role "root"/);
    const token = await runCli('--db', db, 'user', 'token', 'alice', '--name', 'ci');
    expect(token.stdout).toMatch(/^vgl_[0-9a-f]{12}_[\w-]{43}\n$/);
    const id = token.stdout.slice(4, 16);
    const list = JSON.parse((await runCli('--db', db, 'user', 'list', '--json')).stdout);
    expect(list).toMatchObject([{ username: 'alice', role: 'analyst', tokens: [{ id, name: 'ci', revokedAt: null }] }]);
    expect(JSON.stringify(list)).not.toContain(token.stdout.trim().slice(17));
    expect((await runCli('--db', db, 'user', 'token', 'alice', '--revoke', id)).stdout).toBe(
      `revoked alice/ci (${id})\n`,
    );
    expect((await runCli('--db', db, 'user', 'passwd', 'alice')).stdout).toMatch(/^password of alice: [\w-]{20} /);
    expect((await runCli('--db', db, 'user', 'remove', 'alice')).stdout).toBe('removed alice\n');
    expect((await runCli('--db', db, 'user', 'remove', 'alice')).code).toBe(1);

    const verified = await runCli('--db', db, 'audit', 'verify');
    expect(verified.stdout).toMatch(/^audit log ok: 5 entries, head [0-9a-f]{64}\n$/);
    const entries = (await runCli('--db', db, 'audit', 'list', '--json')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'user.remove',
      'user.password',
      'token.revoke',
      'token.issue',
      'user.add',
    ]);

    const raw = new Database(db);
    raw.prepare("UPDATE users_audit SET target = 'mallory' WHERE seq = 1").run();
    raw.close();
    const broken = await runCli('--db', db, 'audit', 'verify');
    expect(broken).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^vigil: audit log broken at entry 1: content does not match its hash/),
    });
  });
});
