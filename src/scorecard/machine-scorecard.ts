// The scorecard of the machine level over any window: the backtest's own scoring (detection, warning, false alarms,
// Brier) plus lead time per episode and the reliability of P(episode starts within the horizon). Pure.
import type { Episode } from '../backtest/episodes.js';
import { outcome, score, type DayForecast, type Scores, type ScoringOptions } from '../backtest/scoring.js';
import { parseDay, type DayNumber } from '../time/zone.js';
import { reliabilityBins, type ReliabilityBin } from './reliability.js';

export interface EpisodeLead {
  id: string;
  name: string;
  start: string;
  hit: boolean;
  /**
   * Days of warning before D0: D0 minus the first day of the run at WARNING or above that holds on D0−1; 0 when the
   * level was below WARNING on D0−1 (so lead ≥ 1 is exactly the backtest's "warned").
   */
  leadDays: number;
}

export interface MachineScorecard {
  scores: Scores;
  hits: number;
  misses: number;
  falseAlarms: number;
  leads: EpisodeLead[];
  /** Median lead over the labelled episodes in the window (null without episodes). */
  medianLeadDays: number | null;
  reliability: ReliabilityBin[];
}

export function machineScorecard(
  records: readonly DayForecast[],
  episodes: readonly Episode[],
  options: Partial<ScoringOptions> & { horizonDays: number },
): MachineScorecard {
  const scores = score(records, episodes, options);
  const levelAt = new Map(records.map((r) => [parseDay(r.date), r.level]));
  const high = (d: DayNumber) => (levelAt.get(d) ?? 0) >= 3;
  const leads = scores.perEpisode.map((e): EpisodeLead => {
    const start = parseDay(e.start);
    let first = start;
    while (high(first - 1)) first--;
    return { id: e.id, name: e.name, start: e.start, hit: e.detected, leadDays: start - first };
  });
  const hitLeads = leads.map((l) => l.leadDays).sort((a, b) => a - b);
  const forecasts = records.flatMap((r) =>
    r.pEvent7d === undefined ? [] : [{ p: r.pEvent7d, y: outcome(parseDay(r.date), episodes, options.horizonDays) }],
  );
  return {
    scores,
    hits: scores.detected,
    misses: scores.episodes - scores.detected,
    falseAlarms: scores.falseAlarmEpisodes,
    leads,
    medianLeadDays:
      hitLeads.length === 0
        ? null
        : hitLeads.length % 2
          ? hitLeads[hitLeads.length >> 1]
          : (hitLeads[hitLeads.length / 2 - 1] + hitLeads[hitLeads.length / 2]) / 2,
    reliability: reliabilityBins(forecasts),
  };
}
