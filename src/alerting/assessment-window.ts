// The observations one day's live assessment reads, kept in memory: revisions published that day collapse to the latest per claim.
import type { Observation } from '../model/index.js';
import type { DayNumber, Zone } from '../time/zone.js';

export interface AssessmentWindow {
  readonly day: DayNumber;
  add(observations: readonly Observation[]): void;
  /** In the order the point-in-time index expects: later input revises earlier at equal publication times. */
  observations(): Observation[];
  size(): number;
}

/**
 * Within the assessed day only the latest revision of each claim (series, period, subject) published by the day's
 * end can matter: earlier days' assessments (hysteresis) read as of their own end and never see today's revisions.
 * So a claim revised thousands of times today costs one observation, and re-assessing stays cheap. Everything
 * published before the day, or after its end, is kept as it is.
 */
export function createAssessmentWindow(
  zone: Zone,
  day: DayNumber,
  initial: readonly Observation[] = [],
): AssessmentWindow {
  const dayStart = zone.startOfDay(day);
  const dayEnd = zone.endOfDay(day);
  const kept: Observation[] = [];
  const today = new Map<string, Observation>();
  const add = (o: Observation) => {
    const published = Date.parse(o.publishedAt);
    if (published < dayStart || published >= dayEnd) {
      kept.push(o);
      return;
    }
    const key = `${o.series}\u0000${o.periodStart}\u0000${o.periodEnd}\u0000${o.subject ?? ''}`;
    const prev = today.get(key);
    // Re-insert so the newest revision also comes last (ties in publication time go to the later input).
    if (prev === undefined || prev.publishedAt <= o.publishedAt) {
      today.delete(key);
      today.set(key, o);
    }
  };
  initial.forEach(add);
  return {
    day,
    add: (observations) => observations.forEach(add),
    observations: () => [...kept, ...today.values()],
    size: () => kept.length + today.size,
  };
}
