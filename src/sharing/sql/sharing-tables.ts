// The sharing tables as Kysely sees them, and how their rows map to sharing records. Flags are INTEGER 0/1 in SQLite
// and BOOLEAN in PostgreSQL: written as 0/1 (both accept it), read through Boolean(). seq is a BIGINT string from
// PostgreSQL and a number from SQLite.
import type { Generated, Selectable } from 'kysely';
import type { Tlp } from '../../model/index.js';
import type { LedgerEntry, LedgerKind } from '../ledger/publication-ledger.js';
import type { Collection } from '../partners/collections.js';
import type { Partner } from '../partners/partner-registry.js';
import type { StixObject } from '../stix/stix-types.js';

type Flag = number | boolean;

export interface SharingTables {
  sharing_identity: {
    singleton: number;
    name: string;
    public_key: string;
    private_key_pem: string;
    created_at: string;
  };
  sharing_collections: {
    id: string;
    alias: string;
    title: string;
    description: string;
    series: string;
    assessments: Flag;
    alerts: Flag;
    tlp_max: string;
    created_at: string;
  };
  sharing_partners: {
    name: string;
    tlp_max: string;
    can_write: Flag;
    token_hash: string | null;
    public_key: string | null;
    require_signatures: Flag;
    remote_url: string | null;
    remote_token: string | null;
    remote_collection: string | null;
    pull_added_after: string | null;
    last_pull_at: string | null;
    created_at: string;
  };
  sharing_partner_collections: { partner: string; collection_id: string };
  sharing_objects: {
    seq: Generated<number | string>;
    stix_id: string;
    type: string;
    kind: string;
    version: string;
    tlp: string;
    tlp_rank: number;
    origin: string;
    date_added: string;
    body: string;
  };
  sharing_statuses: { id: string; partner: string; body: string; created_at: string };
}

export type CollectionRow = Selectable<SharingTables['sharing_collections']>;
export type PartnerRow = Selectable<SharingTables['sharing_partners']>;

export function rowToCollection(r: CollectionRow): Collection {
  return {
    id: r.id,
    alias: r.alias,
    title: r.title,
    description: r.description,
    series: JSON.parse(r.series) as string[],
    assessments: Boolean(r.assessments),
    alerts: Boolean(r.alerts),
    tlpMax: r.tlp_max as Tlp,
  };
}

/** `collections`: the ids of the collections the partner may read, sorted. */
export function rowToPartner(r: PartnerRow, collections: string[]): Partner {
  return {
    name: r.name,
    tlpMax: r.tlp_max as Tlp,
    collections,
    canWrite: Boolean(r.can_write),
    publicKey: r.public_key ?? undefined,
    requireSignatures: Boolean(r.require_signatures),
    remote:
      r.remote_url !== null && r.remote_token !== null && r.remote_collection !== null
        ? { url: r.remote_url, token: r.remote_token, collection: r.remote_collection }
        : undefined,
    pullAddedAfter: r.pull_added_after ?? undefined,
    lastPullAt: r.last_pull_at ?? undefined,
    createdAt: r.created_at,
  };
}

/** The ledger columns a LedgerEntry is made of. */
export const LEDGER_COLUMNS = ['seq', 'kind', 'tlp', 'origin', 'date_added', 'body'] as const;

export type LedgerRow = Pick<Selectable<SharingTables['sharing_objects']>, (typeof LEDGER_COLUMNS)[number]>;

export function rowToEntry(r: LedgerRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    kind: r.kind as LedgerKind,
    tlp: r.tlp as Tlp,
    origin: r.origin,
    dateAdded: r.date_added,
    object: JSON.parse(r.body) as StixObject,
  };
}
