// Hand-built inputs for the Bayesian-core table tests: evaluations carry only what combination and the posterior read.
import type { Hypothesis, Pack } from '../packs/pack-schema.js';
import type { IndicatorEvaluation } from './indicator-evaluation.js';

export const LN2 = Math.log(2);
export const LN4 = Math.log(4);

/** H0 routine (baseline, 0.90), H1 exercise (0.08), H2 blockade (0.02, critical). */
export const HYPOTHESES: Hypothesis[] = [
  { id: 'H0', name: 'routine', prior: 0.9, baseline: true, critical: false },
  { id: 'H1', name: 'exercise', prior: 0.08, baseline: false, critical: false },
  { id: 'H2', name: 'blockade', prior: 0.02, baseline: false, critical: true },
];

export function evaluation(id: string, group: string | undefined, logLr: Record<string, number>): IndicatorEvaluation {
  return { indicator: { id, group }, logLr } as unknown as IndicatorEvaluation;
}

export function packWithGroups(groups: Pack['evidenceGroups']): Pack {
  return { evidenceGroups: groups } as Pack;
}
