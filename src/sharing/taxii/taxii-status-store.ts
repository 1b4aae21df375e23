// TAXII status resources: the outcome of each POST to a collection, kept so the client can fetch it by id. The adapter
// is src/sharing/sql/sql-status-store.ts.
export interface StatusDetail {
  id: string;
  version?: string;
  message?: string;
}

/** The TAXII 2.1 status resource (§4.3.1). Vigil processes a POST before answering, so status is always complete. */
export interface TaxiiStatus {
  id: string;
  status: 'complete' | 'pending';
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes?: StatusDetail[];
  failure_count: number;
  failures?: StatusDetail[];
  pending_count: number;
  pendings?: StatusDetail[];
}

export interface TaxiiStatusStore {
  save(partner: string, status: TaxiiStatus, now: string): Promise<void>;
  /** Only the partner that made the request may read its status. */
  get(partner: string, id: string): Promise<TaxiiStatus | undefined>;
}
