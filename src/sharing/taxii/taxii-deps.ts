// What the TAXII routes need, passed in explicitly so the plugin runs in any Fastify instance (tests, `vigil serve`).
import type { WriteServices } from '../../app/write-services.js';
import type { Store } from '../../storage/store.js';
import type { PublicationLedger } from '../ledger/publication-ledger.js';
import type { OrgKeys } from '../partners/org-identity-store.js';
import type { Partner, PartnerRegistry } from '../partners/partner-registry.js';
import type { TaxiiStatusStore } from './taxii-status-store.js';

export interface TaxiiDeps {
  store: Store;
  /**
   * The process's audited write services, on the database of `store`, `ledger` and `statuses`: a POST's observations,
   * ledger entries, status resource and audit entry (actor `partner:<name>`, action `taxii.add`) commit together.
   */
  writes: Pick<WriteServices, 'audited'>;
  registry: PartnerRegistry;
  ledger: PublicationLedger;
  statuses: TaxiiStatusStore;
  /** This organisation's identity and signing key. */
  keys: OrgKeys;
  /** The clock, read at the edge. */
  now: () => Date;
  /** Largest request body accepted (bytes); default 8 MiB. */
  maxContentLength?: number;
  /** Page size when the client sets no `limit` (default 1000) and the most it may ask for (default 5000). */
  defaultPageSize?: number;
  maxPageSize?: number;
  /** Sign every envelope with the organisation's key (default true). */
  signEnvelopes?: boolean;
  /**
   * This server's public origin (`https://vigil.example.org`) for absolute URLs in discovery. Without it discovery
   * gives the API root as a path: the request's Host header is never echoed (a client could make it name any host).
   */
  publicUrl?: string;
}

/** The API root's path segment under the plugin's prefix: discovery at `/taxii2/`, the API root at `/taxii2/vigil/`. */
export const API_ROOT_SEGMENT = 'vigil';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated partner (set by the TAXII plugin's onRequest hook). */
    taxiiPartner?: Partner;
  }
}
