// Number, probability and date formatting, and the colour classes for levels and indicator states.
import { formatProbability } from '../model/probability-format.js';
import type { IndicatorView } from './api-types.js';

/** Never 0 % or 100 %: see model/probability-format.ts. */
export const pct = formatProbability;

export function num(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return Number.isInteger(x) ? String(x) : x.toFixed(digits === 0 ? 1 : digits);
}

export function signed(x: number, digits = 2): string {
  if (Math.abs(x) < 0.005) return '·';
  return `${x > 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
}

/** `2026-08-22T05:12:00Z` → `2026-08-22 13:12` in the theatre's zone (src/time/local-time.ts). */
export { localTime } from '../time/local-time.js';

/** `no-coverage`, `stale` and `missing` are what we don't know: each styled apart from calm, never green. */
export type StateTone = 'calm' | 'raised' | 'high' | 'insufficient' | 'missing' | 'no-coverage' | 'stale';

/**
 * How alarming a state is, from the evidence it carries rather than its name: the largest log-likelihood ratio
 * towards any hypothesis (before grouping), or the indicator's own watch states. Names differ between packs.
 */
export function stateTone(ind: IndicatorView, watchStates: readonly string[] = []): StateTone {
  if (ind.state === 'insufficient-data') return 'insufficient';
  if (ind.state === 'missing') return 'missing';
  if (ind.state === 'no-coverage') return 'no-coverage';
  if (ind.state === 'stale') return 'stale';
  // A calm state that argues against the non-routine hypotheses (negative ratios) is still calm.
  const lrs = Object.values(ind.logLr);
  const max = lrs.length ? Math.max(...lrs) : 0;
  if (max >= 1) return 'high';
  if (max >= 0.2 || watchStates.includes(ind.state)) return 'raised';
  return 'calm';
}
