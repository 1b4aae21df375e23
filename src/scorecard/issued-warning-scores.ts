// Scores the issued formal warnings whose horizon has passed against the labelled episodes: each warning's stated
// likelihood (the middle of its ICD 203 range) is a probability that an episode starts within its horizon. Pure.
import type { Episode } from '../backtest/episodes.js';
import { formatDay, parseDay, type DayNumber } from '../time/zone.js';
import { LIKELIHOODS, likelihoodMidpoint } from '../warnings/likelihood-yardstick.js';
import type { WarningRecord } from '../warnings/warning-record.js';

/** A warning says an episode is coming when its likelihood is "roughly even chance" or higher (range from 45 %). */
export const WARNS_FROM = LIKELIHOODS['roughly-even-chance'].low;

export interface ScoredWarning {
  id: string;
  day: string;
  horizonDays: number;
  stated: number;
  /** The episode that started within D+1 … D+horizon, if any. */
  episode: string | null;
  outcome: 'hit' | 'false-alarm' | 'correct-reassurance' | 'missed';
  /** Days from the warning's day to the episode's start (null without an episode). */
  leadDays: number | null;
}

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
  brier: number | null;
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
  const due = issued.filter((w) => parseDay(w.day) + w.horizonDays <= asOf);
  const scored = due.map((w): ScoredWarning => {
    const day = parseDay(w.day);
    const episode = episodes.find((e) => e.start > day && e.start <= day + w.horizonDays);
    const stated = likelihoodMidpoint(w.likelihood);
    const warns = LIKELIHOODS[w.likelihood].low >= WARNS_FROM;
    const outcome = episode ? (warns ? 'hit' : 'missed') : warns ? 'false-alarm' : 'correct-reassurance';
    return {
      id: w.id,
      day: w.day,
      horizonDays: w.horizonDays,
      stated,
      episode: episode?.id ?? null,
      outcome,
      leadDays: episode ? episode.start - day : null,
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
  };
}
