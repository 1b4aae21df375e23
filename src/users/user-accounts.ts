// Account operations over a UserStore: create users, check passwords, issue and check tokens, open and resolve sessions.
import { randomUUID } from 'node:crypto';
import { vigilError } from '../errors/index.js';
import type { Tlp } from '../model/index.js';
import { generateSessionSecrets, generateToken, parseToken, secretMatches, sha256Hex } from './api-token.js';
import { checkPasswordPolicy } from './password-policy.js';
import { DEFAULT_SCRYPT, generatePassword, hashPassword, verifyPassword, type ScryptParams } from './password-hash.js';
import { checkRole, checkTlp, checkUsername, type ApiToken, type Role, type Session, type User } from './user.js';
import type { UserStore } from './user-store.js';

/** Viewers read up to TLP:AMBER unless told otherwise; analysts and admins read everything. */
export const DEFAULT_TLP: Record<Role, Tlp> = { viewer: 'amber', analyst: 'red', admin: 'red' };
export const SESSION_TTL_MS = 12 * 3_600_000;

export interface NewUser {
  username: string;
  role: string;
  tlpMax?: string;
  /** Omitted: one is generated and returned once. */
  password?: string;
}

export interface AccountOptions {
  scrypt?: ScryptParams;
}

/** The credential a password change came through, which stays open (every other session and token of the user ends). */
export interface PasswordChangeOptions extends AccountOptions {
  now?: string;
  keepSessionIdHash?: string;
  keepTokenId?: string;
  /**
   * Runs the writes (new hash, other sessions and tokens ended), e.g. in one transaction with their audit entry; the
   * password is checked and hashed before, so no transaction waits on the hashing.
   */
  write?: (apply: () => Promise<void>) => Promise<void>;
}

export async function createUser(
  store: UserStore,
  input: NewUser,
  now: string,
  options: AccountOptions = {},
): Promise<{ user: User; password: string }> {
  const username = checkUsername(input.username);
  const role = checkRole(input.role);
  const tlpMax = input.tlpMax === undefined ? DEFAULT_TLP[role] : checkTlp(input.tlpMax);
  const password = input.password ?? generatePassword();
  checkPasswordPolicy(password, username);
  if (await store.findUserByName(username)) throw vigilError('VIGIL_CONFLICT', `user ${username} already exists`);
  const user: User = {
    id: randomUUID(),
    username,
    role,
    tlpMax,
    passwordHash: await hashPassword(password, options.scrypt ?? DEFAULT_SCRYPT),
    createdAt: now,
  };
  await store.addUser(user);
  return { user, password };
}

export async function findUserOrFail(store: UserStore, username: string): Promise<User> {
  const user = await store.findUserByName(username);
  if (!user) throw vigilError('VIGIL_NOT_FOUND', `no user named ${username}`);
  return user;
}

/** Sets a new password (generated when omitted) and returns it. */
export async function resetPassword(
  store: UserStore,
  user: User,
  password: string | undefined,
  options: PasswordChangeOptions = {},
): Promise<string> {
  const next = password ?? generatePassword();
  checkPasswordPolicy(next, user.username);
  const hash = await hashPassword(next, options.scrypt ?? DEFAULT_SCRYPT);
  const now = options.now ?? new Date().toISOString();
  const write = options.write ?? ((apply) => apply());
  await write(async () => {
    await store.setPassword(user.id, hash);
    // A changed password ends every session and token the old one could have opened (stolen cookies, leaked tokens).
    await store.deleteUserSessions(user.id, options.keepSessionIdHash);
    for (const token of await store.listTokens(user.id)) {
      if (token.revokedAt === null && token.id !== options.keepTokenId) await store.revokeToken(token.id, now);
    }
  });
  return next;
}

// A hash of a random password, checked when the username is unknown so both paths take the same time.
let decoyHash: Promise<string> | undefined;

/** The user when the password is right; undefined for an unknown user or a wrong password (indistinguishable). */
export async function checkPassword(store: UserStore, username: string, password: string): Promise<User | undefined> {
  const user = await store.findUserByName(username);
  if (!user || user.passwordHash === null) {
    await verifyPassword(password, await (decoyHash ??= hashPassword(generatePassword())));
    return undefined;
  }
  return (await verifyPassword(password, user.passwordHash)) ? user : undefined;
}

export async function issueToken(
  store: UserStore,
  user: User,
  name: string,
  now: string,
  expiresAt: string | null = null,
): Promise<{ token: string; record: ApiToken }> {
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/.test(name))
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      `token name: ${JSON.stringify(name)} must be 1–64 letters, digits, spaces, '.', '_' or '-'`,
    );
  if (expiresAt !== null && expiresAt <= now)
    throw vigilError('VIGIL_INPUT_INVALID', 'token expiry: is already in the past');
  const secret = generateToken();
  const record: ApiToken = {
    id: secret.id,
    userId: user.id,
    name,
    secretHash: secret.secretHash,
    createdAt: now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await store.addToken(record);
  return { token: secret.token, record };
}

/** The token's user when the token is well-formed, known, unrevoked, unexpired and its secret matches. */
export async function checkToken(
  store: UserStore,
  token: string,
  now: string,
): Promise<{ user: User; token: ApiToken } | undefined> {
  const parsed = parseToken(token);
  if (!parsed) return undefined;
  const found = await store.getTokenWithUser(parsed.id);
  if (!found) return undefined;
  const { token: record, user } = found;
  if (record.revokedAt !== null || (record.expiresAt !== null && record.expiresAt <= now)) return undefined;
  if (!secretMatches(parsed.secret, record.secretHash)) return undefined;
  // lastUsedAt is for humans ("is this token still in use?"): a write per minute is enough, not one per request.
  if (record.lastUsedAt === null || Date.parse(now) - Date.parse(record.lastUsedAt) >= 60_000)
    await store.touchToken(record.id, now);
  return { user, token: record };
}

export async function openSession(
  store: UserStore,
  user: User,
  nowMs: number,
  ttlMs = SESSION_TTL_MS,
): Promise<{ sessionId: string; session: Session }> {
  const { sessionId, csrfToken } = generateSessionSecrets();
  const session: Session = {
    idHash: sha256Hex(sessionId),
    userId: user.id,
    csrfToken,
    createdAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + ttlMs).toISOString(),
  };
  await store.addSession(session);
  return { sessionId, session };
}

export async function resolveSession(
  store: UserStore,
  sessionId: string,
  now: string,
): Promise<{ user: User; session: Session } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return undefined;
  const session = await store.getSession(sha256Hex(sessionId));
  if (!session || session.expiresAt <= now) return undefined;
  const user = await store.getUser(session.userId);
  return user ? { user, session } : undefined;
}

export async function closeSession(store: UserStore, sessionId: string): Promise<void> {
  await store.deleteSession(sha256Hex(sessionId));
}

/** On first start: an `admin` user with a generated password (returned once), when the store has no users at all. */
export async function ensureFirstAdmin(
  store: UserStore,
  now: string,
  options: AccountOptions = {},
): Promise<{ username: string; password: string } | undefined> {
  if ((await store.countUsers()) > 0) return undefined;
  const { user, password } = await createUser(store, { username: 'admin', role: 'admin' }, now, options);
  await store.appendAudit({
    at: now,
    actor: 'system',
    action: 'user.add',
    target: user.username,
    details: { role: user.role, reason: 'first start' },
  });
  return { username: user.username, password };
}
