// Stable subjects for event rows, so distinct events on the same series and day do not revise one another.
import { createHash } from 'node:crypto';

/** A short (64-bit, 16 hex digit) sha256 of the parts joined by `|`; the same parts always give the same subject. */
export function eventSubject(...parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16);
}
