// The STIX identity of the organisation producing a bundle, derived from its signing key so it is stable and unique.
import { tlpMarkingDefinition } from '../tlp/tlp-markings.js';
import type { StixObject } from './stix-types.js';
import { stixId } from './uuid5.js';

export interface OrgIdentity {
  /** Display name, e.g. "Alpha Analysis Cell". */
  name: string;
  /** The organisation's Ed25519 public key as `ed25519:<base64url>`; the identity id is derived from it. */
  publicKey: string;
  /** When the identity was created (ISO); the identity object's created/modified. */
  createdAt: string;
}

export function identityStixId(publicKey: string): string {
  return stixId('identity', publicKey);
}

/** Marked CLEAR: who produced a bundle is told to everyone who receives any part of it. */
export function identityObject(identity: OrgIdentity): StixObject {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: identityStixId(identity.publicKey),
    created: identity.createdAt,
    modified: identity.createdAt,
    name: identity.name,
    identity_class: 'organization',
    object_marking_refs: [tlpMarkingDefinition('clear').id],
  };
}
