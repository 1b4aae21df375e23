// Combines correlated indicators inside an evidence group without double counting, and attributes the result.
import type { Pack } from '../packs/pack-schema.js';
import type { IndicatorEvaluation } from './indicator-evaluation.js';

/** Per indicator id, per hypothesis: the log-LR it actually contributes after grouping. */
export type Contributions = Map<string, Record<string, number>>;

export function combineEvidence(
  pack: Pack,
  evaluations: readonly IndicatorEvaluation[],
  hypotheses: readonly string[],
): Contributions {
  const groups = new Map<string, IndicatorEvaluation[]>();
  for (const e of evaluations) {
    const key = e.indicator.group ?? `indicator:${e.indicator.id}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  const settings = new Map(pack.evidenceGroups.map((g) => [g.id, g]));
  const out: Contributions = new Map(evaluations.map((e) => [e.indicator.id, {}]));
  for (const [key, members] of groups) {
    const group = settings.get(key);
    const damping = group?.combine === 'damped' ? group.damping : 0;
    for (const h of hypotheses) {
      // Positive and negative evidence are combined separately: the strongest of each counts in full, the rest damped.
      for (const sign of [1, -1]) {
        const ranked = members
          .map((m) => ({ id: m.indicator.id, x: m.logLr[h] ?? 0 }))
          .filter((m) => sign * m.x > 0)
          .sort((a, b) => sign * (b.x - a.x));
        if (sign === -1 && members.some((m) => (m.logLr[h] ?? 0) > 0)) continue; // positive evidence in a group overrides its negatives
        ranked.forEach((m, rank) => {
          const share = rank === 0 ? m.x : damping * m.x;
          if (share !== 0) out.get(m.id)![h] = share;
        });
      }
    }
  }
  return out;
}
