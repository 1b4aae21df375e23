// Sensitivity (the tornado chart): which assumption moves the posterior of the leading course of action most. Each
// likelihood ratio the day reads, each prior and each indicator's detector thresholds is swung over a fixed range on
// top of the current what-if, and the day is assessed again at both ends.
import type { Assessment } from '../model/assessment.js';
import type { Pack } from '../packs/pack-schema.js';
import { KNOWLEDGE_STATES } from '../packs/detector-states.js';
import { applyWhatIf, type ThresholdOverride, type WhatIfOverrides, type WhatIfSession } from './what-if.js';

/** The documented ranges (docs/dashboard.md, "What-if and sensitivity"). */
export const SWING = {
  /**
   * Each likelihood ratio of the state an indicator reads, raised to the power 0.5 and 1.5 (its log ±50 %). Not ÷2 and
   * ×2: in a log-odds sum, doubling any fully counted ratio moves the posterior by exactly the same amount, so every
   * bar would be alike; a power swing moves strong evidence more than weak, which is the question.
   */
  likelihood: 0.5,
  /** Each non-baseline prior: ×0.5 and ×1.5 (the baseline takes up the difference). */
  prior: 0.5,
  /** Every threshold (z, ratio, minimum) of an indicator's detector levels together: ×0.75 and ×1.25. */
  threshold: 0.25,
} as const;

export type SwingKind = 'likelihood' | 'prior' | 'threshold';

export interface Swing {
  kind: SwingKind;
  indicator?: string;
  state?: string;
  hypothesis?: string;
  /** The assumption's value in the base case (a ratio or a prior); undefined for a set of thresholds. */
  value?: number;
  /** The measure with the assumption at the low end and at the high end of its range. */
  low: number;
  high: number;
}

export interface Tornado {
  /** The hypothesis whose posterior is measured: the most probable non-baseline one in the base case. */
  hypothesis: string;
  base: number;
  /** Sorted by how far the measure moves (|high − low|), largest first. */
  swings: Swing[];
  /** How many assessments it took. */
  runs: number;
}

const merge = (base: WhatIfOverrides, extra: WhatIfOverrides): WhatIfOverrides => ({
  ...base,
  likelihoods: [...(base.likelihoods ?? []), ...(extra.likelihoods ?? [])],
  thresholds: [...(base.thresholds ?? []), ...(extra.thresholds ?? [])],
  priors: { ...(base.priors ?? {}), ...(extra.priors ?? {}) },
});

/** The tornado around `overrides` (the analyst's current what-if), whose assessment is `base`. */
export function tornado(pack: Pack, session: WhatIfSession, overrides: WhatIfOverrides, base: Assessment): Tornado {
  const edited = applyWhatIf(pack, overrides);
  const lead = base.hypotheses.filter((h) => !h.baseline).reduce((a, b) => (b.probability > a.probability ? b : a));
  const measure = (o: WhatIfOverrides) => {
    runs += 1;
    return session.assess(merge(overrides, o)).hypotheses.find((h) => h.id === lead.id)!.probability;
  };
  let runs = 0;
  const swings: Swing[] = [];
  const off = new Set(overrides.off ?? []);
  const baseline = edited.hypotheses.find((h) => h.baseline)?.id;
  const nonBaseline = edited.hypotheses.filter((h) => !h.baseline);

  for (const read of base.indicators) {
    if (off.has(read.id) || (KNOWLEDGE_STATES as readonly string[]).includes(read.state)) continue;
    const ind = edited.indicators.find((i) => i.id === read.id)!;
    for (const [hypothesis, ratio] of Object.entries(ind.likelihoods[read.state] ?? {})) {
      if (hypothesis === baseline) continue;
      const at = (r: number) =>
        measure({ likelihoods: [{ indicator: ind.id, state: read.state, hypothesis, ratio: r }] });
      swings.push({
        kind: 'likelihood',
        indicator: ind.id,
        state: read.state,
        hypothesis,
        value: ratio,
        low: at(ratio ** (1 - SWING.likelihood)),
        high: at(ratio ** (1 + SWING.likelihood)),
      });
    }
  }

  const others = nonBaseline.reduce((s, h) => s + h.prior, 0);
  for (const h of nonBaseline) {
    const up = h.prior * (1 + SWING.prior);
    // The high end stays below what would leave the baseline nothing.
    const high = Math.min(up, h.prior + (1 - others) * 0.99);
    swings.push({
      kind: 'prior',
      hypothesis: h.id,
      value: h.prior,
      low: measure({ priors: { [h.id]: h.prior * (1 - SWING.prior) } }),
      high: measure({ priors: { [h.id]: high } }),
    });
  }

  for (const ind of edited.indicators) {
    if (off.has(ind.id)) continue;
    const scaled = (factor: number): ThresholdOverride[] => {
      const d = ind.detector;
      if (d.kind === 'presence') return [{ indicator: ind.id, state: 'present', field: 'min', value: d.min * factor }];
      const levels = d.kind === 'robust-z' ? [...d.levels, ...d.lowLevels] : 'levels' in d ? d.levels : [];
      return levels.flatMap((l) =>
        (['z', 'ratio', 'min'] as const).flatMap((field) =>
          l[field] === undefined ? [] : [{ indicator: ind.id, state: l.state, field, value: l[field] * factor }],
        ),
      );
    };
    const lower = scaled(1 - SWING.threshold);
    if (lower.length === 0) continue;
    // Lower thresholds make a state easier to reach: that end is `low` (the range's lower end), whatever it does.
    swings.push({
      kind: 'threshold',
      indicator: ind.id,
      low: measure({ thresholds: lower }),
      high: measure({ thresholds: scaled(1 + SWING.threshold) }),
    });
  }

  swings.sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low));
  return { hypothesis: lead.id, base: lead.probability, swings, runs };
}
