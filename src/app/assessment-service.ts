// The server's view of the analysis: one point-in-time index over every stored revision and a memoising assessor,
// extended with what the store gains, so any day's assessment, a range, or an indicator's series costs milliseconds.
import { createAssessor, type Assessor } from '../analysis/assessor.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import type { Coverage } from '../analysis/coverage.js';
import { packSeries, resolveDayInSpan, type DataSpan } from './assess-at.js';
import { loadCoverage } from './load-coverage.js';
import { listCollectorHealth } from '../collectors/collector-health.js';
import { vigilError } from '../errors/index.js';
import type { Assessment, Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store, StoredObservation } from '../storage/store.js';
import { formatDay, getZone, type DayNumber } from '../time/zone.js';

export type { DataSpan };

export interface AssessmentService {
  /** The data span, or undefined when the store holds nothing for the pack. */
  span(): Promise<DataSpan | undefined>;
  /** `at` (YYYY-MM-DD) checked against the data and the clock; omitted: the latest data day. */
  resolveDay(at: string | undefined, what?: string): Promise<DayNumber>;
  /** The assessment as known at the end of `day` (the same result as assessAt on the store). */
  assess(day: DayNumber): Promise<Assessment>;
  /** One assessment per day of [from, to], each as known at the end of its own day. */
  range(from: DayNumber, to: DayNumber): Promise<Assessment[]>;
  /** The store changed: the next call first adds the rows stored since the last look. */
  invalidate(): void;
  /** Bumped on every rebuild; lets callers tell whether the latest assessment may have changed. */
  version(): number;
}

export interface AssessmentServiceOptions {
  now: () => Date;
  /** Assess only on observations marked at most this TLP (a user's ceiling); omitted: every observation. */
  tlpMax?: Tlp;
  /** How often the store is asked whether it changed behind the server's back (another process ingested); default 2 s. */
  freshnessMs?: number;
}

interface Built {
  index: PointInTimeIndex;
  /** The coverage the assessor was given, and the collector health it was learned from (a few settings). */
  coverage: Coverage;
  health: string;
  assessor: Assessor;
  span: DataSpan | undefined;
  /** Highest store seq indexed: the next look asks only for rows stored after it. */
  seq: number;
}

export const MAX_RANGE_DAYS = 3700;

/**
 * Built once from the store; after that, each look at the store (every `freshnessMs`, or at once after
 * `invalidate()`) reads only the rows stored since the last one (stored observations are never changed or removed,
 * and seq is commit order) and adds them to the index: after an ingest the work is proportional to what was stored,
 * not to the store. The assessor keeps its memo for the days before the earliest publication among the new rows (those
 * days are as known at their own end) and works out the rest again on the next read.
 */
export function createAssessmentService(
  store: Store,
  pack: Pack,
  options: AssessmentServiceOptions,
): AssessmentService {
  const zone = getZone(pack.timeZone);
  const series = packSeries(pack);
  const freshnessMs = options.freshnessMs ?? 2000;
  let built: Promise<Built> | undefined;
  let checkedAt = 0;
  let checking: Promise<void> | undefined;
  let stale = false;
  let version = 0;

  const widen = (span: DataSpan | undefined, rows: readonly StoredObservation[]): DataSpan | undefined => {
    let out = span;
    for (const o of rows) {
      const first = zone.dayOf(Date.parse(o.periodStart));
      const latest = zone.dayOf(Date.parse(o.publishedAt));
      out =
        out === undefined
          ? { first, latest }
          : { first: Math.min(out.first, first), latest: Math.max(out.latest, latest) };
    }
    return out;
  };
  const maxSeq = (rows: readonly StoredObservation[], from: number) => rows.reduce((m, o) => Math.max(m, o.seq), from);

  const build = async (): Promise<Built> => {
    checkedAt = options.now().getTime();
    stale = false;
    const observations = await store.queryObservations({ series, allRevisions: true, tlpMax: options.tlpMax });
    version += 1;
    const index = new PointInTimeIndex(observations, zone);
    const health = await healthKey();
    const coverage = await loadCoverage(store, pack);
    return {
      index,
      coverage,
      health,
      assessor: createAssessor(pack, index, coverage),
      span: widen(undefined, observations),
      seq: maxSeq(observations, 0),
    };
  };

  const rebuild = (): Promise<Built> => {
    const next = build();
    built = next;
    next.catch(() => {
      if (built === next) built = undefined;
    });
    return next;
  };

  /** Learned coverage changes with each collector success: part of what the assessments rest on. */
  const healthKey = async (): Promise<string> =>
    (await listCollectorHealth(store))
      .map((h) => `${h.id}|${h.firstSuccessAt ?? ''}|${h.lastSuccessAt ?? ''}`)
      .join('\n');

  /** Adds what was stored since the last look (by this process or any other), and follows coverage changes. */
  const catchUp = async (state: Built): Promise<void> => {
    const rows = await store.queryObservations({
      series,
      allRevisions: true,
      tlpMax: options.tlpMax,
      afterSeq: state.seq,
    });
    const health = await healthKey();
    if (rows.length === 0 && health === state.health) return;
    // Read only at day ends: revisions of a claim published on one day collapse to the day's last.
    state.index.add(rows, 'publication-day');
    if (health !== state.health) {
      // Coverage is part of every day's assessment: start a fresh memo.
      state.coverage = await loadCoverage(store, pack);
      state.health = health;
      state.assessor = createAssessor(pack, state.index, state.coverage);
    } else if (rows.length > 0) {
      // Only the days from the earliest publication among the new rows can read them (each day is as known at its end).
      const from = rows.reduce((d, o) => Math.min(d, zone.dayOf(Date.parse(o.publishedAt))), Infinity);
      state.assessor.forgetFrom(
        from,
        rows.map((o) => o.series),
      );
    }
    state.span = widen(state.span, rows);
    state.seq = maxSeq(rows, state.seq);
    version += 1;
  };

  /**
   * The index as of at least the last `invalidate()`: a look already under way may have started before the write that
   * invalidated, so after waiting for it the staleness is judged again (a caller told of a commit always sees it).
   */
  const current = async (): Promise<Built> => {
    if (!built) return rebuild();
    for (;;) {
      const nowMs = options.now().getTime();
      if (!stale && nowMs - checkedAt < freshnessMs) return built;
      if (checking) {
        await checking;
        continue;
      }
      checking = (async () => {
        try {
          checkedAt = nowMs;
          stale = false;
          await catchUp(await built!);
        } finally {
          checking = undefined;
        }
      })();
      await checking;
      return built;
    }
  };

  const service: AssessmentService = {
    async span() {
      return (await current()).span;
    },
    async resolveDay(at, what = 'at') {
      return resolveDayInSpan(await service.span(), pack, at, options.now().getTime(), what);
    },
    async assess(day) {
      return (await current()).assessor.assess(day);
    },
    async range(from, to) {
      if (to < from)
        throw vigilError('VIGIL_INPUT_INVALID', `range: to (${formatDay(to)}) is before from (${formatDay(from)})`);
      if (to - from + 1 > MAX_RANGE_DAYS)
        throw vigilError('VIGIL_INPUT_INVALID', `range: at most ${MAX_RANGE_DAYS} days at once`);
      const { assessor } = await current();
      const out: Assessment[] = [];
      for (let d = from; d <= to; d++) out.push(assessor.assess(d));
      return out;
    },
    invalidate() {
      stale = true;
    },
    version: () => version,
  };
  return service;
}
