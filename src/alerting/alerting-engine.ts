// The live alert path: an accepted observation → re-assess the theatre → one alerting cycle → commit → kick delivery, in milliseconds.
import { packSeries } from '../app/assess-at.js';
import type { Assessment, Observation } from '../model/index.js';
import { packNames } from '../packs/pack-languages.js';
import type { Pack } from '../packs/pack-schema.js';
import type { SeriesSummary, Store } from '../storage/store.js';
import { getZone, type DayNumber } from '../time/zone.js';
import type { AlertStore } from './alert-store.js';
import type { AlertingConfig } from './alerting-config.js';
import { runAlertingCycle, type CycleResult } from './alerting-pipeline.js';
import type { OutboxDispatcher } from './outbox-dispatcher.js';

export interface AlertingEngineOptions {
  store: Store;
  alertStore: AlertStore;
  pack: Pack;
  config: AlertingConfig;
  dispatcher?: OutboxDispatcher;
  clock: () => Date;
  /**
   * "As known at the end of day D" over every observation: the process's one service (`vigil.assessments.all()`), so
   * the assess role and the alert cycle after a commit share one re-assessment.
   */
  assessments: CycleAssessments;
  onCycle?: (result: CycleResult, assessment: Assessment) => void;
}

/**
 * What a cycle reads (app/assessment-service.ts provides it): an index over every stored revision kept current from the
 * rows stored since its last look, with its memo of the days a new row cannot change.
 */
export interface CycleAssessments {
  assess(day: DayNumber): Promise<Assessment>;
  /** The store gained rows: the next assess first reads them. */
  invalidate(): void;
}

export interface AlertingEngine {
  /**
   * Tell the engine what the store just accepted. Resolves once a cycle that saw it has committed (and delivery has
   * been started). Calls that arrive while a cycle runs share the next one, so a burst costs one re-assessment.
   */
  observationsAccepted(observations: readonly Observation[]): Promise<CycleResult | undefined>;
  /** Time-driven work: group wait and repeat timers, escalation, silent feeds, failing receivers, outbox retries. */
  tick(): Promise<CycleResult>;
}

export function createAlertingEngine(options: AlertingEngineOptions): AlertingEngine {
  const { store, alertStore, pack, config, clock } = options;
  const zone = getZone(pack.timeZone);
  const names = packNames(pack);
  const watched = new Set(packSeries(pack));
  let series: Map<string, SeriesSummary> | undefined;
  // Today and yesterday are both assessed through it: yesterday's is memoised until a back-dated publication.
  const { assessments } = options;

  async function cycle(refreshSeries: boolean): Promise<CycleResult> {
    const now = clock();
    const nowIso = now.toISOString();
    const day = zone.dayOf(now.getTime());
    // A tick also looks for what other processes stored; after an ingest through this process the look is already due.
    if (refreshSeries) assessments.invalidate();
    const assessment = await assessments.assess(day);
    const previous = await assessments.assess(day - 1);
    if (refreshSeries || series === undefined)
      series = new Map((await store.listSeries({ asOf: nowIso })).map((s) => [s.series, s]));
    const input = {
      theatre: pack.id,
      names,
      assessment,
      previous,
      series: [...series.values()],
      receivers: await alertStore.receiverHealth(),
    };
    const result = runAlertingCycle(config, await alertStore.loadSnapshot(nowIso), input, nowIso);
    await alertStore.commitCycle({ ...result, meta: { lastCycleAt: nowIso, lastAssessedDay: assessment.day } });
    if (result.notifications.length > 0) options.dispatcher?.kick();
    options.onCycle?.(result, assessment);
    return result;
  }

  // Each cycle first yields to the event loop, so a burst of accepted observations never starves I/O in the same
  // process (deliveries, an HTTP server): cycles are otherwise chains of promise callbacks that run back to back.
  const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
  let chain: Promise<unknown> = Promise.resolve();
  let waiting: { refresh: boolean; promise: Promise<CycleResult> } | null = null;
  function schedule(refresh: boolean): Promise<CycleResult> {
    if (waiting) {
      waiting.refresh ||= refresh;
      return waiting.promise;
    }
    const slot = { refresh, promise: undefined as unknown as Promise<CycleResult> };
    slot.promise = chain.then(yieldToEventLoop).then(() => {
      waiting = null;
      return cycle(slot.refresh);
    });
    chain = slot.promise.catch(() => undefined);
    waiting = slot;
    return slot.promise;
  }

  return {
    observationsAccepted(observations) {
      for (const o of observations) {
        // Keep the source-health view current without another query: a publication ends a silence.
        const s = series?.get(o.series);
        if (series && (!s || s.lastPublishedAt < o.publishedAt)) {
          series.set(o.series, {
            series: o.series,
            count: (s?.count ?? 0) + 1,
            firstPeriodStart: s?.firstPeriodStart ?? o.periodStart,
            lastPeriodEnd: s?.lastPeriodEnd ?? o.periodStart,
            lastPublishedAt: o.publishedAt,
            sources: s?.sources ?? [],
          });
        }
      }
      if (!observations.some((o) => watched.has(o.series))) return Promise.resolve(undefined);
      // The next cycle's look at the store reads the rows stored since the last one: these among them.
      assessments.invalidate();
      return schedule(false);
    },
    async tick() {
      const result = await schedule(true);
      options.dispatcher?.kick();
      return result;
    },
  };
}
