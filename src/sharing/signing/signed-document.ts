// Signatures on what Vigil sends: over the exact bytes of an HTTP body (TAXII, header X-Vigil-JWS) or, for files that
// tools may re-indent, over the canonical JSON of a document carrying the JWS in its x_vigil_jws property.
import type { KeyObject } from 'node:crypto';
import { vigilError } from '../../errors/index.js';
import { canonicalJson } from './canonical-json.js';
import { parseDetachedJws, signDetached, verifyDetached } from './detached-jws.js';
import { keyId, parsePrivateKey, parsePublicKey } from './ed25519-keys.js';

/** The property a signed file carries its detached JWS in; the signature covers the document without it. */
export const SIGNATURE_PROPERTY = 'x_vigil_jws';
/** The HTTP header carrying the detached JWS of a TAXII body (response or POST request). */
export const SIGNATURE_HEADER = 'x-vigil-jws';

export interface Signer {
  kid: string;
  privateKey: KeyObject;
}

export function createSigner(privateKeyPem: string, publicKey: string): Signer {
  return { kid: keyId(publicKey), privateKey: parsePrivateKey(privateKeyPem) };
}

export interface SignaturePolicy {
  /** The producer's registered public key (`ed25519:…`), if any. */
  publicKey?: string;
  /** Reject unsigned content. */
  required: boolean;
  /** Who the key belongs to, for messages, e.g. `partner alpha`. */
  signer: string;
}

export type SignatureStatus = 'verified' | 'unsigned' | 'unverified';

/** A detached JWS over `text` exactly as it will be sent. */
export function signText(text: string, signer: Signer): string {
  return signDetached(text, signer.privateKey, signer.kid);
}

/**
 * Checks a detached JWS over `text`: one that does not verify with the registered key is always rejected; unsigned
 * content (or content with no key to check it against) only when signatures are required. Throws
 * VIGIL_SIGNATURE_INVALID naming `what` and the signer.
 */
export function checkTextSignature(text: string, jws: unknown, policy: SignaturePolicy, what: string): SignatureStatus {
  if (jws === undefined) {
    if (policy.required)
      throw vigilError('VIGIL_SIGNATURE_INVALID', `${what} is unsigned, and ${policy.signer} requires signed content`);
    return 'unsigned';
  }
  if (policy.publicKey === undefined) {
    if (policy.required)
      throw vigilError(
        'VIGIL_SIGNATURE_INVALID',
        `${what} is signed, but no public key is registered for ${policy.signer}`,
      );
    return 'unverified';
  }
  const parsed = typeof jws === 'string' ? parseDetachedJws(jws) : undefined;
  if (parsed === undefined) throw vigilError('VIGIL_SIGNATURE_INVALID', `${what}: the signature is not a detached JWS`);
  const expectedKid = keyId(policy.publicKey);
  if (parsed.header.kid !== expectedKid) {
    throw vigilError(
      'VIGIL_SIGNATURE_INVALID',
      `${what} is signed with key ${String(parsed.header.kid)}, not ${policy.signer}'s key ${expectedKid}`,
    );
  }
  if (!verifyDetached(text, parsed, parsePublicKey(policy.publicKey))) {
    throw vigilError(
      'VIGIL_SIGNATURE_INVALID',
      `${what}: the signature does not verify with ${policy.signer}'s public key (content altered or wrong key)`,
    );
  }
  return 'verified';
}

/** The payload a file signature covers: the RFC 8785 canonical JSON of the document without its signature property. */
export function signedPayload(document: object): string {
  return canonicalJson({ ...document, [SIGNATURE_PROPERTY]: undefined });
}

export function signDocument<T extends object>(document: T, signer: Signer): T & { [SIGNATURE_PROPERTY]: string } {
  return { ...document, [SIGNATURE_PROPERTY]: signText(signedPayload(document), signer) };
}

/** Checks the in-document signature of a file (see checkTextSignature for the rules). */
export function checkSignature(
  document: Record<string, unknown>,
  policy: SignaturePolicy,
  what: string,
): SignatureStatus {
  const jws = document[SIGNATURE_PROPERTY];
  return checkTextSignature(jws === undefined ? '' : signedPayload(document), jws, policy, what);
}
