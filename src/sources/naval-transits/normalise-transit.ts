// Normalises pla-data-dashboard naval_transits.csv rows into the `transits` format:
// facts only (date, navy, hull numbers, ship classes in English, date precision); no Chinese prose.
// Used by the `naval-transits` ingest kind and by scripts/derive-taiwan-strait-data.ts (data/taiwan-strait/transits.csv).

import { normaliseDate } from './compiler-date.js';

export interface RawTransit {
  Date: string;
  Ships: string;
  Country: string;
  Ship_Type: string;
  Hull_Number: string;
  Date_Precision: string;
}

export interface Transit {
  date: string;
  country: string;
  hull_number: string;
  ship_type: string;
  date_precision: 'exact' | 'approximate';
}

export type TransitResult =
  | { kind: 'transit'; transit: Transit; compilerCountry: string; countries: string[] }
  | { kind: 'excluded'; date: string; reason: string };

/** Navy markers in the description: country words, navy prefixes and (for unmarked rows) ship names. */
const COUNTRY_MARKERS: readonly [RegExp, string][] = [
  [/美軍|美海軍|美國|美海警|\bUSS\b|\bUSNS\b|\bUSCG\b/, 'US'],
  [/加拿大|加海軍|\bHMCS\b|蒙特利爾|蒙特婁/, 'Canada'],
  [/英國|\bHMS\b/, 'UK'],
  [/日本|海上自衛隊|\bJS\b/, 'Japan'],
  [/澳洲|\bHMAS\b/, 'Australia'],
  [/紐西蘭|\bHMNZS\b/, 'New Zealand'],
  [/法國|\bFNS\b/, 'France'],
  [/德國|\bFGS\b/, 'Germany'],
  [/荷蘭|\bHNLMS\b/, 'Netherlands'],
  [/土耳其|\bTCG\b/, 'Turkey'],
  [/越南/, 'Vietnam'],
];

/** Order in which countries are listed (stable output). */
const COUNTRY_ORDER = COUNTRY_MARKERS.map(([, c]) => c);

const COMPILER_COUNTRY: Record<string, string> = {
  US: 'US',
  JP: 'Japan',
  Japan: 'Japan',
  UK: 'UK',
  Canada: 'Canada',
  Australia: 'Australia',
  France: 'France',
  Germany: 'Germany',
  'New Zealand': 'New Zealand',
  Turkey: 'Turkey',
  Vietnam: 'Vietnam',
};

/** Chinese ship-class words → English class. Longest words first. */
const SHIP_TYPES: readonly [string, string][] = [
  ['村雨級護衛艦（驅逐艦）', 'destroyer'],
  ['探路者級海洋調查船', 'survey ship'],
  ['海洋測量船', 'survey ship'],
  ['海洋調查船', 'survey ship'],
  ['飛彈驅逐艦', 'destroyer'],
  ['神盾驅逐艦', 'destroyer'],
  ['驅逐艦', 'destroyer'],
  ['巡洋艦', 'cruiser'],
  ['巡防衛艦', 'frigate'],
  ['巡防艦', 'frigate'],
  ['護衛艦', 'frigate'],
  ['潛艦', 'submarine'],
  ['航空母艦', 'aircraft carrier'],
  ['補給艦', 'replenishment ship'],
  ['巡邏艦', 'patrol ship'],
  ['海警船', 'coast guard cutter'],
];

/** Hand-checked corrections, each documented in docs/data.md. */
export const TRANSIT_OVERRIDES: Readonly<Record<string, { drop?: string; dropShipType?: string }>> = {
  // The description also mentions China's carrier Fujian, which is not a foreign transit.
  '2025-09-12': { dropShipType: 'aircraft carrier' },
  // Same two ships (USS Higgins, HMS Richmond) as the 2025-09-12 row: one transit, entered twice.
  '2025-09-13': { drop: 'duplicate of the 2025-09-12 transit (same two ships)' },
};

export function translateShipTypes(raw: string, unknown: (word: string) => void = () => {}): string[] {
  const out: string[] = [];
  for (const part of raw
    .split(/[、,，]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const hit = SHIP_TYPES.find(([zh]) => part === zh) ?? SHIP_TYPES.find(([zh]) => part.includes(zh));
    if (!hit) {
      unknown(part);
      continue;
    }
    if (!out.includes(hit[1])) out.push(hit[1]);
  }
  return out;
}

const HULL_RE = /\b(CG|DDG|DD|FFG|FFH|FF|LCS|SSN|WMSL|T-AGS)[ -]?(\d{1,3})\b/g;

export function hullNumbers(field: string, description: string): string[] {
  const out: string[] = [];
  const add = (prefix: string, num: string) => {
    const h = `${prefix}-${num}`;
    if (!out.includes(h)) out.push(h);
  };
  for (const m of field.matchAll(HULL_RE)) add(m[1], m[2]);
  if (out.length === 0) for (const m of description.matchAll(HULL_RE)) add(m[1], m[2]);
  return out;
}

export function countriesIn(description: string): string[] {
  const found = COUNTRY_MARKERS.filter(([re]) => re.test(description)).map(([, c]) => c);
  return [...new Set(found)].sort((a, b) => COUNTRY_ORDER.indexOf(a) - COUNTRY_ORDER.indexOf(b));
}

export function normaliseTransit(raw: RawTransit, unknownShipType: (word: string) => void = () => {}): TransitResult {
  const date = normaliseDate(raw.Date);
  const desc = raw.Ships ?? '';
  const compilerCountry = (raw.Country ?? '').trim();
  if (compilerCountry === 'CN' || compilerCountry === 'Other') {
    return {
      kind: 'excluded',
      date,
      reason: `PLA activity, not a foreign transit (compiler country ${compilerCountry})`,
    };
  }
  if (desc.includes('巴士海峽') && !/台灣海峽|臺灣海峽|台海/.test(desc)) {
    return { kind: 'excluded', date, reason: 'Bashi Channel passage, not a Taiwan Strait transit' };
  }
  if (desc.includes('軍機') && !(raw.Ship_Type ?? '').trim()) {
    return { kind: 'excluded', date, reason: 'aircraft flight, not a warship transit' };
  }
  const override = TRANSIT_OVERRIDES[date];
  if (override?.drop) return { kind: 'excluded', date, reason: override.drop };

  let countries = countriesIn(desc);
  if (countries.length === 0) {
    const c = COMPILER_COUNTRY[compilerCountry];
    countries = c ? [c] : [];
  }
  const country = countries.length > 1 ? 'multi' : (countries[0] ?? '');
  let shipTypes = translateShipTypes(raw.Ship_Type ?? '', unknownShipType);
  if (override?.dropShipType) shipTypes = shipTypes.filter((t) => t !== override.dropShipType);
  const precision = (raw.Date_Precision ?? '').trim() === 'exact' ? 'exact' : 'approximate';
  return {
    kind: 'transit',
    compilerCountry,
    countries,
    transit: {
      date,
      country,
      hull_number: hullNumbers(raw.Hull_Number ?? '', desc).join(';'),
      ship_type: shipTypes.join(';'),
      date_precision: precision,
    },
  };
}
