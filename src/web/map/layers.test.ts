import { describe, expect, it } from 'vitest';
import type { ObservationView } from '../api-types.js';
import { closureNotices, closureStatus, straitPassages, straitStatus } from './layers.js';
import { straitOf } from './places.js';

let seq = 0;
const obs = (over: Partial<ObservationView>): ObservationView => ({
  id: `o${++seq}`,
  seq,
  series: 'x',
  value: 1,
  unit: 'events',
  periodStart: '2030-03-01T16:00:00.000Z',
  periodEnd: '2030-03-02T16:00:00.000Z',
  publishedAt: '2030-03-01T02:00:00.000Z',
  ingestedAt: '2030-03-01T02:00:00.000Z',
  source: 'msa',
  reliability: 'A',
  credibility: 2,
  tlp: 'clear',
  ...over,
});

const closure = obs({
  series: 'msa.closure',
  subject: '闽航警901/30',
  text: '实弹射击—闽航警901/30',
  sourceRef: 'https://example.org/msa/article/901',
  geometry: { type: 'Polygon', coordinates: [] },
  attributes: { warningId: '闽航警901/30', bureau: '福建海事局', period: '03/02 0800 至 03/03 1800', notice: '全文' },
});

describe('MSA closure layer', () => {
  it('reads number, period, text and link from each closure (not the per-day counts)', () => {
    const notices = closureNotices([closure, obs({ series: 'msa.closure.near-taiwan', value: 1 })]);
    expect(notices).toEqual([
      {
        observationId: closure.id,
        number: '闽航警901/30',
        title: '实弹射击—闽航警901/30',
        bureau: '福建海事局',
        kind: undefined,
        periodStated: '03/02 0800 至 03/03 1800',
        periodStart: closure.periodStart,
        periodEnd: closure.periodEnd,
        text: '全文',
        link: 'https://example.org/msa/article/901',
        geometry: closure.geometry,
      },
    ]);
  });

  it.each([
    ['closures in force', [closure], { state: 'some', count: 1 }],
    [
      'only the day’s coverage row: none in force',
      [obs({ series: 'msa.closure.near-taiwan', value: 0 })],
      { state: 'none' },
    ],
    [
      'no MSA record at all: no coverage, never calm',
      [obs({ series: 'mnd.aircraft.total', source: 'mnd' })],
      { state: 'no-coverage' },
    ],
  ] as const)('%s', (_name, list, expected) => {
    expect(closureStatus(list, closureNotices(list))).toEqual(expected);
  });
});

describe('strait passages', () => {
  it.each([
    ['jso.transit.miyako', 'miyako'],
    ['jso.air-transit.yonaguni', 'yonaguni'],
    ['jso.transit-russia.tsushima', 'tsushima'],
    ['jso.miyako', 'miyako'],
    ['nansei.transit.yonaguni', 'yonaguni'],
    ['jso.transit.other', undefined],
    ['jso.carrier.miyako', undefined],
    ['mnd.miyako', undefined],
  ])('%s → %s', (series, strait) => {
    expect(straitOf(series)).toBe(strait);
  });

  const defs = [{ id: 'far-seas.transit', series: ['jso.transit.miyako', 'jso.miyako'] }];
  const miyako = obs({ series: 'jso.transit.miyako', source: 'jso' });
  const flagZero = obs({ series: 'jso.miyako', value: 0, source: 'jso' });

  it('groups the day’s passage reports by strait, leaving out zero flags', () => {
    expect(straitPassages([miyako, flagZero])).toEqual([{ strait: 'miyako', observations: [miyako] }]);
  });

  it.each([
    ['a passage', [miyako], 'absent', { state: 'some', count: 1 }],
    ['covered, none reported', [], 'absent', { state: 'none' }],
    ['every reader no-coverage', [], 'no-coverage', { state: 'no-coverage' }],
    ['every reader stale', [], 'stale', { state: 'stale' }],
  ] as const)('%s', (_name, list, state, expected) => {
    expect(straitStatus(defs, [{ id: 'far-seas.transit', state }], straitPassages(list))).toEqual(expected);
  });

  it('says when the pack reads no strait series at all', () => {
    expect(straitStatus([{ id: 'air.total', series: ['mnd.aircraft.total'] }], [], [])).toEqual({
      state: 'not-in-pack',
    });
  });
});
