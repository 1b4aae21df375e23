// Ed25519 key pairs for signing bundles: generation, the text form partners exchange, and key ids.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { vigilError } from '../../errors/index.js';

const PUBLIC_KEY_PREFIX = 'ed25519:';

export interface SigningKey {
  /** PKCS#8 PEM of the private key. */
  privateKeyPem: string;
  /** `ed25519:<base64url of the 32-byte raw public key>`: what partners register. */
  publicKey: string;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKeyText(publicKey),
  };
}

export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  if (jwk.x === undefined) throw vigilError('VIGIL_CONFIG_INVALID', 'not an Ed25519 public key');
  return `${PUBLIC_KEY_PREFIX}${jwk.x}`;
}

/** Parses `ed25519:<base64url>`; anything else is VIGIL_CONFIG_INVALID naming what was given. */
export function parsePublicKey(text: string): KeyObject {
  const x = text.trim().startsWith(PUBLIC_KEY_PREFIX) ? text.trim().slice(PUBLIC_KEY_PREFIX.length) : '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(x)) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `invalid public key ${JSON.stringify(text.slice(0, 80))} (expected ed25519:<43 base64url characters>, as \`vigil partner key\` prints)`,
    );
  }
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

export function parsePrivateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}

/** A short, stable name for a public key (the JWS `kid`): base64url of the first 12 bytes of its SHA-256. */
export function keyId(publicKey: string): string {
  return createHash('sha256').update(publicKey).digest().subarray(0, 12).toString('base64url');
}
