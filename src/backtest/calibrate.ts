// Fits what a pack lets be fitted, on a training window only: shrunken likelihood ratios for H1 and the P(event) model.
import { isReporting } from '../analysis/knowledge-state.js';
import type { Assessment, Observation } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import { formatDay, getZone, parseDay, type DayNumber } from '../time/zone.js';
import type { Episode } from './episodes.js';
import { fitLogistic } from './logistic.js';
import { replay } from './replay.js';
import { outcome } from './scoring.js';

export interface CalibrationOptions {
  from: DayNumber;
  /** Last day whose data and labels may be used; days later than `to - horizon` are not scored (their outcome lies past `to`). */
  to: DayNumber;
  /** Pseudo-episodes of prior weight: a fitted ratio resting on n episodes gets weight n / (n + priorEpisodes). */
  priorEpisodes: number;
  /** L2 penalty on the event-model slopes. */
  ridge: number;
  /** The hypothesis the labelled episodes belong to (major exercise or surge). */
  hypothesis: string;
  /** Days inside the window that are not used for fitting (cross-validation holds a block out this way). */
  exclude?: readonly DayRange[];
}

/** Local days `from` … `to`, inclusive. */
export interface DayRange {
  from: DayNumber;
  to: DayNumber;
}

/** What every fit on one window shares: the point-in-time observations and the judgement pack's day-by-day replay. */
export interface PreparedCalibration {
  pack: Pack;
  observations: readonly Observation[];
  /** The judgement pack's assessments for every scorable day of the window (`from` … `to - horizon`). */
  assessments: readonly Assessment[];
  from: DayNumber;
  to: DayNumber;
}

export interface RatioChange {
  indicator: string;
  state: string;
  before: number;
  after: number;
  /** Distinct episodes whose window saw this state. */
  episodes: number;
  positiveDays: number;
  negativeDays: number;
}

export interface CalibrationResult {
  pack: Pack;
  ratios: RatioChange[];
  eventModel: Pack['eventModel'];
  trainingDays: number;
  episodes: number;
}

/** Uses only observations published by the end of `to` and episodes starting inside the window, whatever it is given. */
export function calibrate(
  pack: Pack,
  allObservations: readonly Observation[],
  episodes: readonly Episode[],
  options: CalibrationOptions,
): CalibrationResult {
  return fitCalibration(prepareCalibration(pack, allObservations, options.from, options.to), episodes, options);
}

/** Loads the window once: cross-validation fits every fold from the same preparation. */
export function prepareCalibration(
  pack: Pack,
  allObservations: readonly Observation[],
  from: DayNumber,
  to: DayNumber,
): PreparedCalibration {
  const cutoff = getZone(pack.timeZone).endOfDay(to);
  const observations = allObservations.filter((o) => Date.parse(o.publishedAt) < cutoff);
  const assessments: Assessment[] = [];
  replay(pack, observations, from, to - pack.horizonDays, { onAssessment: (a) => assessments.push(a) });
  return { pack, observations, assessments, from, to };
}

export type FitOptions = Omit<CalibrationOptions, 'from' | 'to'>;

/** Fits on the prepared window, leaving out `options.exclude` (days neither counted for ratios nor for the event model). */
export function fitCalibration(
  prepared: PreparedCalibration,
  episodes: readonly Episode[],
  options: FitOptions,
): CalibrationResult {
  const { pack, observations, from, to } = prepared;
  const excluded = (day: DayNumber) => (options.exclude ?? []).some((r) => day >= r.from && day <= r.to);
  const usable = episodes.filter((e) => e.start >= from && e.start <= to);
  const assessments = prepared.assessments.filter((a) => !excluded(parseDay(a.day)));

  const ratios = fitRatios(pack, assessments, usable, options);
  const fitted = withRatios(pack, ratios, options.hypothesis);
  const records = replay(fitted, observations, from, to - pack.horizonDays).filter((r) => !excluded(parseDay(r.date)));
  const y = records.map((r) => outcome(parseDay(r.date), usable, pack.horizonDays));
  const x = records.map((r) => [1, r.leadLogLr, r.concurrentLogLr]);
  const [intercept, lead, concurrent] = fitLogistic(x, y, options.ridge).coefficients;
  const eventModel = {
    intercept: round(intercept),
    lead: round(lead),
    concurrent: round(concurrent),
    trainedOn: { from: formatDay(from), to: formatDay(to), episodes: usable.length },
  };
  return { pack: { ...fitted, eventModel }, ratios, eventModel, trainingDays: records.length, episodes: usable.length };
}

