// The content hash that identifies an observation, so re-ingesting the same claim is a no-op.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Observation, ObservationInput } from './observation.js';

/**
 * Hashes every field that makes the claim what it is. Keys are sorted so the hash does not depend on
 * property order; `retrievedAt` is left out because fetching the same report twice is the same claim.
 */
export function observationId(input: ObservationInput): string {
  const canonical = canonicalJson({ ...input, retrievedAt: undefined });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

export function withId(input: ObservationInput): Observation {
  return { ...input, id: observationId(input) };
}
