// Provenance as the source gave it: assumed publication times said to be assumed, the grading as given, the link.
import { describe, expect, it } from 'vitest';
import type { ObservationView } from './api-types.js';
import { provenance } from './provenance.js';

const base: ObservationView = {
  id: 'x',
  seq: 1,
  series: 'mnd.aircraft.total',
  value: 153,
  unit: 'aircraft',
  periodStart: '2024-10-13T22:00:00.000Z',
  periodEnd: '2024-10-14T22:00:00.000Z',
  publishedAt: '2024-10-15T01:00:00.000Z',
  ingestedAt: '2026-09-01T00:00:00.000Z',
  source: 'mnd',
  reliability: 'A',
  credibility: 1,
  tlp: 'clear',
};
const TZ = 'Asia/Taipei';

describe('provenance', () => {
  const cases: [string, Partial<ObservationView>, ReturnType<typeof provenance>][] = [
    [
      'a compiled MND row published "on the day": 09:00 is assumed, A1 is the grading given for mnd via the compiler',
      {
        attributes: { compiler: 'mnd-crawler+madeye', dateBasis: 'publication' },
        sourceRef: 'https://www.mnd.gov.tw/news/plaactlist/1',
      },
      {
        published: { day: '2024-10-15', time: '09:00', assumed: true },
        grade: 'A1',
        source: 'mnd',
        compiler: 'mnd-crawler+madeye',
        link: 'https://www.mnd.gov.tw/news/plaactlist/1',
      },
    ],
    [
      'an evening release dated by day (23:59) is assumed too',
      { publishedAt: '2022-08-10T15:59:00.000Z', attributes: { compiler: 'g0v' } },
      { published: { day: '2022-08-10', time: '23:59', assumed: true }, grade: 'A1', source: 'mnd', compiler: 'g0v' },
    ],
    [
      'an activity-dated flag with no compiler but a date basis',
      {
        source: 'jso',
        publishedAt: '2025-01-01T15:59:00.000Z',
        attributes: { dateBasis: 'activity' },
        sourceRef: 'jso-flags.csv:12',
      },
      {
        published: { day: '2025-01-01', time: '23:59', assumed: true },
        grade: 'A1',
        source: 'jso',
        ref: 'jso-flags.csv:12',
      },
    ],
    [
      'a compiled row with a stated time of day keeps it as stated',
      { publishedAt: '2024-10-15T05:12:00.000Z', attributes: { compiler: 'madeye' } },
      {
        published: { day: '2024-10-15', time: '13:12', assumed: false },
        grade: 'A1',
        source: 'mnd',
        compiler: 'madeye',
      },
    ],
    [
      'an analyst note at 09:00 sharp is a stated time (no compilation, no date convention)',
      { source: 'analyst:ana', reliability: 'B', credibility: 2 },
      { published: { day: '2024-10-15', time: '09:00', assumed: false }, grade: 'B2', source: 'analyst:ana' },
    ],
  ];
  it.each(cases)('%s', (_name, patch, expected) => {
    expect(provenance({ ...base, ...patch }, TZ)).toEqual(expected);
  });
});
