// The one analysis entry point: assess(day) from a pack and a point-in-time index, used by the live path and the backtest alike.
// Model files imported one by one (not the index): the dashboard bundles this module for its what-if, without node:crypto.
import { LEVEL_NAMES, type Assessment, type IndicatorAssessment, type WarningLevel } from '../model/assessment.js';
import type { Pack } from '../packs/pack-schema.js';
import { formatDay, getZone, parseDay, type DayNumber } from '../time/zone.js';
import { coverageOf, type Coverage } from './coverage.js';
import { episodeUnderWay } from './episode-under-way.js';
import { combineEvidence } from './evidence-combination.js';
import { eventProbability } from './event-probability.js';
import {
  detectionKey,
  evaluateIndicator,
  forcedEvaluation,
  repriceEvaluation,
  type IndicatorEvaluation,
} from './indicator-evaluation.js';
import type { PointInTimeIndex } from './point-in-time-index.js';
import { coreOf, knowledgeState } from './knowledge-state.js';
import { episodeLogLr, posterior } from './posterior.js';
import { applyHysteresis, applyMinimumDwell, levelFor, type LevelInputs } from './warning-level.js';

export interface Assessor {
  /** Assessment as known at the end of the local day (everything published by then, nothing after). */
  assess(day: DayNumber): Assessment;
  /**
   * Observations published on `day` or later were added to the index: forget what was worked out for that day and
   * the days after it. Earlier days keep their memo, which stays exact: each is assessed as known at its own end,
   * before anything just added was published (and a day's levels read only the days before it). So re-assessing
   * today after an ingest of today's news evaluates today alone, not the days its hysteresis and dwell look back on.
   * With `series` (what was added), only the indicators that read one of them are evaluated again on those days; the
   * others' evaluations are reused, and the day's combination, posterior and level are worked out again from them.
   */
  forgetFrom(day: DayNumber, series?: readonly string[]): void;
}

interface DayEvidence {
  /** Built only for a day that is assessed: earlier days are read for their levels alone. */
  assessment: () => Omit<Assessment, 'level' | 'levelName' | 'rawLevel' | 'watch'>;
  inputs: Omit<LevelInputs, 'watch'>;
  /** Some indicator is in one of its watch states today. */
  watchSeen: boolean;
  /** Distinct evidence groups with an indicator in a watch state today. */
  watchGroups: number;
  /** An indicator whose watch states need no confirmation (`watchAtOnce`) is in one today. */
  watchAtOnce: boolean;
}

/** A what-if's states read on one day whatever the data say (indicator id → state); see what-if.ts. */
export interface ForcedStates {
  day: DayNumber;
  states: ReadonlyMap<string, string>;
}

export interface AssessorOptions {
  forced?: ForcedStates;
  /**
   * Readings shared by assessors over the same index and coverage (a what-if session): keyed by what decides a reading
   * (`detectionKey`) and the day, re-priced with each pack's ratios, so changing a ratio or a prior runs no detector.
   */
  readings?: Map<string, IndicatorEvaluation>;
}

interface DayLevels {
  watch: boolean;
  raw: WarningLevel;
  sustain: WarningLevel;
}

/**
 * Creates an assessor over one index and one coverage (where each series was being collected: declared by the pack's
 * files, learned from live collectors; both are data, passed in). Results per day are memoised, which is what makes a
 * backtest over years cheap: day D's hysteresis reads the raw levels of the days before it, each computed as known on
 * its own day.
 */
