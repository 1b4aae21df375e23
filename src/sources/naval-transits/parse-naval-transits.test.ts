import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ObservationInput } from '../../model/index.js';
import { readCsvTable } from '../csv-table.js';
import { runSourceParserContract } from '../source-parser-contract/source-parser.contract.js';
import { parseTransits } from '../transits/parse-transits.js';
import { normaliseTransit } from './normalise-transit.js';
import { parseNavalTransits } from './parse-naval-transits.js';

const RAW = new URL('../../../test/fixtures/sources/naval-transits/strait-transits-raw.csv', import.meta.url);
const DERIVED = new URL('../../../test/fixtures/sources/naval-transits/strait-transits-derived.csv', import.meta.url);
const raw = readFileSync(RAW, 'utf8');
const derived = readFileSync(DERIVED, 'utf8');
const HEADER =
  'Date,Year,Ships,Country,Sorties_D0,Sorties_Total_5d,Sorties_Prev_5d,Increase,Unnamed: 8,Ship_Type,Hull_Number,Mission_Note,Date_Precision,Date_Note,Source,Country_Confidence,';
/** A raw row from its facts; the PLA-sorties and note columns are left empty. */
const row = (
  date: string,
  ships: string,
  country: string,
  shipType: string,
  hull: string,
  precision: string,
  url = '',
) =>
  [date, date.slice(0, 4), ships, country, '', '', '', '', '', shipType, hull, '', precision, '', '', '', url].join(
    ',',
  );
const US_ROW = row('2030/4/1', '美軍驅逐艦（USS Example DDG-190）航經台灣海峽', 'US', '驅逐艦', 'DDG-190', 'exact');
const withoutSourceRef = ({ sourceRef: _ref, ...rest }: ObservationInput) => rest;

