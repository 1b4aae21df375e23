// The live alert path: an accepted observation → re-assess the theatre → one alerting cycle → commit → kick delivery, in milliseconds.
import { createAssessor, type Assessor } from '../analysis/assessor.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { assessAt, packLookbackDays, packSeries } from '../app/assess-at.js';
import { loadCoverage } from '../app/load-coverage.js';
import type { Assessment, Observation } from '../model/index.js';
import { packNames } from '../packs/pack-languages.js';
import type { Pack } from '../packs/pack-schema.js';
import type { SeriesSummary, Store } from '../storage/store.js';
import { getZone, type DayNumber } from '../time/zone.js';
import type { AlertStore } from './alert-store.js';
import type { AlertingConfig } from './alerting-config.js';
import { createAssessmentWindow } from './assessment-window.js';
import { runAlertingCycle, type CycleResult } from './alerting-pipeline.js';
import type { OutboxDispatcher } from './outbox-dispatcher.js';

export interface AlertingEngineOptions {
  store: Store;
  alertStore: AlertStore;
  pack: Pack;
  config: AlertingConfig;
  dispatcher?: OutboxDispatcher;
  clock: () => Date;
  onCycle?: (result: CycleResult, assessment: Assessment) => void;
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
  const seriesList = packSeries(pack);
  const watched = new Set(seriesList);
  let series: Map<string, SeriesSummary> | undefined;
  let previous: { day: DayNumber; assessment: Assessment } | undefined;
  /**
   * What the day's assessment reads, loaded once per day (and on each tick, for writes by other processes), then kept
   * current with what this process is told was accepted, so a re-assessment does not query the store: the index grows
   * by the accepted observations (revisions published today collapse to the latest per claim, see
   * PointInTimeIndex.add), and the assessor keeps its memo of the days before today, which an observation published
   * today cannot change. A cycle after an ingest of today's news evaluates today's indicators that read the series it
   * brought, and nothing else.
   */
  let live: { day: DayNumber; index: PointInTimeIndex; assessor: Assessor } | undefined;
  /** Accepted while the window was being (re)loaded: the query may have run before they were stored. */
  let acceptedDuringLoad: Observation[] | null = null;

  async function load(day: DayNumber): Promise<void> {
    const from = new Date(zone.startOfDay(day - packLookbackDays(pack))).toISOString();
    acceptedDuringLoad = [];
    try {
      const loaded = await store.queryObservations({ series: seriesList, from, allRevisions: true });
      // Coverage (declared + learned from collector health) is read with the window: once a day and on refreshes.
      const coverage = await loadCoverage(store, pack);
      const window = createAssessmentWindow(zone, day, [...loaded, ...acceptedDuringLoad]);
      const index = new PointInTimeIndex(window.observations(), zone);
      live = { day, index, assessor: createAssessor(pack, index, coverage) };
    } finally {
      acceptedDuringLoad = null;
    }
  }

  /** Adds what this process stored to the live index, and forgets what it may change. */
  function extend(observations: readonly Observation[]): void {
    if (!live) return;
    const collapse = { fromMs: zone.startOfDay(live.day), toMs: zone.endOfDay(live.day) };
    live.index.add(observations, collapse);
    live.assessor.forgetFrom(
      observations.reduce((d, o) => Math.min(d, zone.dayOf(Date.parse(o.publishedAt))), Number.POSITIVE_INFINITY),
      observations.map((o) => o.series),
    );
  }

  async function cycle(refreshSeries: boolean): Promise<CycleResult> {
    const now = clock();
    const nowIso = now.toISOString();
    const day = zone.dayOf(now.getTime());
    if (refreshSeries || live?.day !== day) await load(day);
    const assessment = live!.assessor.assess(day);
    if (previous?.day !== day - 1) previous = { day: day - 1, assessment: await assessAt(store, pack, day - 1) };
    if (refreshSeries || series === undefined)
      series = new Map((await store.listSeries({ asOf: nowIso })).map((s) => [s.series, s]));
    const input = {
      theatre: pack.id,
      names,
      assessment,
      previous: previous.assessment,
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
      const today = zone.dayOf(clock().getTime());
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
        // The previous day's assessment is as known at its end: only a back-dated publication can change it.
        if (zone.dayOf(Date.parse(o.publishedAt)) < today) previous = undefined;
      }
      const relevant = observations.filter((o) => watched.has(o.series));
      if (relevant.length === 0) return Promise.resolve(undefined);
      extend(relevant);
      acceptedDuringLoad?.push(...relevant);
      return schedule(false);
    },
    async tick() {
      const result = await schedule(true);
      options.dispatcher?.kick();
      return result;
    },
  };
}
