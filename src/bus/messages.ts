// The payloads Vigil's roles exchange on the bus, by subject (SUBJECTS in subjects.ts).

/** SUBJECTS.stored(packId): the ingest role (or the API) committed observations for this theatre. */
export interface StoredNotice {
  packId: string;
  /** The work item's message id. */
  workId: string;
  inserted: number;
  unchanged: number;
  /**
   * The distinct series of what was committed, so a role that reads only some series (the assess role: the pack's)
   * can pass over the rest without touching the store. Absent from older publishers: treat as "any series".
   */
  series?: string[];
}

/** The distinct series of a committed batch, sorted: StoredNotice.series. */
export function noticeSeries(observations: readonly { series: string }[]): string[] {
  return [...new Set(observations.map((o) => o.series))].sort();
}
