// The live engine: a burst of accepted observations shares cycles, and every cycle sees every observation accepted before it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dailyCounts, steady, testPack } from '../../test/support/analysis-fixtures.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { assessAt } from '../app/assess-at.js';
import type { Assessment } from '../model/index.js';
import { openObservationStore } from '../storage/open-store.js';
import { getZone, parseDay } from '../time/zone.js';
import type { Store } from '../storage/store.js';
import type { AlertStore } from './alert-store.js';
import { createAlertingEngine } from './alerting-engine.js';
import { createAssessmentService } from '../app/assessment-service.js';
import { alertingConfig } from './fixtures.contract.js';
import { openAlertStore } from './open-alert-store.js';

let store: Store;
let alertStore: AlertStore;
afterEach(async () => {
  await alertStore.close();
  await store.close();
});

describe('alerting engine', () => {
  it('coalesces a burst into few cycles, the last of which sees the latest revision', async () => {
    store = openObservationStore(':memory:');
    await store.migrate();
    await store.putObservations(
      [
        ...dailyCounts('test.aircraft', '2024-03-01', steady(60, 20, 3)),
        ...dailyCounts('test.ships', '2024-03-01', steady(60, 5, 1)),
      ],
      '2024-05-01T00:00:00.000Z',
    );
    alertStore = openAlertStore(':memory:');
    await alertStore.migrate();
    const clock = { now: Date.parse('2024-05-01T02:00:00.000Z') };
    let cycles = 0;
    let last: Assessment | undefined;
    const pack = testPack();
    const engine = createAlertingEngine({
      store,
      alertStore,
      pack,
      config: alertingConfig({ inhibit_rules: [] }),
      clock: () => new Date(clock.now),
      assessments: createAssessmentService(store, pack, { now: () => new Date(clock.now) }),
      onCycle: (_, a) => {
        cycles++;
        last = a;
      },
    });
    await engine.tick();
    expect(await alertStore.listAlerts({ status: ['firing'] })).toEqual([]);
    cycles = 0;
    // Ten revisions of the same day's ship count, alternating; the last one (30 ships) is high.
    const revisions = [4, 30, 5, 30, 6, 31, 5, 29, 4, 30]
      .map((value, i) => ({
        ...dailyCounts('test.ships', '2024-04-30', [value])[0],
        publishedAt: new Date(Date.parse('2024-05-01T01:00:00.000Z') + i * 1_000).toISOString(),
      }))
      .map((o) => ({ ...o, id: `rev-${o.publishedAt}` }));
    const done: Promise<unknown>[] = [];
    for (const r of revisions) {
      await store.putObservations([r], new Date(clock.now).toISOString());
      done.push(engine.observationsAccepted([r]));
    }
    await Promise.all(done);
    expect(cycles).toBeLessThanOrEqual(3);
    // The in-memory window gives exactly the assessment the store-backed path gives.
    expect(last).toEqual(await assessAt(store, pack, parseDay('2024-05-01')));
    const firing = await alertStore.listAlerts({ status: ['firing'] });
    expect(firing.map((a) => a.rule)).toEqual(['ShipsHigh']);
    expect(firing[0].explanation?.evidence[0].observationIds).toEqual([revisions.at(-1)!.id]);
    expect(await engine.observationsAccepted(dailyCounts('other.series', '2024-04-30', [1]))).toBeUndefined();
  });

  it('re-assesses only today, and only the indicators reading what arrived, and still matches assessing from the store', async () => {
    store = openObservationStore(':memory:');
    await store.migrate();
    await store.putObservations(
      [
        ...dailyCounts('test.aircraft', '2024-03-01', steady(60, 20, 3)),
        ...dailyCounts('test.ships', '2024-03-01', steady(60, 5, 1)),
      ],
      '2024-05-01T00:00:00.000Z',
    );
    alertStore = openAlertStore(':memory:');
    await alertStore.migrate();
    // Levels hold three days: every assessment reads the two days before it too.
    const pack = testPack({
      warning: {
        holdDays: 2,
        minDays: 3,
        critical: { enter: 0.5, exit: 0.3 },
        alert: { enter: 0.6, exit: 0.4 },
        warning: { enter: 0.2, exit: 0.1 },
      },
    });
    const zone = getZone(pack.timeZone);
    const now = Date.parse('2024-05-01T02:00:00.000Z');
    let last: Assessment | undefined;
    const engine = createAlertingEngine({
      store,
      alertStore,
      pack,
      config: alertingConfig({ inhibit_rules: [] }),
      clock: () => new Date(now),
      assessments: createAssessmentService(store, pack, { now: () => new Date(now) }),
      onCycle: (_, a) => void (last = a),
    });
    await engine.tick();
    const reads = vi.spyOn(PointInTimeIndex.prototype, 'daily');
    const queries = vi.spyOn(store, 'queryObservations');
    try {
      const news = { ...dailyCounts('test.ships', '2024-04-30', [30])[0], publishedAt: '2024-05-01T01:30:00.000Z' };
      const stored = { ...news, id: 'late-news' };
      await store.putObservations([stored], new Date(now).toISOString());
      await engine.observationsAccepted([stored]);
      // Every read was as known at the end of today: the earlier days' levels came from the memo.
      const asOf = new Set(reads.mock.calls.map((call) => call[1]));
      expect([...asOf]).toEqual([zone.endOfDay(zone.dayOf(now)) - 1]);
      // … and only the indicators reading the ship count were evaluated again: the others' evaluations were reused.
      expect(reads.mock.calls.every((call) => call[0].includes('test.ships'))).toBe(true);
      // One look at the store, for the rows stored since the last one: work proportional to what changed.
      expect(queries).toHaveBeenCalledTimes(1);
      expect(queries.mock.calls[0][0]?.afterSeq).toBeGreaterThan(0);
      expect(last).toEqual(await assessAt(store, pack, zone.dayOf(now)));
    } finally {
      reads.mockRestore();
      queries.mockRestore();
    }
  });
});
