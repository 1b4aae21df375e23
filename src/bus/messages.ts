// The payloads Vigil's roles exchange on the bus, by subject (SUBJECTS in subjects.ts).

/** SUBJECTS.stored(packId): the ingest role (or the API) committed observations for this theatre. */
export interface StoredNotice {
  packId: string;
  /** The work item's message id. */
  workId: string;
  inserted: number;
  unchanged: number;
}
