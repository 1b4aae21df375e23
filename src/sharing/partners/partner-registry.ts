// The partner registry port: partners with their TLP ceiling, collections, tokens (hashed) and keys, plus collections.
import type { Tlp } from '../../model/index.js';
import type { Collection } from './collections.js';

/** A partner's TAXII server, for pulling what it shares with us. */
export interface RemoteFeed {
  /** API root URL, e.g. http://127.0.0.1:8081/taxii2/vigil/ */
  url: string;
  /** The token the partner issued to us (sent as a Bearer token; kept so it can be sent). */
  token: string;
  /** The partner's collection id or alias to pull from. */
  collection: string;
}

export interface Partner {
  name: string;
  /** The most restrictive TLP this partner may receive. */
  tlpMax: Tlp;
  /** Ids of the collections it may read. */
  collections: string[];
  /** May it POST objects to its collections. */
  canWrite: boolean;
  /** Its Ed25519 public key (`ed25519:…`), for checking what it signs. */
  publicKey?: string;
  /** Reject its content when unsigned. */
  requireSignatures: boolean;
  remote?: RemoteFeed;
  /** High-water mark of the last successful pull: the latest date_added received. */
  pullAddedAfter?: string;
  lastPullAt?: string;
  createdAt: string;
}

export interface NewPartner {
  name: string;
  tlpMax: Tlp;
  collections: string[];
  canWrite?: boolean;
  publicKey?: string;
  requireSignatures?: boolean;
  remote?: RemoteFeed;
}

export interface PartnerUpdate {
  tlpMax?: Tlp;
  collections?: string[];
  canWrite?: boolean;
  publicKey?: string;
  requireSignatures?: boolean;
  remote?: RemoteFeed;
}

export interface PartnerRegistry {
  listCollections(): Promise<Collection[]>;
  /** By id or alias. */
  getCollection(idOrAlias: string): Promise<Collection | undefined>;
  addCollection(collection: Omit<Collection, 'id'>, now: string): Promise<Collection>;
  removeCollection(idOrAlias: string): Promise<void>;

  listPartners(): Promise<Partner[]>;
  getPartner(name: string): Promise<Partner | undefined>;
  /** Creates the partner and issues its token, returned once and stored only hashed. VIGIL_CONFLICT if it exists. */
  addPartner(partner: NewPartner, now: string): Promise<{ partner: Partner; token: string }>;
  updatePartner(name: string, update: PartnerUpdate): Promise<Partner>;
  removePartner(name: string): Promise<void>;
  /** Issues a new token; the old one stops working at once. */
  rotateToken(name: string): Promise<string>;
  /** The partner a presented token belongs to, if any. */
  partnerForToken(token: string): Promise<Partner | undefined>;
  recordPull(name: string, addedAfter: string | undefined, at: string): Promise<void>;
}
