// Scores a day-by-day warning record against labelled episodes: detection, lead, false alarms, time at WARNING, Brier skill.
import { formatDay, parseDay, type DayNumber } from '../time/zone.js';
import type { Episode } from './episodes.js';

/** What a forecaster produced for one day: a level, and optionally P(episode starts within the horizon). */
export interface DayForecast {
  date: string;
  level: number;
  pEvent7d?: number;
}

export interface EpisodeScore {
  id: string;
  name: string;
  start: string;
  detected: boolean;
  warned: boolean;
  /** Levels at the end of D-3 … D+1. */
  levels: (number | null)[];
}

export interface Scores {
  from: string;
  to: string;
  days: number;
  episodes: number;
  detected: number;
  warned: number;
  falseAlarmEpisodes: number;
  falseAlarmsPerYear: number;
  shareAtWarning: number;
  /** Null when the forecaster gives no probabilities. */
  brier: number | null;
  brierClimatology: number | null;
  brierSkill: number | null;
  climatology: number;
  perEpisode: EpisodeScore[];
}

export interface ScoringOptions {
  horizonDays: number;
  /** A run of level ≥ 3 is not a false alarm when an episode starts within this many days after it. */
  falseAlarmGraceDays: number;
  /**
   * Days between activity and the report that shows it. Labels date episodes by activity day while the MND report
   * for day D comes out on D+1, so a run that starts the day after a one-day episode is its detection, not a false alarm.
   */
  reportLagDays: number;
}

const DEFAULTS: ScoringOptions = { horizonDays: 7, falseAlarmGraceDays: 14, reportLagDays: 1 };

/** 1 when an episode starts within D+1 … D+horizon. */
export function outcome(day: DayNumber, episodes: readonly Episode[], horizonDays: number): 0 | 1 {
  return episodes.some((e) => e.start > day && e.start <= day + horizonDays) ? 1 : 0;
}

export function score(
  records: readonly DayForecast[],
  allEpisodes: readonly Episode[],
  options: Partial<ScoringOptions> = {},
): Scores {
  const { horizonDays, falseAlarmGraceDays, reportLagDays } = { ...DEFAULTS, ...options };
  const byDay = new Map(records.map((r) => [parseDay(r.date), r]));
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const from = days[0];
  const to = days[days.length - 1];
  const levelAt = (d: DayNumber) => byDay.get(d)?.level ?? null;
  const episodes = allEpisodes.filter((e) => e.start >= from && e.start <= to);

  const perEpisode = episodes.map((e): EpisodeScore => {
    const levels = [-3, -2, -1, 0, 1].map((k) => levelAt(e.start + k));
    return {
      id: e.id,
      name: e.name,
      start: formatDay(e.start),
      levels,
      detected: (levels[3] ?? 0) >= 4 || (levels[4] ?? 0) >= 4,
      warned: (levels[2] ?? 0) >= 3,
    };
  });

  // False-alarm episodes: maximal runs of level ≥ 3 that neither overlap an episode nor precede one by the grace period.
  let falseAlarmEpisodes = 0;
  let runStart: DayNumber | undefined;
  for (let d = from; d <= to + 1; d++) {
    const high = d <= to && (levelAt(d) ?? 0) >= 3;
    if (high && runStart === undefined) runStart = d;
    if (!high && runStart !== undefined) {
      const runEnd = d - 1;
      const explained = allEpisodes.some(
        (e) =>
          (e.start <= runEnd && e.end + reportLagDays >= runStart!) ||
          (e.start > runEnd && e.start <= runEnd + falseAlarmGraceDays),
      );
      if (!explained) falseAlarmEpisodes++;
      runStart = undefined;
    }
  }

  const atWarning = days.filter((d) => (levelAt(d) ?? 0) >= 3).length;
  const outcomes = days.map((d) => outcome(d, allEpisodes, horizonDays));
  const climatology = outcomes.reduce<number>((s, y) => s + y, 0) / Math.max(days.length, 1);
  const probabilities = days.map((d) => byDay.get(d)!.pEvent7d);
  let brier: number | null = null;
  let brierClimatology: number | null = null;
  let brierSkill: number | null = null;
  if (probabilities.every((p) => p !== undefined)) {
    brier = mean(probabilities.map((p, i) => (p! - outcomes[i]) ** 2));
    brierClimatology = mean(outcomes.map((y) => (climatology - y) ** 2));
    brierSkill = brierClimatology > 0 ? 1 - brier / brierClimatology : null;
  }

  return {
    from: formatDay(from),
    to: formatDay(to),
    days: days.length,
    episodes: episodes.length,
    detected: perEpisode.filter((e) => e.detected).length,
    warned: perEpisode.filter((e) => e.warned).length,
    falseAlarmEpisodes,
    falseAlarmsPerYear: falseAlarmEpisodes / (days.length / 365.25),
    shareAtWarning: atWarning / Math.max(days.length, 1),
    brier,
    brierClimatology,
    brierSkill,
    climatology,
    perEpisode,
  };
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}
