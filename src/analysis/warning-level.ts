// Warning levels 1–5 from the posterior and P(event), with hysteresis so the board does not flap.
import type { WarningLevel } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';

export interface LevelInputs {
  /** P(some non-baseline hypothesis). */
  pAny: number;
  /** P(critical hypotheses together). */
  pCritical: number;
  pEvent: number;
  watch: boolean;
}

/** The level today's evidence supports, using the `enter` thresholds (or the lower `exit` ones with `sustain`). */
export function levelFor(warning: Pack['warning'], x: LevelInputs, threshold: 'enter' | 'exit'): WarningLevel {
  if (x.pCritical >= warning.critical[threshold]) return 5;
  if (x.pAny >= warning.alert[threshold]) return 4;
  if (x.pEvent >= warning.warning[threshold]) return 3;
  if (x.watch) return 2;
  return 1;
}

/**
 * Hysteresis with bounded memory: a level entered on one of the last `holdDays` days is kept while the evidence
 * still meets its exit threshold. Bounded memory means `assess --at D` and a backtest agree exactly on day D.
 */
export function applyHysteresis(
  raw: WarningLevel,
  sustain: WarningLevel,
  recentRaw: readonly WarningLevel[],
): WarningLevel {
  const held = Math.min(sustain, Math.max(1, ...recentRaw)) as WarningLevel;
  return Math.max(raw, held) as WarningLevel;
}

/** Minimum dwell: a level reached (raw) on one of the last `minDays - 1` days is still shown today, whatever the evidence. */
export function applyMinimumDwell(level: WarningLevel, recentRaw: readonly WarningLevel[]): WarningLevel {
  return Math.max(level, ...recentRaw) as WarningLevel;
}
