// Replays every local day in a range through the same assessor the live path uses, one record per day.
import { createAssessor } from '../analysis/assessor.js';
import { declaredCoverage, type Coverage } from '../analysis/coverage.js';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import type { Assessment, Observation, WarningLevel } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import { getZone, type DayNumber } from '../time/zone.js';

export interface DayRecord {
  date: string;
  level: WarningLevel;
  pEvent7d: number;
  hypotheses: Record<string, number>;
  top: { indicator: string; contribution: number }[];
  /** Inputs of the event model, kept so `calibrate` can refit it without replaying again. */
  leadLogLr: number;
  concurrentLogLr: number;
}

export interface ReplayOptions {
  onDay?: (done: number, total: number) => void;
  /** Also hand each full assessment to the caller (e.g. for calibration of likelihood ratios). */
  onAssessment?: (a: Assessment) => void;
  /** Where the sources were collected; default: what the pack's bundled files declare. */
  coverage?: Coverage;
}

/** `observations` may hold every revision ever stored: the assessor only reads what was published by each day's end. */
export function replay(
  pack: Pack,
  observations: readonly Observation[],
  from: DayNumber,
  to: DayNumber,
  options: ReplayOptions = {},
): DayRecord[] {
  const assessor = createAssessor(
    pack,
    new PointInTimeIndex(observations, getZone(pack.timeZone)),
    options.coverage ?? declaredCoverage(pack),
  );
  const records: DayRecord[] = [];
  const total = to - from + 1;
  for (let day = from; day <= to; day++) {
    const a = assessor.assess(day);
    options.onAssessment?.(a);
    records.push(toRecord(a));
    options.onDay?.(day - from + 1, total);
  }
  return records;
}

export function toRecord(a: Assessment): DayRecord {
  const top = a.indicators
    .filter((i) => i.contribution !== 0)
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, 3)
    .map((i) => ({ indicator: i.id, contribution: round(i.contribution) }));
  return {
    date: a.day,
    level: a.level,
    pEvent7d: round(a.pEvent7d),
    hypotheses: Object.fromEntries(a.hypotheses.map((h) => [h.id, round(h.probability)])),
    top,
    leadLogLr: round(a.leadLogLr),
    concurrentLogLr: round(a.concurrentLogLr),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