function messageOf(text: string): string {
  try {
    parseNavalTransits(text, { file: 'bad.csv' });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a parse error');
}

describe('parseNavalTransits', () => {
  const observations = parseNavalTransits(raw, { file: 'strait-transits-raw.csv' });

  it('writes one naval.transit.foreign event per foreign transit, leaving out the PLA row and the aircraft flight', () => {
    expect(observations.map((o) => [o.periodEnd.slice(0, 10), o.attributes])).toEqual([
      ['2030-01-09', { country: 'US', datePrecision: 'exact', hullNumber: 'DDG-190', shipType: 'destroyer' }],
      ['2030-01-09', { country: 'Canada', datePrecision: 'approximate', hullNumber: 'FFH-399', shipType: 'frigate' }],
      [
        '2030-02-20',
        { country: 'multi', datePrecision: 'approximate', hullNumber: 'DDG-191', shipType: 'destroyer;frigate' },
      ],
      ['2030-03-18', { country: 'Japan', datePrecision: 'exact', shipType: 'frigate' }],
    ]);
  });

  it('takes a URL from the unnamed last column or from Unnamed: 8 as sourceRef', () => {
    expect(observations.map((o) => o.sourceRef)).toEqual([
      undefined,
      'https://example.org/news/2030-01-10-strait',
      'https://example.org/news/2030-02-21-joint-transit',
      undefined,
    ]);
    expect(
      parseNavalTransits(`${HEADER}\n${row('2030/4/1', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'exact', 'see news')}\n`, {
        file: 'x.csv',
      })[0].sourceRef,
    ).toBeUndefined();
  });

  it('gives the same observations as the transits kind on the derived file, but for sourceRef', () => {
    expect(observations.map(withoutSourceRef)).toStrictEqual(
      parseTransits(derived, { file: 'strait-transits-derived.csv' }),
    );
  });

  it('has a derived fixture that is what the derive script writes from the raw fixture', () => {
    const table = readCsvTable(raw.replace(/,\r\n/, ',URL\r\n'), 'raw');
    const transits = table.rows.flatMap((r) => {
      const result = normaliseTransit({
        Date: r.get('Date'),
        Ships: r.get('Ships'),
        Country: r.get('Country'),
        Ship_Type: r.get('Ship_Type'),
        Hull_Number: r.get('Hull_Number'),
        Date_Precision: r.get('Date_Precision'),
      });
      return result.kind === 'transit' ? [Object.values(result.transit).join(',')] : [];
    });
    expect(['date,country,hull_number,ship_type,date_precision', ...transits, ''].join('\n')).toBe(derived);
  });

  it('is deterministic and reads a header without the unnamed last column too', () => {
    expect(parseNavalTransits(raw, { file: 'strait-transits-raw.csv' })).toStrictEqual(observations);
    const short = parseNavalTransits(`${HEADER.slice(0, -1)}\n${US_ROW.slice(0, -1)}\n`, { file: 'x.csv' });
    expect(short.map((o) => o.attributes)).toEqual([
      { country: 'US', datePrecision: 'exact', hullNumber: 'DDG-190', shipType: 'destroyer' },
    ]);
  });

  it.each([
    ['a missing column', HEADER.replace('Hull_Number,', ''), 'bad.csv:1: Hull_Number: required column is missing'],
    [
      'an unknown column',
      HEADER.replace('Source,', 'Notes,'),
      'bad.csv:1: Notes: unknown column; expected Date, Year, Ships, Country, Sorties_D0, Sorties_Total_5d, Sorties_Prev_5d, Increase, Unnamed: 8, Ship_Type, Hull_Number, Mission_Note, Date_Precision, Date_Note, Source, Country_Confidence, (unnamed last column)',
    ],
    [
      'an empty date',
      `${HEADER}\n${US_ROW}\n${row('', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'exact')}`,
      'bad.csv:3: Date: is required',
    ],
    [
      'a malformed date',
      `${HEADER}\n${row('16/1/2030', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'exact')}`,
      'bad.csv:2: Date: must be a date YYYY/M/D, got "16/1/2030"',
    ],
    [
      'an impossible date',
      `${HEADER}\n${row('2030/2/30', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'exact')}`,
      'bad.csv:2: Date: is not a real calendar date, got "2030/2/30"',
    ],
    [
      'a bad date on a PLA row',
      `${HEADER}\n${row('2030/13/1', '共艦7艘', 'CN', '', '', '')}`,
      'bad.csv:2: Date: is not a real calendar date, got "2030/13/1"',
    ],
    [
      'an unknown precision',
      `${HEADER}\n${row('2030/4/1', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'week')}`,
      'bad.csv:2: Date_Precision: must be one of exact, approximate, range, got "week"',
    ],
    [
      'an unknown precision on a PLA row',
      `${HEADER}\n${row('2030/4/1', '共艦7艘', 'CN', '', '', 'week')}`,
      'bad.csv:2: Date_Precision: must be one of exact, approximate, range, got "week"',
    ],
    [
      'a transit without precision',
      `${HEADER}\n${row('2030/4/1', '美軍驅逐艦通過', 'US', '驅逐艦', '', '')}`,
      'bad.csv:2: Date_Precision: is required',
    ],
    [
      'an unknown ship class',
      `${HEADER}\n${row('2030/4/1', '美軍驅逐艦通過', 'US', '驅逐艦、神秘艦', '', 'exact')}`,
      'bad.csv:2: Ship_Type: has no English ship class for "神秘艦"',
    ],
    [
      'no navy at all',
      `${HEADER}\n${row('2030/4/1', '軍艦通過', 'Atlantis', '驅逐艦', '', 'exact')}`,
      'bad.csv:2: Country: is not a navy Vigil recognises, got "Atlantis", and Ships names none',
    ],
    [
      'the same transit twice',
      `${HEADER}\n${US_ROW}\n${US_ROW.replace('exact', 'range')}`,
      'bad.csv:3: (row): duplicates line 2',
    ],
    [
      'a row with a cell too few',
      `${HEADER}\n${US_ROW.slice(0, -1)}`,
      'bad.csv:2: (row): has 16 cells but the header has 17',
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(messageOf(text)).toBe(message);
  });
});

const SHARED = new URL('../../../../shared/data/pla-data-dashboard/naval_transits.csv', import.meta.url);
const BUNDLED = new URL('../../../data/taiwan-strait/transits.csv', import.meta.url);

// The real file has no licence, so it is not in the repository; when ../shared is present, check it against the
// bundled transits.csv derived from it.
describe.skipIf(!existsSync(SHARED))(
  'parseNavalTransits on the shared naval_transits.csv (skipped: ../shared/data not present)',
  () => {
    it('gives the 59 transits of data/taiwan-strait/transits.csv', () => {
      const key = (o: ObservationInput) => JSON.stringify(withoutSourceRef(o));
      const fromRaw = parseNavalTransits(readFileSync(SHARED, 'utf8'), { file: 'naval_transits.csv' }).map(key).sort();
      const fromBundled = parseTransits(readFileSync(BUNDLED, 'utf8'), { file: 'transits.csv' }).map(key).sort();
      expect(fromRaw).toHaveLength(59);
      expect(fromRaw).toEqual(fromBundled);
    });
  },
);

runSourceParserContract('naval-transits', {
  fixtures: [RAW],
  extension: '.csv',
  badInputs: [
    {
      name: 'a bad date on line 3',
      text: `${HEADER}\n${US_ROW}\n${row('2030/4/31', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'exact')}\n`,
    },
    {
      name: 'a bad precision on line 3',
      text: `${HEADER}\n${US_ROW}\n${row('2030/4/2', '美軍驅逐艦通過', 'US', '驅逐艦', '', 'day')}\n`,
    },
    { name: 'a missing column', text: `${HEADER.replace('Date_Precision,', '')}\n` },
  ],
});
