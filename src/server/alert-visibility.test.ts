// Alerts are visible to a ceiling only while nothing stored is above it; found by one scan, then incrementally.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withId, type Tlp } from '../model/index.js';
import { openObservationStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { createAlertVisibility } from './alert-visibility.js';

const NOW = '2026-09-01T00:00:00.000Z';
const report = (tlp: Tlp, value: number, publishedAt = '2026-08-22T04:00:00.000Z') =>
  withId({
    series: 'mnd.aircraft.total',
    value,
    unit: 'aircraft',
    periodStart: '2026-08-20T22:00:00.000Z',
    periodEnd: '2026-08-21T22:00:00.000Z',
    publishedAt,
    source: `test:${tlp}`,
    reliability: 'B',
    credibility: 2,
    tlp,
  });

let store: Store;
beforeEach(async () => {
  store = openObservationStore(':memory:');
  await store.migrate();
});
afterEach(async () => store.close());

describe('alert visibility', () => {
  it('looks only at the series alerts are computed from, when told them', async () => {
    await store.putObservations(
      [report('clear', 3), withId({ ...report('red', 1), series: 'gdelt.events.chn-twn' })],
      NOW,
    );
    expect(
      await createAlertVisibility(store, { now: () => new Date(NOW), series: ['mnd.aircraft.total'] }).visibleTo(
        'clear',
      ),
    ).toBe(true);
    expect(await createAlertVisibility(store, { now: () => new Date(NOW) }).visibleTo('clear')).toBe(false);
  });

  it('sees an AMBER revision of a claim that also has a CLEAR one (listSeries counts the claim once either way)', async () => {
    await store.putObservations([report('clear', 3, '2026-08-22T02:00:00.000Z')], NOW);
    const visibility = createAlertVisibility(store, { now: () => new Date(NOW) });
    expect(await visibility.visibleTo('clear')).toBe(true);
    await store.putObservations([report('amber', 150)], NOW);
    expect((await store.listSeries({ tlpMax: 'clear' }))[0].count).toBe((await store.listSeries())[0].count);
    visibility.invalidate();
    expect(await visibility.visibleTo('clear')).toBe(false);
    expect(await visibility.visibleTo('green')).toBe(false);
    expect(await visibility.visibleTo('amber')).toBe(true);
    expect(await visibility.visibleTo('red')).toBe(true);
  });

  it('reads only rows stored since its last look, at most every freshnessMs unless invalidated', async () => {
    let nowMs = Date.parse(NOW);
    const visibility = createAlertVisibility(store, { now: () => new Date(nowMs), freshnessMs: 2000 });
    const query = vi.spyOn(store, 'queryObservations');
    await store.putObservations([report('green', 3, '2026-08-22T01:00:00.000Z')], NOW);
    expect(await visibility.visibleTo('green')).toBe(true);
    expect(await visibility.visibleTo('clear')).toBe(false);
    expect(query).toHaveBeenCalledTimes(1);
    // Another process stores RED data: seen once the answer is 2 s old, by a query for rows after the last seen.
    await store.putObservations([report('red', 9, '2026-08-22T03:00:00.000Z')], NOW);
    expect(await visibility.visibleTo('amber')).toBe(true);
    nowMs += 2000;
    expect(await visibility.visibleTo('amber')).toBe(false);
    expect(query).toHaveBeenCalledTimes(2);
    expect(query.mock.calls[1][0]).toMatchObject({ allRevisions: true, afterSeq: expect.any(Number) });
    // RED stored: nothing can change the answer any more, so the store is not asked again.
    visibility.invalidate();
    expect(await visibility.visibleTo('amber+strict')).toBe(false);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('answers parallel questions with one scan', async () => {
    await store.putObservations([report('amber', 3)], NOW);
    const visibility = createAlertVisibility(store, { now: () => new Date(NOW) });
    const query = vi.spyOn(store, 'queryObservations');
    expect(
      await Promise.all([visibility.visibleTo('clear'), visibility.visibleTo('amber'), visibility.visibleTo('green')]),
    ).toEqual([false, true, false]);
    expect(query).toHaveBeenCalledTimes(1);
  });
});