/**
 * For each indicator state, the empirical ratio P(state | positive day) / P(state | negative day), shrunk in log space
 * toward the pack's own ratio. Lead indicators: a positive day precedes an episode start within the horizon.
 * Concurrent indicators: a positive day is one whose data day falls inside an episode.
 */
function fitRatios(
  pack: Pack,
  assessments: readonly Assessment[],
  episodes: readonly Episode[],
  options: FitOptions,
): RatioChange[] {
  const changes: RatioChange[] = [];
  for (const indicator of pack.indicators) {
    const stateCounts = new Map<string, { pos: number; neg: number; episodes: Set<string> }>();
    let pos = 0;
    let neg = 0;
    for (const a of assessments) {
      const ind = a.indicators.find((i) => i.id === indicator.id)!;
      // Days the indicator said nothing (no coverage, stale, missing, too little history) are neither positive nor negative.
      if (!isReporting(ind.state)) continue;
      const episode = positiveEpisode(indicator.role, parseDay(a.day), ind.dataDay, episodes, pack.horizonDays);
      const c = stateCounts.get(ind.state) ?? { pos: 0, neg: 0, episodes: new Set<string>() };
      if (episode) {
        c.pos++;
        c.episodes.add(episode.id);
        pos++;
      } else {
        c.neg++;
        neg++;
      }
      stateCounts.set(ind.state, c);
    }
    if (pos === 0 || neg === 0) continue;
    const states = stateCounts.size;
    for (const [state, ratiosByHypothesis] of Object.entries(indicator.likelihoods)) {
      const before = ratiosByHypothesis[options.hypothesis];
      if (before === undefined) continue;
      const c = stateCounts.get(state);
      if (!c) continue; // never observed in the window: the data says nothing, keep the pack's ratio
      const empirical = (c.pos + 0.5) / (pos + 0.5 * states) / ((c.neg + 0.5) / (neg + 0.5 * states));
      const distinct = c.episodes.size;
      // A state never seen before an episode still gets a little weight: its absence across every episode is evidence.
      const n = c.pos > 0 ? distinct : Math.min(episodes.length, 1);
      const weight = n / (n + options.priorEpisodes);
      const after = Math.exp(weight * Math.log(empirical) + (1 - weight) * Math.log(before));
      changes.push({
        indicator: indicator.id,
        state,
        before,
        after: round(after, 3),
        episodes: distinct,
        positiveDays: c.pos,
        negativeDays: c.neg,
      });
    }
  }
  return changes;
}

function positiveEpisode(
  role: 'lead' | 'concurrent',
  day: DayNumber,
  dataDay: string | null,
  episodes: readonly Episode[],
  horizon: number,
): Episode | undefined {
  if (role === 'lead') return episodes.find((e) => e.start > day && e.start <= day + horizon);
  if (dataDay === null) return undefined;
  const d = parseDay(dataDay);
  return episodes.find((e) => d >= e.start && d <= e.end);
}

function withRatios(pack: Pack, changes: readonly RatioChange[], hypothesis: string): Pack {
  const indicators = pack.indicators.map((ind) => {
    const mine = changes.filter((c) => c.indicator === ind.id);
    if (mine.length === 0) return ind;
    const likelihoods = Object.fromEntries(
      Object.entries(ind.likelihoods).map(([state, r]) => {
        const change = mine.find((c) => c.state === state);
        return [state, change ? { ...r, [hypothesis]: change.after } : r];
      }),
    );
    return { ...ind, likelihoods };
  });
  return { ...pack, indicators };
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
