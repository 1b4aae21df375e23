// Flapping figures of a day-by-day level record: runs of one level, one-day runs, level changes per year.

export interface LevelRuns {
  days: number;
  /** Maximal runs of consecutive days at one level. */
  runs: number;
  /** Runs that last a single day (a level shown for one day and gone the next). */
  oneDayRuns: number;
  /** oneDayRuns / runs (0 when there are no runs). */
  oneDayShare: number;
  /** Days on which the level differs from the day before. */
  changes: number;
  changesPerYear: number;
}

/** `records` must be consecutive days in order (a backtest's records are). */
export function levelRuns(records: readonly { level: number }[]): LevelRuns {
  let runs = 0;
  let oneDayRuns = 0;
  let length = 0;
  for (let i = 0; i < records.length; i++) {
    length++;
    if (i === records.length - 1 || records[i + 1].level !== records[i].level) {
      runs++;
      if (length === 1) oneDayRuns++;
      length = 0;
    }
  }
  const changes = Math.max(runs - 1, 0);
  const days = records.length;
  return {
    days,
    runs,
    oneDayRuns,
    oneDayShare: runs === 0 ? 0 : oneDayRuns / runs,
    changes,
    changesPerYear: days === 0 ? 0 : changes / (days / 365.25),
  };
}

export function renderLevelRuns(r: LevelRuns): string {
  return (
    `Level stability: ${r.runs} runs, ${r.oneDayRuns} one-day runs (${(r.oneDayShare * 100).toFixed(1)} %), ` +
    `${r.changes} level changes (${r.changesPerYear.toFixed(1)} a year) over ${r.days} days`
  );
}
