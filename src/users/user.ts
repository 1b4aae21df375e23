// Users, their roles and TLP ceilings, API tokens and sessions as the user store keeps them (secrets only as hashes).
import { vigilError } from '../errors/index.js';
import { isTlp, type Tlp } from '../model/index.js';

/** From least to most privileged: a viewer reads, an analyst also writes (ingest, ack, silence), an admin also manages users. */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` grants at least what `needed` grants. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface User {
  id: string;
  username: string;
  role: Role;
  /** The most restricted TLP marking this user may read; enforced in the store query. */
  tlpMax: Tlp;
  /** `scrypt$N$r$p$salt$hash`; null for a user that signs in with tokens only. */
  passwordHash: string | null;
  createdAt: string;
}

/** A bearer token: only the SHA-256 of its secret is kept. */
export interface ApiToken {
  /** Public part of the token (`vgl_<id>_<secret>`), used to find it. */
  id: string;
  userId: string;
  name: string;
  secretHash: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A dashboard session: the cookie holds the id, the store only its SHA-256. */
export interface Session {
  idHash: string;
  userId: string;
  /** Sent back by the dashboard in a header on every write (CSRF defence). */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** Usernames are lower-case words (2–64 characters of a-z, 0-9, `.`, `_`, `-`). */
export function checkUsername(username: string): string {
  if (!USERNAME.test(username)) {
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      `username: ${JSON.stringify(username)} must be 2–64 lower-case letters, digits, '.', '_' or '-'`,
    );
  }
  return username;
}

export function checkRole(role: string): Role {
  if (!isRole(role)) throw vigilError('VIGIL_UNKNOWN_KIND', `unknown role "${role}"; known roles: ${ROLES.join(', ')}`);
  return role;
}

export function checkTlp(tlp: string): Tlp {
  if (!isTlp(tlp))
    throw vigilError(
      'VIGIL_UNKNOWN_KIND',
      `unknown TLP marking "${tlp}"; known: clear, green, amber, amber+strict, red`,
    );
  return tlp;
}

/** What a user may see of another user (never a hash). */
export function publicUser(u: User): {
  id: string;
  username: string;
  role: Role;
  tlpMax: Tlp;
  createdAt: string;
  hasPassword: boolean;
} {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    tlpMax: u.tlpMax,
    createdAt: u.createdAt,
    hasPassword: u.passwordHash !== null,
  };
}
