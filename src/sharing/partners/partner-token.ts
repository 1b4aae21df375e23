// Partner bearer tokens: 256 random bits shown once, stored only as their SHA-256 (a token that long needs no slow hash).
import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'vgl_';

export function newPartnerToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashPartnerToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before any lookup, so obviously wrong credentials cost nothing. */
export function looksLikePartnerToken(token: string): boolean {
  return /^vgl_[A-Za-z0-9_-]{43}$/.test(token);
}
