// Admiralty (NATO STANAG 2511) source grading and TLP 2.0 markings carried by every observation.

/** Source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

/** Information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const CREDIBILITIES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITIES)[number];

/** TLP 2.0 markings, from least to most restricted. */
export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export function isReliability(value: unknown): value is Reliability {
  return typeof value === 'string' && (RELIABILITIES as readonly string[]).includes(value);
}

export function isCredibility(value: unknown): value is Credibility {
  return typeof value === 'number' && (CREDIBILITIES as readonly number[]).includes(value);
}

export function isTlp(value: unknown): value is Tlp {
  return typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value);
}

/** Rank of a TLP marking: 0 for clear up to 4 for red; used for "at most" comparisons. */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp);
}

/**
 * Weight in [0, 1] given to a graded observation in the assessment. Official reports graded A1 weigh 1;
 * lower grades scale evidence down multiplicatively. The table is a documented judgement (docs/packs.md),
 * not a fitted quantity.
 */
export function gradingWeight(reliability: Reliability, credibility: Credibility): number {
  const r = { A: 1, B: 0.85, C: 0.65, D: 0.4, E: 0.15, F: 0.5 }[reliability];
  const c = { 1: 1, 2: 0.85, 3: 0.65, 4: 0.4, 5: 0.15, 6: 0.5 }[credibility];
  return r * c;
}
