// Accounts: password checks, tokens hashed at rest, sessions, first admin; with cheap scrypt parameters for speed.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword, hashPassword } from './password-hash.js';
import { openUserStore } from './open-user-store.js';
import {
  checkPassword,
  checkToken,
  createUser,
  ensureFirstAdmin,
  issueToken,
  openSession,
  resetPassword,
  resolveSession,
  closeSession,
} from './user-accounts.js';
import type { UserStore } from './user-store.js';

const fast = { scrypt: { N: 1024, r: 8, p: 1 } };
const NOW = '2026-01-05T08:00:00.000Z';
const stores: UserStore[] = [];
async function fresh(): Promise<UserStore> {
  const s = openUserStore(':memory:');
  await s.migrate();
  stores.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

describe('passwords', () => {
  it('hashes with a fresh salt and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    const b = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999999$8$1$AA$AA')).toBe(false);
  });

  it('creates users with a generated password, refuses weak passwords, bad names and roles', async () => {
    const s = await fresh();
    const { user, password } = await createUser(s, { username: 'alice', role: 'analyst' }, NOW, fast);
    expect(password).toHaveLength(20);
    expect(user).toMatchObject({ username: 'alice', role: 'analyst', tlpMax: 'red' });
    expect(user.passwordHash).not.toContain(password);
    expect((await checkPassword(s, 'alice', password))?.id).toBe(user.id);
    expect(await checkPassword(s, 'alice', 'wrong password!')).toBeUndefined();
    expect(await checkPassword(s, 'nobody', password)).toBeUndefined();
    expect(
      (await createUser(s, { username: 'vic', role: 'viewer', password: 'a long enough pw' }, NOW, fast)).user.tlpMax,
    ).toBe('amber');
    await expect(createUser(s, { username: 'bob', role: 'viewer', password: 'short' }, NOW, fast)).rejects.toThrow(
      /at least 12/,
    );
    await expect(createUser(s, { username: 'Bob!', role: 'viewer' }, NOW, fast)).rejects.toMatchObject({
      code: 'VIGIL_INPUT_INVALID',
    });
    await expect(createUser(s, { username: 'bob', role: 'root' }, NOW, fast)).rejects.toMatchObject({
      code: 'VIGIL_UNKNOWN_KIND',
    });
    await expect(createUser(s, { username: 'alice', role: 'viewer' }, NOW, fast)).rejects.toMatchObject({
      code: 'VIGIL_CONFLICT',
    });
    const next = await resetPassword(s, user, undefined, fast);
    expect(await checkPassword(s, 'alice', password)).toBeUndefined();
    expect(await checkPassword(s, 'alice', next)).toBeDefined();
  });
});

describe('tokens and sessions', () => {
  it('stores only a hash of the token; revoked, expired, forged and malformed tokens fail', async () => {
    const s = await fresh();
    const { user } = await createUser(s, { username: 'alice', role: 'analyst' }, NOW, fast);
    const { token, record } = await issueToken(s, user, 'ci', NOW);
    expect(token).toMatch(/^vgl_[0-9a-f]{12}_[\w-]{43}$/);
    expect(JSON.stringify(await s.listTokens())).not.toContain(token.slice(17));
    expect((await checkToken(s, token, NOW))?.user.username).toBe('alice');
    expect((await s.getToken(record.id))?.lastUsedAt).toBe(NOW);
    expect(await checkToken(s, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, NOW)).toBeUndefined();
    expect(await checkToken(s, 'Bearer nonsense', NOW)).toBeUndefined();
    const short = await issueToken(s, user, 'short-lived', NOW, '2026-01-05T09:00:00.000Z');
    expect(await checkToken(s, short.token, '2026-01-05T09:00:00.000Z')).toBeUndefined();
    await s.revokeToken(record.id, NOW);
    expect(await checkToken(s, token, NOW)).toBeUndefined();
    await expect(issueToken(s, user, 'bad/name', NOW)).rejects.toMatchObject({ code: 'VIGIL_INPUT_INVALID' });
  });

  it('opens sessions that resolve until they expire or are closed', async () => {
    const s = await fresh();
    const { user } = await createUser(s, { username: 'alice', role: 'viewer' }, NOW, fast);
    const nowMs = Date.parse(NOW);
    const { sessionId, session } = await openSession(s, user, nowMs, 60_000);
    expect(session.idHash).not.toContain(sessionId);
    expect((await resolveSession(s, sessionId, NOW))?.user.id).toBe(user.id);
    expect(await resolveSession(s, sessionId, new Date(nowMs + 60_000).toISOString())).toBeUndefined();
    expect(await resolveSession(s, 'x'.repeat(43), NOW)).toBeUndefined();
    await closeSession(s, sessionId);
    expect(await resolveSession(s, sessionId, NOW)).toBeUndefined();
  });

  it('creates the first admin once, audited', async () => {
    const s = await fresh();
    const first = await ensureFirstAdmin(s, NOW, fast);
    expect(first).toMatchObject({ username: 'admin', password: expect.any(String) });
    expect(await ensureFirstAdmin(s, NOW, fast)).toBeUndefined();
    expect((await checkPassword(s, 'admin', first!.password))?.role).toBe('admin');
    expect((await s.listAudit()).map((e) => e.action)).toEqual(['user.add']);
  });
});
