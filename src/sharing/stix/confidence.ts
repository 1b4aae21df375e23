// Admiralty grading ↔ STIX `confidence`: the credibility digit through the Admiralty Credibility scale of STIX 2.1 Appendix A.
import type { Credibility } from '../../model/index.js';

/**
 * STIX 2.1 Appendix A ("Admiralty Credibility" scale): 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10, and 6 ("truth cannot be
 * judged") has no confidence value, so the property is left out. Reliability (A–F) grades the source, not the
 * claim, and has no STIX property: it travels in the Vigil observation extension.
 */
const CONFIDENCE_OF_CREDIBILITY: Readonly<Record<Credibility, number | undefined>> = {
  1: 90,
  2: 70,
  3: 50,
  4: 30,
  5: 10,
  6: undefined,
};

export function credibilityToConfidence(credibility: Credibility): number | undefined {
  return CONFIDENCE_OF_CREDIBILITY[credibility];
}

/** The reverse mapping of Appendix A: 80–100 → 1, 60–79 → 2, 40–59 → 3, 20–39 → 4, 0–19 → 5, absent → 6. */
export function confidenceToCredibility(confidence: number | undefined): Credibility {
  if (confidence === undefined) return 6;
  if (confidence >= 80) return 1;
  if (confidence >= 60) return 2;
  if (confidence >= 40) return 3;
  if (confidence >= 20) return 4;
  return 5;
}
