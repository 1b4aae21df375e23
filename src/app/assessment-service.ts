// The server's view of the analysis: one point-in-time index over every stored revision and a memoising assessor,
// rebuilt when the store changes, so any day's assessment, a range, or an indicator's series costs milliseconds.
import { createAssessor, type Assessor } from '../analysis/assessor.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { packSeries, resolveDayInSpan, spanOf, type DataSpan } from './assess-at.js';
import { loadCoverage } from './load-coverage.js';
import { listCollectorHealth } from '../collectors/collector-health.js';
import { vigilError } from '../errors/index.js';
import type { Assessment, Tlp } from '../model/index.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';
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
  /** Forget the index: the next call rebuilds it from the store. */
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
  assessor: Assessor;
  span: DataSpan | undefined;
  fingerprint: string;
}

export const MAX_RANGE_DAYS = 3700;

export function createAssessmentService(store: Store, pack: LoadedPack, options: AssessmentServiceOptions): AssessmentService {
  const zone = getZone(pack.timeZone);
  const series = packSeries(pack);
  const wanted = new Set(series);
  const freshnessMs = options.freshnessMs ?? 2000;
  let built: Promise<Built> | undefined;
  let checkedAt = 0;
  let checking: Promise<void> | undefined;
  let version = 0;

  /** What listSeries says about the pack's series: changes whenever a claim or a revision is added. */
  const fingerprintOf = async (): Promise<{ fingerprint: string; span: DataSpan | undefined }> => {
    const summaries = (await store.listSeries({ tlpMax: options.tlpMax })).filter((s) => wanted.has(s.series));
    // Learned coverage changes with each collector success: part of what the assessments rest on.
    const health = (await listCollectorHealth(store)).map((h) => `${h.id}|${h.firstSuccessAt ?? ''}|${h.lastSuccessAt ?? ''}`);
    const fingerprint = [...summaries.map((s) => `${s.series}|${s.count}|${s.lastPublishedAt}|${s.lastPeriodEnd}`), ...health].join('\n');
    return { fingerprint, span: spanOf(summaries, pack) };
  };

  const build = async (): Promise<Built> => {
    const { fingerprint, span } = await fingerprintOf();
    const observations = await store.queryObservations({ series, allRevisions: true, tlpMax: options.tlpMax });
    version += 1;
    checkedAt = options.now().getTime();
    return { assessor: createAssessor(pack, new PointInTimeIndex(observations, zone), await loadCoverage(store, pack)), span, fingerprint };
  };

  const rebuild = (): Promise<Built> => {
    const next = build();
    built = next;
    next.catch(() => {
      if (built === next) built = undefined;
    });
    return next;
  };

  const current = async (): Promise<Built> => {
    if (!built) return rebuild();
    const nowMs = options.now().getTime();
    if (nowMs - checkedAt >= freshnessMs) {
      checkedAt = nowMs;
      checking ??= (async () => {
        try {
          const [state, { fingerprint }] = await Promise.all([built!, fingerprintOf()]);
          if (fingerprint !== state.fingerprint) void rebuild();
        } finally {
          checking = undefined;
        }
      })();
      await checking;
    }
    return built!;
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
      if (to < from) throw vigilError('VIGIL_INPUT_INVALID', `range: to (${formatDay(to)}) is before from (${formatDay(from)})`);
      if (to - from + 1 > MAX_RANGE_DAYS) throw vigilError('VIGIL_INPUT_INVALID', `range: at most ${MAX_RANGE_DAYS} days at once`);
      const { assessor } = await current();
      const out: Assessment[] = [];
      for (let d = from; d <= to; d++) out.push(assessor.assess(d));
      return out;
    },
    invalidate() {
      built = undefined;
    },
    version: () => version,
  };
  return service;
}
