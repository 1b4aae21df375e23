// Log-odds Bayesian update: prior × exp(Σ grouped log-LR), normalised over the competing hypotheses.
import type { Hypothesis } from '../packs/pack-schema.js';
import type { Contributions } from './evidence-combination.js';

export function posterior(hypotheses: readonly Hypothesis[], contributions: Contributions): Map<string, number> {
  const logPost = hypotheses.map((h) => {
    let sum = Math.log(h.prior);
    if (!h.baseline) for (const c of contributions.values()) sum += c[h.id] ?? 0;
    return sum;
  });
  const max = Math.max(...logPost);
  const weights = logPost.map((x) => Math.exp(x - max));
  const total = weights.reduce((a, b) => a + b, 0);
  return new Map(hypotheses.map((h, i) => [h.id, weights[i] / total]));
}

/**
 * Net log-odds an indicator adds to "some non-routine course of action": log of the prior-weighted mean of its
 * likelihood ratios over the non-baseline hypotheses.
 */
export function episodeLogLr(hypotheses: readonly Hypothesis[], contribution: Record<string, number>): number {
  let num = 0;
  let den = 0;
  for (const h of hypotheses) {
    if (h.baseline) continue;
    num += h.prior * Math.exp(contribution[h.id] ?? 0);
    den += h.prior;
  }
  return den > 0 ? Math.log(num / den) : 0;
}
