// The one analysis entry point: assess(day) from a pack and a point-in-time index, used by the live path and the backtest alike.
import { LEVEL_NAMES, type Assessment, type IndicatorAssessment, type WarningLevel } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import { formatDay, getZone, parseDay, type DayNumber } from '../time/zone.js';
import { coverageOf, type Coverage } from './coverage.js';
import { episodeUnderWay } from './episode-under-way.js';
import { combineEvidence } from './evidence-combination.js';
import { eventProbability } from './event-probability.js';
import { evaluateIndicator, type IndicatorEvaluation } from './indicator-evaluation.js';
import type { PointInTimeIndex } from './point-in-time-index.js';
import { coreOf, knowledgeState } from './knowledge-state.js';
import { episodeLogLr, posterior } from './posterior.js';
import { applyHysteresis, levelFor } from './warning-level.js';

export interface Assessor {
  /** Assessment as known at the end of the local day (everything published by then, nothing after). */
  assess(day: DayNumber): Assessment;
}

interface DayResult {
  assessment: Omit<Assessment, 'level' | 'levelName'>;
  sustain: WarningLevel;
}

/**
 * Creates an assessor over one index and one coverage (where each series was being collected: declared by the pack's
 * files, learned from live collectors; both are data, passed in). Results per day are memoised, which is what makes a
 * backtest over years cheap: day D's hysteresis reads the raw levels of the days before it, each computed as known on
 * its own day.
 */
export function createAssessor(pack: Pack, index: PointInTimeIndex, coverage: Coverage): Assessor {
  const zone = getZone(pack.timeZone);
  const hypothesisIds = pack.hypotheses.filter((h) => !h.baseline).map((h) => h.id);
  const critical = pack.hypotheses.filter((h) => h.critical).map((h) => h.id);
  const breaks = new Map(Object.entries(pack.seriesBreaks).map(([s, dates]) => [s, dates.map((d) => parseDay(d))]));
  const indicatorBreaks = new Map(pack.indicators.map((ind) => [ind.id, ind.series.flatMap((s) => breaks.get(s) ?? []).sort((a, b) => a - b)]));
  const indicatorCoverage = new Map(pack.indicators.map((ind) => [ind.id, coverageOf(coverage, ind.series, ind.staleAfterDays)]));
  const core = coreOf(pack);
  const memo = new Map<DayNumber, DayResult>();
  const levels = new Map<DayNumber, WarningLevel>();

  const assessRaw = (day: DayNumber): DayResult => {
    const cached = memo.get(day);
    if (cached) return cached;
    const asOfMs = zone.endOfDay(day) - 1;
    const evaluations = pack.indicators.map((ind) => evaluateIndicator(ind, index, day, asOfMs, indicatorBreaks.get(ind.id)!, indicatorCoverage.get(ind.id)!));
    const contributions = combineEvidence(pack, evaluations, hypothesisIds);
    const probabilities = posterior(pack.hypotheses, contributions);
    let leadLogLr = 0;
    let concurrentLogLr = 0;
    const indicators = evaluations.map((e) => {
      const c = contributions.get(e.indicator.id)!;
      const net = episodeLogLr(pack.hypotheses, c);
      if (e.indicator.role === 'lead') leadLogLr += net;
      else concurrentLogLr += net;
      return toIndicatorAssessment(e, c, net);
    });
    const pEvent = eventProbability(pack.eventModel, leadLogLr, concurrentLogLr);
    const pAny = 1 - pack.hypotheses.filter((h) => h.baseline).reduce((s, h) => s + probabilities.get(h.id)!, 0);
    const pCritical = critical.reduce((s, id) => s + probabilities.get(id)!, 0);
    const watch = evaluations.some((e) => e.indicator.watchStates.includes(e.result.state));
    const inputs = { pAny, pCritical, pEvent, watch };
    const result: DayResult = {
      assessment: {
        packId: pack.id,
        asOf: new Date(zone.endOfDay(day)).toISOString(),
        day: formatDay(day),
        rawLevel: levelFor(pack.warning, inputs, 'enter'),
        pEvent7d: pEvent,
        horizonDays: pack.horizonDays,
        hypotheses: pack.hypotheses.map((h) => ({ id: h.id, name: h.name, prior: h.prior, probability: probabilities.get(h.id)!, baseline: h.baseline })),
        indicators,
        leadLogLr,
        concurrentLogLr,
        watch,
        knowledge: knowledgeState(core, indicators),
      },
      sustain: levelFor(pack.warning, inputs, 'exit'),
    };
    memo.set(day, result);
    return result;
  };

  const levelOn = (day: DayNumber): WarningLevel => {
    const cached = levels.get(day);
    if (cached !== undefined) return cached;
    const today = assessRaw(day);
    const recent: WarningLevel[] = [];
    for (let d = day - pack.warning.holdDays; d < day; d++) recent.push(assessRaw(d).assessment.rawLevel);
    const level = applyHysteresis(today.assessment.rawLevel, today.sustain, recent);
    levels.set(day, level);
    return level;
  };

  return {
    assess(day) {
      const today = assessRaw(day).assessment;
      const level = levelOn(day);
      const episode = episodeUnderWay(day, level, levelOn, today.hypotheses);
      return { ...today, level, levelName: LEVEL_NAMES[level], ...(episode ? { episode } : {}) };
    },
  };
}

function toIndicatorAssessment(e: IndicatorEvaluation, contributions: Record<string, number>, net: number): IndicatorAssessment {
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
    band: r.baseline && Number.isFinite(r.baseline.median) ? { low: r.baseline.low, high: r.baseline.high, n: r.baseline.n } : null,
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
