// Bearer tokens `vgl_<id>_<secret>`: the id finds the record, only SHA-256(secret) is stored, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'vgl_';
const TOKEN_PATTERN = /^vgl_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export interface NewTokenSecret {
  id: string;
  /** The whole token, shown to its owner once. */
  token: string;
  secretHash: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A fresh token: 48 bits of id (public), 256 bits of secret. A high-entropy secret needs no slow hash. */
export function generateToken(): NewTokenSecret {
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${TOKEN_PREFIX}${id}_${secret}`, secretHash: sha256Hex(secret) };
}

/** Splits a presented token; undefined when it is not shaped like one. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const m = TOKEN_PATTERN.exec(token);
  return m ? { id: m[1], secret: m[2] } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256Hex(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Random session id for the cookie (256 bits) and CSRF token (128 bits). */
export function generateSessionSecrets(): { sessionId: string; csrfToken: string } {
  return { sessionId: randomBytes(32).toString('base64url'), csrfToken: randomBytes(16).toString('base64url') };
}
