// The publication ledger port: STIX objects other than observations that this organisation published (assessments,
// alerts) or received from others, each version kept with its TLP and when it was added.
import type { Tlp } from '../../model/index.js';
import type { StixObject } from '../stix/stix-types.js';

export type LedgerKind = 'assessment' | 'alert' | 'foreign';

/** The origin of what this organisation published itself; anything else names who sent it (`partner:alpha`). */
export const OWN_ORIGIN = 'own';

export interface LedgerEntry {
  seq: number;
  kind: LedgerKind;
  tlp: Tlp;
  origin: string;
  dateAdded: string;
  object: StixObject;
}

/** Which versions of an object a reader asks for (TAXII match[version]); several may be combined. */
export interface VersionMatch {
  last: boolean;
  first: boolean;
  all: boolean;
  at: readonly string[];
}

export const LATEST_VERSION: VersionMatch = { last: true, first: false, all: false, at: [] };

export interface LedgerQuery {
  /** TLP ceiling, applied in the SQL, to the candidates and to the versions they are compared with. */
  tlpMax: Tlp;
  kinds: readonly LedgerKind[];
  afterSeq?: number;
  addedAfter?: string;
  ids?: readonly string[];
  types?: readonly string[];
  versions: VersionMatch;
  limit?: number;
}

export interface PublishResult {
  /** False when the same content was already published (re-publishing is a no-op). */
  added: boolean;
  object: StixObject;
}

export interface PublicationLedger {
  /**
   * Publishes one of our objects. Unchanged content is a no-op; changed content under the same id becomes a new
   * version (same `created`, a later `modified`).
   */
  publish(object: StixObject, kind: Exclude<LedgerKind, 'foreign'>, tlp: Tlp, now: string): Promise<PublishResult>;
  /** Keeps objects received from `origin` as they came; they are never served to partners. Returns how many were new. */
  keepReceived(
    items: readonly { object: StixObject; kind: LedgerKind; tlp: Tlp }[],
    origin: string,
    now: string,
  ): Promise<number>;
  /** Our own published objects visible under the query, in the order they were added. */
  query(query: LedgerQuery): Promise<LedgerEntry[]>;
  /** Received objects, newest first (for `vigil partner list` and tests). */
  received(origin: string, limit?: number): Promise<LedgerEntry[]>;
}
