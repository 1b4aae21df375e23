// While the level is at ALERT or above an episode is under way: the question is no longer "will one start within 7
// days" but "since when, and which course of action". The look-back is bounded so `assess --at D` and a backtest agree.
import type { EpisodeUnderWay, HypothesisAssessment, WarningLevel } from '../model/index.js';
import { formatDay, type DayNumber } from '../time/zone.js';

/** How far back the start of a run at ALERT is searched (an episode longer than this began "on or before"). */
export const EPISODE_LOOKBACK_DAYS = 30;
export const EPISODE_LEVEL: WarningLevel = 4;

export function episodeUnderWay(
  day: DayNumber,
  level: WarningLevel,
  levelOn: (day: DayNumber) => WarningLevel,
  hypotheses: readonly HypothesisAssessment[],
): EpisodeUnderWay | undefined {
  if (level < EPISODE_LEVEL) return undefined;
  let since = day;
  while (day - since < EPISODE_LOOKBACK_DAYS && levelOn(since - 1) >= EPISODE_LEVEL) since -= 1;
  const top = hypotheses.filter((h) => !h.baseline).reduce((a, b) => (b.probability > a.probability ? b : a));
  return {
    since: formatDay(since),
    sinceBounded: day - since >= EPISODE_LOOKBACK_DAYS,
    days: day - since + 1,
    hypothesis: { id: top.id, name: top.name, probability: top.probability },
  };
}
