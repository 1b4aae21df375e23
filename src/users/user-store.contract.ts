// The UserStore contract: every adapter runs this one suite; its test file is a few lines.
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit-chain.js';
import type { ApiToken, User } from './user.js';
import type { UserStore } from './user-store.js';

const T0 = '2026-01-05T08:00:00.000Z';

export function contractUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-1',
    username: 'alice',
    role: 'analyst',
    tlpMax: 'red',
    passwordHash: 'scrypt$1024$8$1$c2FsdA$aGFzaA',
    createdAt: T0,
    ...overrides,
  };
}

function token(overrides: Partial<ApiToken> = {}): ApiToken {
  return {
    id: 'aaaaaaaaaaaa',
    userId: 'u-1',
    name: 'ci',
    secretHash: 'ab'.repeat(32),
    createdAt: T0,
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  };
}

export function runUserStoreContract(
  name: string,
  create: () => Promise<UserStore>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`UserStore contract: ${name}`, () => {
    const open: UserStore[] = [];
    const fresh = async () => {
      const store = await create();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('adds, finds, lists and counts users; a taken username is a conflict', async () => {
      const s = await fresh();
      await s.addUser(contractUser());
      await s.addUser(
        contractUser({ id: 'u-2', username: 'bob', role: 'viewer', tlpMax: 'green', passwordHash: null }),
      );
      expect(await s.countUsers()).toBe(2);
      expect(await s.findUserByName('bob')).toEqual(
        contractUser({ id: 'u-2', username: 'bob', role: 'viewer', tlpMax: 'green', passwordHash: null }),
      );
      expect(await s.getUser('u-1')).toEqual(contractUser());
      expect((await s.listUsers()).map((u) => u.username)).toEqual(['alice', 'bob']);
      await expect(s.addUser(contractUser({ id: 'u-3' }))).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
      expect(await s.findUserByName('carol')).toBeUndefined();
    });

    it('changes a password; an unknown user is not found', async () => {
      const s = await fresh();
      await s.addUser(contractUser());
      await s.setPassword('u-1', 'scrypt$new');
      expect((await s.getUser('u-1'))?.passwordHash).toBe('scrypt$new');
      await expect(s.setPassword('nobody', 'x')).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
    });

    it('keeps tokens, revokes them once, and removes them with their user', async () => {
      const s = await fresh();
      await s.addUser(contractUser());
      await s.addToken(token());
      await expect(s.addToken(token({ id: 'bbbbbbbbbbbb' }))).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
      await s.touchToken('aaaaaaaaaaaa', '2026-01-05T09:00:00.000Z');
      await s.revokeToken('aaaaaaaaaaaa', '2026-01-05T10:00:00.000Z');
      await s.revokeToken('aaaaaaaaaaaa', '2026-01-05T11:00:00.000Z');
      expect(await s.getToken('aaaaaaaaaaaa')).toEqual(
        token({ lastUsedAt: '2026-01-05T09:00:00.000Z', revokedAt: '2026-01-05T10:00:00.000Z' }),
      );
      await expect(s.revokeToken('cccccccccccc', T0)).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
      expect(await s.getTokenWithUser('aaaaaaaaaaaa')).toEqual({
        token: await s.getToken('aaaaaaaaaaaa'),
        user: contractUser(),
      });
      expect(await s.getTokenWithUser('cccccccccccc')).toBeUndefined();
      await s.addSession({
        idHash: 'h1',
        userId: 'u-1',
        csrfToken: 'c',
        createdAt: T0,
        expiresAt: '2026-01-05T20:00:00.000Z',
      });
      await s.removeUser('u-1');
      expect(await s.listTokens()).toEqual([]);
      expect(await s.getSession('h1')).toBeUndefined();
      await expect(s.removeUser('u-1')).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
    });

    it('ends every session of one user but the one kept', async () => {
      const s = await fresh();
      await s.addUser(contractUser());
      await s.addUser({ ...contractUser(), id: 'u-2', username: 'other' });
      const session = {
        idHash: 'h1',
        userId: 'u-1',
        csrfToken: 'c1',
        createdAt: T0,
        expiresAt: '2026-01-05T20:00:00.000Z',
      };
      await s.addSession(session);
      await s.addSession({ ...session, idHash: 'h2' });
      await s.addSession({ ...session, idHash: 'h3', userId: 'u-2' });
      expect(await s.deleteUserSessions('u-1', 'h1')).toBe(1);
      expect(
        [await s.getSession('h1'), await s.getSession('h2'), await s.getSession('h3')].map((x) => x?.idHash),
      ).toEqual(['h1', undefined, 'h3']);
      expect(await s.deleteUserSessions('u-1')).toBe(1);
      expect(await s.getSession('h1')).toBeUndefined();
    });

    it('keeps sessions until deleted or expired', async () => {
      const s = await fresh();
      await s.addUser(contractUser());
      const session = {
        idHash: 'h1',
        userId: 'u-1',
        csrfToken: 'c1',
        createdAt: T0,
        expiresAt: '2026-01-05T20:00:00.000Z',
      };
      await s.addSession(session);
      await s.addSession({ ...session, idHash: 'h2', expiresAt: '2026-01-05T09:00:00.000Z' });
      expect(await s.getSession('h1')).toEqual(session);
      expect(await s.deleteExpiredSessions('2026-01-05T10:00:00.000Z')).toBe(1);
      expect(await s.getSession('h2')).toBeUndefined();
      await s.deleteSession('h1');
      expect(await s.getSession('h1')).toBeUndefined();
    });

    it('appends audit entries as one verifiable chain, also when appends race', async () => {
      const s = await fresh();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.appendAudit({
            at: T0,
            actor: 'user:alice',
            action: 'alert.ack',
            target: `a${i}`,
            details: { i, when: new Date(0) },
          }),
        ),
      );
      const entries = await s.listAudit();
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(verifyAuditChain(entries)).toMatchObject({ ok: true, entries: 20, head: entries[19].hash });
      expect(entries[0].details).toEqual({ i: expect.any(Number), when: '1970-01-01T00:00:00.000Z' });
      expect((await s.listAudit({ afterSeq: 18 })).map((e) => e.seq)).toEqual([19, 20]);
      expect((await s.listAudit({ newestFirst: true, limit: 2 })).map((e) => e.seq)).toEqual([20, 19]);
      expect((await s.listAudit({ action: 'alert.ack', target: 'a7' })).map((e) => e.target)).toEqual(['a7']);
      expect(await s.listAudit({ action: 'alert.comment' })).toEqual([]);
    });

    it('appends a group of entries in order after the head, one chain with single appends racing beside it', async () => {
      const s = await fresh();
      const entry = (target: string) => ({
        at: T0,
        actor: 'user:alice',
        action: 'observations.ingest',
        target,
        details: {},
      });
      await s.appendAudit(entry('first'));
      const [group] = await Promise.all([
        s.appendAudits(['g1', 'g2', 'g3'].map(entry)),
        s.appendAudit(entry('single')),
        s.appendAudits([]),
      ]);
      expect(group.map((e) => e.target)).toEqual(['g1', 'g2', 'g3']);
      expect(group[1].prevHash).toBe(group[0].hash);
      const log = await s.listAudit();
      expect(verifyAuditChain(log)).toMatchObject({ ok: true, entries: 5 });
      const targets = log.map((e) => e.target);
      expect(targets.slice(targets.indexOf('g1'), targets.indexOf('g1') + 3)).toEqual(['g1', 'g2', 'g3']);
    });

    it('migrates idempotently and rejects use after close', async () => {
      const s = await create();
      await s.migrate();
      await s.close();
      await s.close();
      await expect(s.listUsers()).rejects.toMatchObject({ code: 'VIGIL_STORE_UNAVAILABLE' });
    });
  });
}
