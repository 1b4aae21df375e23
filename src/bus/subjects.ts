// Vigil's stream topology and subject rules, shared by every Bus adapter so they accept and refuse the same things.
import { vigilError } from '../errors/index.js';

export interface StreamFamily {
  /** Stream name suffix (JetStream stream `VIGIL_<name>`, prefixed by a namespace if any). */
  name: string;
  /** Subjects the stream holds: `<prefix>.>`. */
  prefix: string;
  /** How long the stream keeps messages after they are published (JetStream max_age). */
  maxAgeMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Two streams, as the deployment needs them (docs/deployment.md). A subject outside them is refused. Alert
 * deliveries do not go over the bus: the outbox in the database is their queue (docs/alerting.md).
 */
export const STREAM_FAMILIES: readonly StreamFamily[] = [
  { name: 'OBSERVATIONS', prefix: 'vigil.observations', maxAgeMs: 7 * DAY_MS },
  { name: 'ASSESSMENTS', prefix: 'vigil.assessments', maxAgeMs: 30 * DAY_MS },
];

/** The subjects Vigil's roles use. */
export const SUBJECTS = {
  /** Ingest work items (a file or a batch of observations) for the ingest workers. */
  ingestWork: 'vigil.observations.ingest',
  /** "New observations were committed for this theatre": what wakes the theatre's assessor. */
  stored: (packId: string) => `vigil.observations.stored.${packId}`,
  /** Published assessments of one theatre (the assess role publishes a changed one; api roles refresh dashboards on it). */
  assessment: (packId: string) => `vigil.assessments.${packId}`,
} as const;

/** How long JetStream (and the in-process bus) remembers message ids for dedup. */
export const DUPLICATE_WINDOW_MS = 120_000;

const TOKEN = /^[a-z0-9_-]+$/;
const GROUP = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The stream a concrete subject belongs to; throws VIGIL_CONFIG_INVALID for malformed or unknown subjects. */
export function streamOf(subject: string): StreamFamily {
  const tokens = subject.split('.');
  if (!tokens.every((t) => TOKEN.test(t))) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `invalid bus subject ${JSON.stringify(subject)} (expected dot-separated lower-case tokens, no wildcards)`,
    );
  }
  const family = STREAM_FAMILIES.find((f) => subject.startsWith(`${f.prefix}.`));
  if (family === undefined) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `bus subject ${subject} belongs to no stream (known: ${STREAM_FAMILIES.map((f) => `${f.prefix}.>`).join(', ')})`,
    );
  }
  return family;
}

/**
 * The stream a subscription pattern reads: tokens, `*` for one token, a final `>` for the rest, and the pattern
 * must lie inside one stream (`vigil.assessments.>` yes, `vigil.>` no).
 */
export function streamOfPattern(pattern: string): StreamFamily {
  const tokens = pattern.split('.');
  const ok = tokens.every((t, i) => TOKEN.test(t) || t === '*' || (t === '>' && i === tokens.length - 1));
  if (!ok) throw vigilError('VIGIL_CONFIG_INVALID', `invalid bus subject pattern ${JSON.stringify(pattern)}`);
  const family = STREAM_FAMILIES.find((f) => pattern.startsWith(`${f.prefix}.`));
  if (family === undefined) {
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `bus pattern ${pattern} must lie inside one stream (${STREAM_FAMILIES.map((f) => `${f.prefix}.>`).join(', ')})`,
    );
  }
  return family;
}

export function checkGroup(group: string): void {
  if (!GROUP.test(group))
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `invalid work group ${JSON.stringify(group)} (expected lower-case letters, digits, - and _)`,
    );
}

/** NATS subject matching: `*` is one token, a final `>` one or more. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || (p[i] !== '*' && p[i] !== s[i])) return false;
  }
  return p.length === s.length;
}

/** Redelivery delay after the `deliveryCount`-th failed attempt: doubling from `baseMs`, at most 60 s. */
export function retryDelay(baseMs: number, deliveryCount: number): number {
  return Math.min(60_000, baseMs * 2 ** Math.max(0, Math.min(deliveryCount - 1, 16)));
}
