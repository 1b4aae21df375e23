// Scores the issued formal warnings whose horizon has passed against the labelled episodes, or against an analyst's
// ruling where one was recorded: each warning's stated likelihood, taken as the MIDPOINT of its ICD 203 range, is a
// probability that an episode starts within its horizon (Brier score, reliability). Pure.
import type { Episode } from '../backtest/episodes.js';
import { formatDay, parseDay, type DayNumber } from '../time/zone.js';
import { LIKELIHOODS, likelihoodMidpoint } from '../warnings/likelihood-yardstick.js';
import type { WarningRecord } from '../warnings/warning-record.js';
import { reliabilityBins, type ReliabilityBin } from './reliability.js';

/** A warning says an episode is coming when its likelihood is "roughly even chance" or higher (range from 45 %). */
export const WARNS_FROM = LIKELIHOODS['roughly-even-chance'].low;

export interface ScoredWarning {
  id: string;
  day: string;
  horizonDays: number;
  stated: number;
  /**
   * The episode that started within D+1 … D+horizon, if any; `adjudicated` when a ruling says something occurred that
   * no label shows; null when nothing did (or the ruling says so, whatever the labels).
   */
  episode: string | null;
  /** What the outcome rests on: the labelled episodes, or an analyst's ruling (which wins when both exist). */
  judgedBy: 'episodes' | 'adjudication';
  outcome: 'hit' | 'false-alarm' | 'correct-reassurance' | 'missed';
  /** Days from the warning's day to the episode's start (null without an episode, or a ruling without a day). */
  leadDays: number | null;
}

/** The stated probability of a warning: the midpoint of its ICD 203 range (e.g. "likely", 55–80 %, is 0.675). */
export const statedProbability = (w: WarningRecord): number => likelihoodMidpoint(w.likelihood);

export interface IssuedWarningScores {
  scored: ScoredWarning[];
  /** Issued warnings whose horizon has not yet passed on `asOf`: not scored. */
  pending: string[];
  hits: number;
  falseAlarms: number;
  /** Warnings that stated less than roughly even chance before an episode. */
  missed: number;
  /** Episodes in the window that no issued warning said was coming. */
  episodesUnwarned: string[];
  /** Mean squared difference between the stated midpoints and what happened (1 or 0); null with nothing scored. */
  brier: number | null;
  /** Stated midpoints against observed frequency, ten bins of 10 points. */
  reliability: ReliabilityBin[];
}

export function scoreIssuedWarnings(
  warnings: readonly WarningRecord[],
  episodes: readonly Episode[],
  window: { from: DayNumber; to: DayNumber },
  asOf: DayNumber,
): IssuedWarningScores {
  const issued = warnings.filter(
    (w) => w.status === 'issued' && parseDay(w.day) >= window.from && parseDay(w.day) <= window.to,
  );
  // A ruling settles a warning before its horizon ends only when it says the event occurred (adjudicate's rule).
  const due = issued.filter((w) => parseDay(w.day) + w.horizonDays <= asOf || w.adjudication !== undefined);
  const scored = due.map((w): ScoredWarning => {
    const day = parseDay(w.day);
    const stated = statedProbability(w);
    const warns = LIKELIHOODS[w.likelihood].low >= WARNS_FROM;
    const ruling = w.adjudication;
    const labelled = episodes.find((e) => e.start > day && e.start <= day + w.horizonDays);
    const occurred = ruling ? ruling.outcome === 'occurred' : labelled !== undefined;
    // A ruling that it occurred takes the labelled episode of the horizon as what occurred, when there is one.
    const episode = occurred ? labelled : undefined;
    const outcome = occurred ? (warns ? 'hit' : 'missed') : warns ? 'false-alarm' : 'correct-reassurance';
    const start = ruling?.occurredOn !== undefined ? parseDay(ruling.occurredOn) : episode?.start;
    return {
      id: w.id,
      day: w.day,
      horizonDays: w.horizonDays,
      stated,
      episode: episode?.id ?? (occurred ? 'adjudicated' : null),
      judgedBy: ruling ? 'adjudication' : 'episodes',
      outcome,
      leadDays: occurred && start !== undefined ? start - day : null,
    };
  });
  const warned = new Set(scored.filter((s) => s.outcome === 'hit').map((s) => s.episode));
  const inWindow = episodes.filter((e) => e.start >= window.from && e.start <= window.to && e.start <= asOf);
  return {
    scored,
    pending: issued.filter((w) => !due.includes(w)).map((w) => w.id),
    hits: scored.filter((s) => s.outcome === 'hit').length,
    falseAlarms: scored.filter((s) => s.outcome === 'false-alarm').length,
    missed: scored.filter((s) => s.outcome === 'missed').length,
    episodesUnwarned: inWindow.filter((e) => !warned.has(e.id)).map((e) => `${e.id} ${formatDay(e.start)}`),
    brier:
      scored.length === 0
        ? null
        : scored.reduce((sum, s) => sum + (s.stated - (s.episode ? 1 : 0)) ** 2, 0) / scored.length,
    reliability: reliabilityBins(scored.map((s) => ({ p: s.stated, y: s.episode ? 1 : 0 }))),
  };
}