export function createAssessor(
  pack: Pack,
  index: PointInTimeIndex,
  coverage: Coverage,
  options: AssessorOptions = {},
): Assessor {
  const zone = getZone(pack.timeZone);
  const hypothesisIds = pack.hypotheses.filter((h) => !h.baseline).map((h) => h.id);
  const critical = pack.hypotheses.filter((h) => h.critical).map((h) => h.id);
  const breaks = new Map(Object.entries(pack.seriesBreaks).map(([s, dates]) => [s, dates.map((d) => parseDay(d))]));
  const indicatorBreaks = new Map(
    pack.indicators.map((ind) => [ind.id, ind.series.flatMap((s) => breaks.get(s) ?? []).sort((a, b) => a - b)]),
  );
  const indicatorCoverage = new Map(
    pack.indicators.map((ind) => [ind.id, coverageOf(coverage, ind.series, ind.staleAfterDays)]),
  );
  const readings = options.readings;
  const keys = readings
    ? new Map(pack.indicators.map((ind) => [ind.id, detectionKey(ind, indicatorBreaks.get(ind.id)!)]))
    : undefined;
  const read = (ind: Pack['indicators'][number], day: DayNumber, asOfMs: number): IndicatorEvaluation => {
    const fresh = () =>
      evaluateIndicator(ind, index, day, asOfMs, indicatorBreaks.get(ind.id)!, indicatorCoverage.get(ind.id)!);
    if (!readings || !keys) return fresh();
    const key = `${keys.get(ind.id)}|${day}`;
    const known = readings.get(key);
    if (known) return repriceEvaluation(known, ind);
    const e = fresh();
    readings.set(key, e);
    return e;
  };
  const core = coreOf(pack);
  const memo = new Map<DayNumber, DayEvidence>();
  /** Each indicator's evaluation per day: kept across forgetFrom for the indicators whose series did not change. */
  const evaluationMemo = new Map<DayNumber, Map<string, IndicatorEvaluation>>();
  const evaluate = (ind: Pack['indicators'][number], day: DayNumber, asOfMs: number): IndicatorEvaluation => {
    let byIndicator = evaluationMemo.get(day);
    if (!byIndicator) evaluationMemo.set(day, (byIndicator = new Map()));
    let e = byIndicator.get(ind.id);
    if (!e) {
      e = read(ind, day, asOfMs);
      byIndicator.set(ind.id, e);
    }
    return e;
  };
  const levelMemo = new Map<DayNumber, DayLevels>();
  const finalMemo = new Map<DayNumber, WarningLevel>();
  /**
   * Whole assessments, so a board's 90-day history or an alert cycle reads them rather than building each day's
   * records again (it was most of a dashboard read). Callers treat them as values and never change them.
   */
  const assessmentMemo = new Map<DayNumber, Assessment>();
  const { watch: watchRule, holdDays, minDays } = pack.warning;

  const evidence = (day: DayNumber): DayEvidence => {
    const cached = memo.get(day);
    if (cached) return cached;
    const asOfMs = zone.endOfDay(day) - 1;
    const forced = options.forced?.day === day ? options.forced.states : undefined;
    const evaluations = pack.indicators.map((ind) => {
      const state = forced?.get(ind.id);
      if (state !== undefined) return forcedEvaluation(ind, state, day);
      return evaluate(ind, day, asOfMs);
    });
    const contributions = combineEvidence(pack, evaluations, hypothesisIds);
    const probabilities = posterior(pack.hypotheses, contributions);
    let leadLogLr = 0;
    let concurrentLogLr = 0;
    const nets = evaluations.map((e) => {
      const net = episodeLogLr(pack.hypotheses, contributions.get(e.indicator.id)!);
      if (e.indicator.role === 'lead') leadLogLr += net;
      else concurrentLogLr += net;
      return net;
    });
    const pEvent = eventProbability(pack.eventModel, leadLogLr, concurrentLogLr);
    const pAny = 1 - pack.hypotheses.filter((h) => h.baseline).reduce((s, h) => s + probabilities.get(h.id)!, 0);
    const pCritical = critical.reduce((s, id) => s + probabilities.get(id)!, 0);
    const watching = evaluations.filter((e) => e.indicator.watchStates.includes(e.result.state));
    const assessment = (): ReturnType<DayEvidence['assessment']> => {
      const indicators = evaluations.map((e, i) =>
        toIndicatorAssessment(e, contributions.get(e.indicator.id)!, nets[i]),
      );
      return {
        packId: pack.id,
        asOf: new Date(zone.endOfDay(day)).toISOString(),
        day: formatDay(day),
        pEvent7d: pEvent,
        horizonDays: pack.horizonDays,
        hypotheses: pack.hypotheses.map((h) => ({
          id: h.id,
          name: h.name,
          prior: h.prior,
          probability: probabilities.get(h.id)!,
          baseline: h.baseline,
        })),
        indicators,
        leadLogLr,
        concurrentLogLr,
        knowledge: knowledgeState(core, indicators),
      };
    };
    const result: DayEvidence = {
      assessment,
      inputs: { pAny, pCritical, pEvent },
      watchSeen: watching.length > 0,
      watchGroups: new Set(watching.map((e) => e.indicator.group ?? e.indicator.id)).size,
      watchAtOnce: watching.some((e) => e.indicator.watchAtOnce),
    };
    memo.set(day, result);
    return result;
  };

  /** WATCH needs confirmation: several evidence groups at once, one watch state lasting `confirmDays` days, or an announcement. */
  const levels = (day: DayNumber): DayLevels => {
    const cached = levelMemo.get(day);
    if (cached) return cached;
    const today = evidence(day);
    const watch = today.watchAtOnce || today.watchGroups >= watchRule.groups || confirmedOver(day, today.watchSeen);
    const inputs = { ...today.inputs, watch };
    const result = {
      watch,
      raw: levelFor(pack.warning, inputs, 'enter'),
      sustain: levelFor(pack.warning, inputs, 'exit'),
    };
    levelMemo.set(day, result);
    return result;
  };

  /** A watch state seen on each of the last `confirmDays` days; earlier days are evaluated only while it holds. */
  const confirmedOver = (day: DayNumber, seenToday: boolean): boolean => {
    let confirmed = seenToday;
    for (let d = day - 1; confirmed && d > day - watchRule.confirmDays; d--) confirmed = evidence(d).watchSeen;
    return confirmed;
  };

  /** Raw levels of the days in [from, to). */
  const rawLevels = (from: DayNumber, to: DayNumber): WarningLevel[] => {
    const out: WarningLevel[] = [];
    for (let d = from; d < to; d++) out.push(levels(d).raw);
    return out;
  };

  /**
   * The level shown on a day: hysteresis over the last `holdDays` raw levels, then the minimum dwell. Hysteresis can
   * only raise the level when the exit threshold supports more than today's raw level, so only then are the earlier
   * days' levels read for it (with no recent levels it returns today's raw level, as it would with any).
   */
  const levelOn = (day: DayNumber): WarningLevel => {
    const cached = finalMemo.get(day);
    if (cached !== undefined) return cached;
    const today = levels(day);
    const recent = today.sustain > today.raw ? rawLevels(day - holdDays, day) : [];
    const level = applyMinimumDwell(
      applyHysteresis(today.raw, today.sustain, recent),
      rawLevels(day - minDays + 1, day),
    );
    finalMemo.set(day, level);
    return level;
  };

  const forget = (memoised: Map<DayNumber, unknown>, from: DayNumber) => {
    for (const d of memoised.keys()) if (d >= from) memoised.delete(d);
  };
  return {
    forgetFrom(day, series) {
      const changed = series === undefined ? undefined : new Set(series);
      for (const [d, byIndicator] of evaluationMemo) {
        if (d < day) continue;
        if (changed === undefined) evaluationMemo.delete(d);
        else for (const ind of pack.indicators) if (ind.series.some((s) => changed.has(s))) byIndicator.delete(ind.id);
      }
      forget(memo, day);
      forget(levelMemo, day);
      forget(finalMemo, day);
      forget(assessmentMemo, day);
    },
    assess(day) {
      const cached = assessmentMemo.get(day);
      if (cached) return cached;
      const today = levels(day);
      const assessment = evidence(day).assessment();
      const level = levelOn(day);
      const episode = episodeUnderWay(day, level, levelOn, assessment.hypotheses);
      const result: Assessment = {
        ...assessment,
        rawLevel: today.raw,
        watch: today.watch,
        level,
        levelName: LEVEL_NAMES[level],
        ...(episode ? { episode } : {}),
      };
      assessmentMemo.set(day, result);
      return result;
    },
  };
}

function toIndicatorAssessment(
  e: IndicatorEvaluation,
  contributions: Record<string, number>,
  net: number,
): IndicatorAssessment {
  const r = e.result;
  return {
    id: e.indicator.id,
    name: e.indicator.name,
    domain: e.indicator.domain,
    group: e.indicator.group ?? e.indicator.id,
    role: e.indicator.role,
    state: r.state,
    value: Number.isFinite(r.value) ? r.value : null,
    baseline: r.baseline && Number.isFinite(r.baseline.median) ? r.baseline.median : null,
    band:
      r.baseline && Number.isFinite(r.baseline.median)
        ? { low: r.baseline.low, high: r.baseline.high, n: r.baseline.n }
        : null,
    score: r.score !== undefined && Number.isFinite(r.score) ? r.score : null,
    dataDay: e.dataDay === undefined ? null : formatDay(e.dataDay),
    ...(r.reason ? { reason: r.reason } : {}),
    weight: e.weight,
    logLr: e.logLr,
    contributions,
    contribution: net,
    observationIds: e.observations().map((o) => o.id),
  };
}
