// Alert identity: labels, the fingerprint of a label set (hash of the sorted pairs), and per-activation alert ids.
import { createHash } from 'node:crypto';

export type Labels = Readonly<Record<string, string>>;

/** Labels sorted by name, so equal sets print and hash the same. */
export function sortedLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Stable identity of a label set: sha256 of the sorted `name=value` pairs (16 hex digits). */
export function fingerprint(labels: Labels): string {
  const text = Object.entries(sortedLabels(labels))
    .map(([k, v]) => `${k}\u0000${v}`)
    .join('\u0001');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Id of one activation of an alert (what `vigil alerts ack ID` names): the same labels firing again later is a new
 * alert with a new id, so an acknowledgement never silently covers a later episode.
 */
export function alertInstanceId(fp: string, activeAt: string): string {
  return createHash('sha256').update(`${fp}|${activeAt}`).digest('hex').slice(0, 12);
}

/** Short stable hash of any text, for deterministic ids (notifications, groups, outbox entries). */
export function shortHash(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** `{a="1", b="2"}` — how labels print in CLI output and notification text. */
export function formatLabels(labels: Labels): string {
  return `{${Object.entries(sortedLabels(labels))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}}`;
}
