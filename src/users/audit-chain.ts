// The hash-chained audit log: each entry's hash covers its content and the previous entry's hash, so any edit breaks the chain.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../model/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records; the store adds seq, prevHash and hash. */
export interface AuditInput {
  /** When the write happened (ISO). */
  at: string;
  /** Who did it: `user:alice`, `token:alice/ci`, `cli:root`, `system`. */
  actor: string;
  /** Dotted verb, e.g. `observations.ingest`, `alert.ack`, `user.add`. */
  action: string;
  /** What it was done to (an alert id, a username…); empty when nothing in particular. */
  target: string;
  /** Small facts about the write (counts, comment, outcome). */
  details: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The canonical text hashed for an entry: fixed key order, details with sorted keys. */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    details: entry.details,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/** The next entry after `previous` (undefined for the first). */
export function chainEntry(previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined, input: AuditInput): AuditEntry {
  // Round-trip details through JSON so what is hashed is exactly what a store can keep and give back.
  const details = JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>;
  const base = { ...input, details, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...base, hash: auditHash(base) };
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** Hash of the last entry: record it elsewhere to detect a truncated tail later. */
  head: string;
  /** The first entry that does not verify, and why. */
  problem?: { seq: number; reason: string };
}

/** Checks seq contiguity, each prevHash link and each hash; entries in seq order, starting at seq 1. */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditVerification {
  let previous: AuditEntry | undefined;
  for (const e of entries) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    const fail = (reason: string): AuditVerification => ({
      ok: false,
      entries: entries.length,
      head: previous?.hash ?? GENESIS_HASH,
      problem: { seq: e.seq, reason },
    });
    if (e.seq !== expectedSeq)
      return fail(`expected entry ${expectedSeq}, found ${e.seq} (an entry was removed or inserted)`);
    if (e.prevHash !== (previous?.hash ?? GENESIS_HASH))
      return fail('prevHash does not match the previous entry’s hash');
    if (auditHash(e) !== e.hash) return fail('content does not match its hash (the entry was edited)');
    previous = e;
  }
  return { ok: true, entries: entries.length, head: previous?.hash ?? GENESIS_HASH };
}
