// The GDELT 2.0 Event export layout (GDELT Event Codebook V2.0): 61 tab-separated columns, no header, one event per line.
// Only the columns the importer reads are named here; their positions are fixed by the codebook.

export const GDELT_COLUMN_COUNT = 61;

/** 0-based column positions (GDELT 2.0 Event Codebook, "EVENT TABLE"). */
export const GDELT = {
  GLOBALEVENTID: 0,
  SQLDATE: 1,
  Actor1CountryCode: 7,
  Actor2CountryCode: 17,
  EventCode: 26,
  QuadClass: 29,
  GoldsteinScale: 30,
  DATEADDED: 59,
  SOURCEURL: 60,
} as const;

/** The dyads imported (either direction), by CAMEO country code, and their series slugs. */
export const DYADS: ReadonlyArray<{ a: string; b: string; slug: string }> = [
  { a: 'CHN', b: 'TWN', slug: 'chn-twn' },
  { a: 'CHN', b: 'USA', slug: 'chn-usa' },
  { a: 'CHN', b: 'JPN', slug: 'chn-jpn' },
];

/** QuadClass 4 = material conflict (1 verbal cooperation, 2 material cooperation, 3 verbal conflict). */
export const MATERIAL_CONFLICT = 4;
