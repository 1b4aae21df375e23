// Builds an alert's explanation from two assessments: which hypothesis moved, from what to what, and the evidence behind it.
import { formatProbability } from '../model/probability-format.js';
import type { Assessment, IndicatorAssessment } from '../model/index.js';
import type { AlertExplanation, EvidenceItem, HypothesisMove } from './alert.js';

export const TOP_EVIDENCE = 3;

/**
 * `focusHypothesis` names the hypothesis a rule is about (else the non-baseline one that moved most is reported);
 * `focusIndicator` puts that indicator first in the evidence.
 */
export function explainAssessment(
  current: Assessment,
  previous: Assessment | undefined,
  focus: { hypothesis?: string; indicator?: string } = {},
): AlertExplanation {
  const before = new Map(previous?.hypotheses.map((h) => [h.id, h.probability]));
  const hypotheses: HypothesisMove[] = current.hypotheses.map((h) => {
    const from = before.get(h.id) ?? null;
    return { id: h.id, name: h.name, from, to: h.probability, delta: from === null ? 0 : h.probability - from };
  });
  const baseline = new Set(current.hypotheses.filter((h) => h.baseline).map((h) => h.id));
  const candidates = hypotheses.filter((h) => !baseline.has(h.id));
  const moved =
    focus.hypothesis !== undefined
      ? (hypotheses.find((h) => h.id === focus.hypothesis) ?? null)
      : ([...candidates].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || b.to - a.to)[0] ?? null);
  return {
    day: current.day,
    asOf: current.asOf,
    level: { from: previous?.level ?? null, to: current.level, name: current.levelName },
    moved,
    hypotheses,
    evidence: topEvidence(current.indicators, focus),
  };
}

/** Indicators that moved the hypothesis in question most (or the net log-odds), strongest first; the focus indicator leads. */
function topEvidence(
  indicators: readonly IndicatorAssessment[],
  focus: { hypothesis?: string; indicator?: string },
): EvidenceItem[] {
  const weight = (i: IndicatorAssessment) =>
    focus.hypothesis !== undefined ? (i.contributions[focus.hypothesis] ?? 0) : i.contribution;
  const ranked = indicators
    .filter((i) => weight(i) !== 0)
    .sort((a, b) => Math.abs(weight(b)) - Math.abs(weight(a)) || a.id.localeCompare(b.id));
  const focused = focus.indicator === undefined ? undefined : indicators.find((i) => i.id === focus.indicator);
  const list = focused ? [focused, ...ranked.filter((i) => i.id !== focused.id)] : ranked;
  return list.slice(0, TOP_EVIDENCE).map((i) => ({
    indicator: i.id,
    name: i.name,
    state: i.state,
    value: i.value,
    baseline: i.baseline,
    dataDay: i.dataDay,
    contribution: round(i.contribution),
    observationIds: i.observationIds,
  }));
}

/** `H1 Major coercive exercise 8.4 % → 45.2 %` */
export function describeMove(m: HypothesisMove): string {
  return m.from === null ? `${m.id} ${m.name} at ${pct(m.to)}` : `${m.id} ${m.name} ${pct(m.from)} → ${pct(m.to)}`;
}

/** Never 0 % or 100 %: see model/probability-format.ts. */
export const pct = (p: number): string => formatProbability(p, true);

const round = (x: number) => Math.round(x * 1e4) / 1e4;
