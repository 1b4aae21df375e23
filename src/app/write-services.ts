// The write services: every write a person, a process or a partner makes goes through here, and its audit entry is
// appended in the SAME transaction as the write, whoever calls (CLI, API route, bus ingest role, TAXII POST). If the
// audit insert fails, the write is rolled back; if the write fails, nothing is audited.
import type { Observation } from '../model/index.js';
import type { Database } from '../storage/database/database.js';
import { createGroupCommit } from './group-commit.js';
import type { PutResult, Store } from '../storage/store.js';
import type { AuditEntry } from '../users/audit-chain.js';
import type { UserStore } from '../users/user-store.js';

/** Who did it, named as the audit log names actors: `user:alice`, `token:alice/ci`, `cli:root`, `role:ingest`, `partner:acme`. */
export type Actor = string;

export interface AuditedWrite<T> {
  actor: Actor;
  /** Dotted verb: `observations.ingest`, `note.add`, `stix.import`, `alert.ack`, `silence.add`, `partner.add`… */
  action: string;
  /** What it was done to (a file label, an alert id, a partner name); empty when nothing in particular. */
  target: string;
  /** The write itself, run inside the transaction: every family call in it joins the transaction. */
  write: () => Promise<T>;
  /** Small facts about the outcome for the entry (counts, comment). */
  details?: (result: T) => Record<string, unknown>;
}

/** What an observation write sink looks like to ingest code: a Store, or the audited writer below. */
export interface ObservationWriter {
  putObservations(observations: readonly Observation[], ingestedAt: string, label?: string): Promise<PutResult>;
}

export interface WriteServices {
  /** Runs `write` and appends its audit entry in one transaction; returns the write's result. */
  audited<T>(request: AuditedWrite<T>): Promise<T>;
  /** An audit entry on its own (sign-in, a denied request): still one transaction, still one entry. */
  audit(actor: Actor, action: string, target: string, details?: Record<string, unknown>): Promise<AuditEntry>;
  /**
   * Observations written by `actor` under `action` (default `observations.ingest`): each putObservations call is all
   * or nothing with one audit entry naming the label (a file, a request, a work item), and resolves once committed.
   * Calls made while another is committing are committed together in the next transaction (group commit), each with
   * its own counts and entry, in order; a call inside `inTransaction` joins that transaction instead.
   */
  observations(actor: Actor, action?: string): ObservationWriter;
  /**
   * Runs `work` as one transaction: the family writes and `audit` calls in it commit or roll back together (for a
   * write whose audit entry depends on its outcome, e.g. only a first playbook tick is recorded).
   */
  inTransaction<T>(work: () => Promise<T>): Promise<T>;
  /** Calls `listener` after each committed entry (the server counts them per action); returns an unsubscribe. */
  onAudited(listener: (entry: AuditEntry) => void): () => void;
}

export interface WriteServiceDeps {
  db: Database;
  store: Store;
  users: UserStore;
  clock: () => Date;
}

/** A group commit takes waiting observation writes up to this many observations (a bigger write goes alone). */
const GROUP_MAX_OBSERVATIONS = 10_000;
/** …and up to this many writes. */
const GROUP_MAX_WRITES = 256;

interface ObservationWrite {
  actor: Actor;
  action: string;
  label: string;
  observations: readonly Observation[];
  ingestedAt: string;
}

export function createWriteServices(deps: WriteServiceDeps): WriteServices {
  const { db, users, clock } = deps;
  const listeners = new Set<(entry: AuditEntry) => void>();
  const announce = (entries: readonly AuditEntry[]) => {
    for (const entry of entries) for (const listener of listeners) listener(entry);
  };

  /** Observation writes, each with its audit entry, in one transaction: one result per write, in order. */
  const observationGroup = createGroupCommit<ObservationWrite, PutResult>({
    maxWeight: GROUP_MAX_OBSERVATIONS,
    maxItems: GROUP_MAX_WRITES,
    weight: (w) => w.observations.length,
    async commit(writes) {
      const done = await db.transaction(async () => {
        const puts = await deps.store.putObservationBatches(writes);
        const at = clock().toISOString();
        const entries = await users.appendAudits(
          writes.map((w, i) => ({
            at,
            actor: w.actor,
            action: w.action,
            target: w.label,
            details: { observations: w.observations.length, ...puts[i] },
          })),
        );
        return { puts, entries };
      });
      announce(done.entries);
      return done.puts;
    },
  });

  async function write<T>(request: AuditedWrite<T>): Promise<{ value: T; entry: AuditEntry }> {
    const done = await db.transaction(async () => {
      const value = await request.write();
      const details = request.details?.(value) ?? {};
      const entry = await users.appendAudit({
        at: clock().toISOString(),
        actor: request.actor,
        action: request.action,
        target: request.target,
        details,
      });
      return { value, entry };
    });
    announce([done.entry]);
    return done;
  }

  return {
    inTransaction: (work) => db.transaction(() => work()),
    onAudited(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    audited: async (request) => (await write(request)).value,
    async audit(actor, action, target, details = {}) {
      return (await write({ actor, action, target, write: async () => undefined, details: () => details })).entry;
    },
    observations(actor, action = 'observations.ingest') {
      return {
        async putObservations(observations, ingestedAt, label = '') {
          if (!db.inTransaction()) return observationGroup.submit({ actor, action, label, observations, ingestedAt });
          const joined = await write({
            actor,
            action,
            target: label,
            write: () => deps.store.putObservations(observations, ingestedAt),
            details: (put) => ({ observations: observations.length, ...put }),
          });
          return joined.value;
        },
      };
    },
  };
}
