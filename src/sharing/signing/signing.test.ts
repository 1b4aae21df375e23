import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { generateSigningKey, keyId, parsePublicKey } from './ed25519-keys.js';
import { checkSignature, createSigner, signDocument, SIGNATURE_PROPERTY } from './signed-document.js';

const key = generateSigningKey();
const other = generateSigningKey();
const signer = createSigner(key.privateKeyPem, key.publicKey);
const doc = { type: 'bundle', id: 'bundle--1', objects: [{ b: 1, a: 'é', c: [1.5, null, true] }] };

describe('canonical JSON (RFC 8785)', () => {
  it('sorts keys, drops whitespace and undefined members, and keeps ES number form', () => {
    expect(canonicalJson({ b: 2, a: [1e21, 0.1, -0], c: undefined, d: { z: null, y: 'x' } })).toBe(
      '{"a":[1e+21,0.1,0],"b":2,"d":{"y":"x","z":null}}',
    );
  });

  it('does not depend on property order', () => {
    expect(canonicalJson({ x: 1, y: { b: 1, a: 2 } })).toBe(canonicalJson({ y: { a: 2, b: 1 }, x: 1 }));
  });
});

describe('signed documents (Ed25519 detached JWS)', () => {
  it('signs with a detached, unencoded-payload EdDSA JWS that verifies with the public key', () => {
    const signed = signDocument(doc, signer);
    const [header, payload, signature] = signed[SIGNATURE_PROPERTY].split('.');
    expect(payload).toBe('');
    expect(signature.length).toBeGreaterThan(80);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'EdDSA',
      kid: keyId(key.publicKey),
      b64: false,
      crit: ['b64'],
    });
    expect(checkSignature(signed, { publicKey: key.publicKey, required: true, signer: 'partner a' }, 'bundle')).toBe(
      'verified',
    );
  });

  it('still verifies after a JSON round trip with reordered keys', () => {
    const signed = signDocument(doc, signer);
    const reordered = JSON.parse(
      JSON.stringify({
        [SIGNATURE_PROPERTY]: signed[SIGNATURE_PROPERTY],
        objects: signed.objects,
        id: signed.id,
        type: signed.type,
      }),
    );
    expect(checkSignature(reordered, { publicKey: key.publicKey, required: true, signer: 'partner a' }, 'bundle')).toBe(
      'verified',
    );
  });

  it('rejects altered content, another key, a garbled signature, and unsigned content when required', () => {
    const signed = signDocument(doc, signer);
    const policy = { publicKey: key.publicKey, required: true, signer: 'partner a' };
    expect(() => checkSignature({ ...signed, id: 'bundle--2' }, policy, 'bundle')).toThrow(/does not verify/);
    expect(() => checkSignature(signed, { ...policy, publicKey: other.publicKey }, 'bundle')).toThrow(
      /signed with key/,
    );
    expect(() => checkSignature({ ...signed, [SIGNATURE_PROPERTY]: 'abc' }, policy, 'bundle')).toThrow(
      /not a detached JWS/,
    );
    expect(() => checkSignature(doc, policy, 'bundle')).toThrow(
      expect.objectContaining({ code: 'VIGIL_SIGNATURE_INVALID' }),
    );
    expect(checkSignature(doc, { ...policy, required: false }, 'bundle')).toBe('unsigned');
    expect(checkSignature(signed, { required: false, signer: 'x' }, 'bundle')).toBe('unverified');
  });

  it('parses only well-formed public keys', () => {
    expect(parsePublicKey(key.publicKey).asymmetricKeyType).toBe('ed25519');
    expect(() => parsePublicKey('ed25519:short')).toThrow(/invalid public key/);
    expect(() => parsePublicKey('rsa:AAAA')).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
  });
});
