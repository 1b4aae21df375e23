// Likelihood in words from ONE published yardstick: the US Intelligence Community's ICD 203 (Analytic Standards,
// 2015), section D.6.b.(2)(a), with the numeric range each term stands for. Warnings state a term; the scorecard
// scores the range's midpoint as the stated probability.
import { vigilError } from '../errors/index.js';

export const YARDSTICK = 'ICD 203';

export const LIKELIHOODS = {
  'almost-no-chance': { words: 'almost no chance', alternative: 'remote', low: 0.01, high: 0.05 },
  'very-unlikely': { words: 'very unlikely', alternative: 'highly improbable', low: 0.05, high: 0.2 },
  unlikely: { words: 'unlikely', alternative: 'improbable', low: 0.2, high: 0.45 },
  'roughly-even-chance': { words: 'roughly even chance', alternative: 'roughly even odds', low: 0.45, high: 0.55 },
  likely: { words: 'likely', alternative: 'probable', low: 0.55, high: 0.8 },
  'very-likely': { words: 'very likely', alternative: 'highly probable', low: 0.8, high: 0.95 },
  'almost-certain': { words: 'almost certain', alternative: 'nearly certain', low: 0.95, high: 0.99 },
} as const;

export type Likelihood = keyof typeof LIKELIHOODS;

/** Analytic confidence in the judgement (the basis, not the likelihood). */
export const CONFIDENCES = ['low', 'moderate', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Accepts `very likely`, `very_likely` or `very-likely`, or the ICD 203 alternative (`highly probable`). */
export function parseLikelihood(text: string): Likelihood {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  for (const [id, l] of Object.entries(LIKELIHOODS)) {
    if (key === id || key === l.alternative.replace(/ /g, '-')) return id as Likelihood;
  }
  throw vigilError(
    'VIGIL_UNKNOWN_KIND',
    `invalid --likelihood: ${JSON.stringify(text)} (expected one of the ICD 203 terms: ${Object.keys(LIKELIHOODS).join(', ')})`,
  );
}

export function parseConfidence(text: string): Confidence {
  const c = text.trim().toLowerCase();
  if ((CONFIDENCES as readonly string[]).includes(c)) return c as Confidence;
  throw vigilError(
    'VIGIL_UNKNOWN_KIND',
    `invalid --confidence: ${JSON.stringify(text)} (expected ${CONFIDENCES.join(', ')})`,
  );
}

/** `7d`, `72h` (whole days) or a bare number of days, 1–90. */
export function parseHorizonDays(text: string): number {
  const m = /^\s*(\d+)\s*(d|h)?\s*$/i.exec(text);
  const days = m ? (m[2]?.toLowerCase() === 'h' ? Number(m[1]) / 24 : Number(m[1])) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > 90)
    throw vigilError(
      'VIGIL_INPUT_INVALID',
      `invalid --horizon: ${JSON.stringify(text)} (expected whole days 1–90, e.g. 7d or 72h)`,
    );
  return days;
}

/** The probability the scorecard scores a stated likelihood as: the middle of its range. */
export function likelihoodMidpoint(l: Likelihood): number {
  return (LIKELIHOODS[l].low + LIKELIHOODS[l].high) / 2;
}
