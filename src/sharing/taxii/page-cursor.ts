// The opaque TAXII `next` token: how far a reader has got in each stream, bound to the filters it was issued for.
import { inputError } from '../../errors/index.js';

export interface PageCursor {
  /** Last observation store seq consumed. */
  observations: number;
  /** Last publication ledger seq consumed. */
  published: number;
}

export const START_CURSOR: PageCursor = { observations: 0, published: 0 };

export function encodeCursor(cursor: PageCursor, fingerprint: string): string {
  return Buffer.from(`${cursor.observations}.${cursor.published}.${fingerprint}`, 'utf8').toString('base64url');
}

export function decodeCursor(token: string | undefined, fingerprint: string): PageCursor {
  if (token === undefined) return START_CURSOR;
  const m = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw inputError('query', undefined, 'next', 'is not a token this server issued');
  if (m[3] !== fingerprint)
    throw inputError(
      'query',
      undefined,
      'next',
      'was issued for other filters; repeat the request with the same added_after and match[] parameters',
    );
  return { observations: Number(m[1]), published: Number(m[2]) };
}
