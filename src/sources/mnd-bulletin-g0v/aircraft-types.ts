// Maps the aircraft type names of MND announcements ("運-8反潛機", "殲16機", "蘇愷-30機") to stable series slugs.
//
// Names are normalised (spaces, hyphens and a trailing 機 removed) and looked up in a fixed table built from every
// spelling in the 2020–2021 announcements; a name not in the table falls back to the English designation MND gave in
// parentheses ("(Two KJ-500 AEW&C)" → kj-500-aew-c). A Chinese-only name that is not in the table is an error, so a
// new aircraft type is never silently merged into another.

/** Normalised Chinese name → slug used in `mnd.aircraft.type.<slug>`. */
const TYPE_SLUGS: Readonly<Record<string, string>> = {
  殲7: 'j-7',
  殲10: 'j-10',
  殲11: 'j-11',
  殲16: 'j-16',
  殲轟7: 'jh-7',
  蘇愷30: 'su-30',
  蘇30: 'su-30',
  轟6: 'h-6',
  轟6K: 'h-6k',
  運8: 'y-8',
  運8型: 'y-8',
  運8反潛: 'y-8-asw',
  運8技偵: 'y-8-recce',
  運8技術偵察: 'y-8-recce',
  運8遠干: 'y-8-ew',
  運8電偵: 'y-8-elint',
  運9: 'y-9',
  運9型: 'y-9',
  運9通信對抗: 'y-9-ew',
  空警500: 'kj-500',
  直8直升: 'z-8',
  直9反潛直升: 'z-9-asw',
};

/** Removes what varies between spellings of one type: spaces, hyphens and the trailing 機 ("aircraft"). */
export function normaliseTypeName(name: string): string {
  return name.replace(/[\s\u00a0\-－–]/g, '').replace(/機$/, '');
}

const NUMBER_WORDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'sixty',
  'seventy',
  'eighty',
  'ninety',
  'hundred',
  'and',
]);

/** Slug from an English designation such as "Two KJ-500 AEW&C": number words dropped, lower-case, hyphenated. */
export function slugFromEnglish(english: string): string | undefined {
  const words = english.split(/[\s\u00a0]+/).filter((w) => w !== '');
  while (words.length > 0 && NUMBER_WORDS.has(words[0].toLowerCase().replace(/-/g, ''))) words.shift();
  const slug = words
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

/** The slug for a type name, else from its English designation, else undefined (unknown type). */
export function aircraftTypeSlug(chineseName: string, english: string | undefined): string | undefined {
  const known = TYPE_SLUGS[normaliseTypeName(chineseName)];
  if (known !== undefined) return known;
  return english === undefined ? undefined : slugFromEnglish(english);
}
