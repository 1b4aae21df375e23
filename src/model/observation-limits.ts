// The limits an observation must meet whichever parser produced it: years in range, bounded string sizes, and a
// geometry shallow enough for canonical JSON (hashing recurses). Checked before any observation is hashed or stored.
import { inputError } from '../errors/index.js';
import { depthBeyond, MAX_FIELD_LENGTH, MAX_JSON_DEPTH, MAX_TEXT_LENGTH, yearProblem } from './input-limits.js';
import type { ObservationInput } from './observation.js';

const INSTANTS = ['periodStart', 'periodEnd', 'publishedAt', 'retrievedAt'] as const;
const SHORT_FIELDS = ['series', 'subject', 'unit', 'missingReason', 'source', 'sourceRef'] as const;

/** The first limit the observation breaks, as `{ field, problem }`, or undefined. */
export function observationLimitProblem(o: ObservationInput): { field: string; problem: string } | undefined {
  for (const field of INSTANTS) {
    const value = o[field];
    const problem = typeof value === 'string' ? yearProblem(value) : undefined;
    if (problem) return { field, problem };
  }
  for (const field of SHORT_FIELDS) {
    const value = o[field];
    if (typeof value === 'string' && value.length > MAX_FIELD_LENGTH)
      return { field, problem: `is longer than ${MAX_FIELD_LENGTH} characters` };
  }
  if (typeof o.text === 'string' && o.text.length > MAX_TEXT_LENGTH)
    return { field: 'text', problem: `is longer than ${MAX_TEXT_LENGTH} characters` };
  if (o.geometry !== undefined && depthBeyond(o.geometry, MAX_JSON_DEPTH))
    return { field: 'geometry', problem: `is nested deeper than ${MAX_JSON_DEPTH} levels` };
  for (const [key, value] of Object.entries(o.attributes ?? {})) {
    if (key.length > MAX_FIELD_LENGTH || (typeof value === 'string' && value.length > MAX_TEXT_LENGTH))
      return { field: `attributes.${key.slice(0, 40)}`, problem: 'is too long' };
  }
  return undefined;
}

/** Throws `file: observation N (series): field: problem` for the first limit broken. */
export function checkObservationLimits(o: ObservationInput, file: string, index: number): void {
  const found = observationLimitProblem(o);
  if (found)
    throw inputError(
      file,
      undefined,
      `observation ${index + 1} (${String(o.series).slice(0, 80)}) ${found.field}`,
      found.problem,
    );
}
