import { describe, expect, it } from 'vitest';
import type { SeriesSummary } from '../storage/store.js';
import { sourceStatuses } from './source-status.js';

const summary = (series: string, lastPublishedAt: string, sources = ['mnd'], count = 10): SeriesSummary => ({
  series,
  count,
  firstPeriodStart: '2030-01-01T00:00:00.000Z',
  lastPeriodEnd: lastPublishedAt,
  lastPublishedAt,
  sources,
});
const NOW = Date.parse('2030-04-10T00:00:00.000Z');

describe('sourceStatuses', () => {
  const statuses = sourceStatuses(
    [
      summary('mnd.aircraft.total', '2030-04-09T01:00:00.000Z'),
      summary('mnd.ships.plan', '2030-04-09T01:00:00.000Z', ['mnd'], 5),
      summary('jso.carrier.liaoning', '2030-03-01T10:00:00.000Z', ['jso']),
      summary('political.trigger.speech', '2029-01-01T00:00:00.000Z', ['triggers']),
      summary('analyst.amphibious-loading', '2030-04-08T00:00:00.000Z', ['analyst:alice'], 1),
      summary('mnd.ships.official', '2030-04-09T01:00:00.000Z', ['analyst:bob', 'mnd'], 3),
      summary('acme.widgets', '2030-04-09T00:00:00.000Z', ['acme'], 2),
    ],
    NOW,
  );
  const byId = new Map(statuses.map((s) => [s.id, s]));

  it('is ok within the cadence, stale beyond it, never without observations', () => {
    expect(byId.get('mnd')).toMatchObject({
      state: 'ok',
      ageDays: 1,
      observations: 18,
      lastPublishedAt: '2030-04-09T01:00:00.000Z',
    });
    expect(byId.get('jso')).toMatchObject({ state: 'stale', cadenceDays: 14 });
    expect(byId.get('msa')).toMatchObject({ state: 'never', observations: 0, series: [] });
  });

  it('never calls an event source stale', () => {
    expect(byId.get('triggers')).toMatchObject({ state: 'ok', ageDays: 464 });
    expect(byId.get('triggers')!.cadenceDays).toBeUndefined();
  });

  it('counts analyst entries on any series for the analyst source, and lists uncatalogued sources last', () => {
    expect(byId.get('analyst')!.series.map((s) => s.series)).toEqual([
      'analyst.amphibious-loading',
      'mnd.ships.official',
    ]);
    expect(statuses.at(-1)).toMatchObject({ id: 'acme', name: '(not catalogued) acme', state: 'ok', observations: 2 });
  });
});
