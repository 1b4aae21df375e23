// JWS with a detached, unencoded payload (RFC 7515 Appendix F + RFC 7797) signed with Ed25519 (alg EdDSA, RFC 8037).
import { sign, verify, type KeyObject } from 'node:crypto';

interface JwsHeader {
  alg: 'EdDSA';
  kid: string;
  b64: false;
  crit: ['b64'];
}

/**
 * `BASE64URL(header)..BASE64URL(signature)`: the payload is left out of the JWS (detached) and signed as raw bytes
 * (b64: false), so a verifier hashes the document it already holds instead of a base64 copy of it.
 * Signing input: ASCII(BASE64URL(UTF8(header))) || '.' || payload.
 */
export function signDetached(payload: string, privateKey: KeyObject, kid: string): string {
  const header: JwsHeader = { alg: 'EdDSA', kid, b64: false, crit: ['b64'] };
  const encodedHeader = Buffer.from(JSON.stringify(header)).toString('base64url');
  const signature = sign(null, signingInput(encodedHeader, payload), privateKey);
  return `${encodedHeader}..${signature.toString('base64url')}`;
}

export interface DetachedJws {
  header: Record<string, unknown>;
  encodedHeader: string;
  signature: Buffer;
}

/** Splits a detached JWS; undefined when it is not one (three parts, empty middle, a JSON header). */
export function parseDetachedJws(jws: string): DetachedJws | undefined {
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '' || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[2]))
    return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
    return {
      header: header as Record<string, unknown>,
      encodedHeader: parts[0],
      signature: Buffer.from(parts[2], 'base64url'),
    };
  } catch {
    return undefined;
  }
}

/** True when `jws` is an EdDSA, b64=false signature of `payload` by `publicKey`. */
export function verifyDetached(payload: string, jws: DetachedJws, publicKey: KeyObject): boolean {
  const h = jws.header;
  if (h.alg !== 'EdDSA' || h.b64 !== false || !Array.isArray(h.crit) || !h.crit.includes('b64')) return false;
  return verify(null, signingInput(jws.encodedHeader, payload), publicKey, jws.signature);
}

function signingInput(encodedHeader: string, payload: string): Buffer {
  return Buffer.concat([Buffer.from(`${encodedHeader}.`, 'ascii'), Buffer.from(payload, 'utf8')]);
}
