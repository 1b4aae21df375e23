// What the Explanation and Roll-up views derive from one assessment: each indicator's diagnosticity, the H0 column, and
// the roll-up of evidence from indicators to domains to the theatre. Pure, so the numbers are tested by hand.
import type { AssessmentView, IndicatorView } from './api-types.js';

/** States in which an indicator says nothing about the day (as in src/analysis/knowledge-state.ts). */
const NOT_REPORTING = new Set(['no-coverage', 'stale', 'missing', 'insufficient-data']);

export const isReporting = (i: Pick<IndicatorView, 'state'>) => !NOT_REPORTING.has(i.state);

/**
 * Diagnosticity of the state an indicator reads (ACH): how far its evidence tells the hypotheses apart, as the spread
 * of its log likelihood ratios across every hypothesis with the baseline at 0 (max − min), before evidence grouping.
 * 0: the evidence fits every hypothesis alike. Undefined when the indicator is not reporting: nothing is known, which
 * is not the same as evidence that discriminates nothing.
 */
export function diagnosticity(i: IndicatorView, nonBaseline: readonly string[]): number | undefined {
  if (!isReporting(i)) return undefined;
  const xs = [0, ...nonBaseline.map((h) => i.logLr[h] ?? 0)];
  return Math.max(...xs) - Math.min(...xs);
}

/**
 * The baseline (H0) column: what the indicator says for the routine hypothesis against all the others together, the
 * negative of its net contribution (log of the prior-weighted mean likelihood ratio over the non-baseline hypotheses).
 */
export const baselineCell = (i: IndicatorView): number => (i.contribution === 0 ? 0 : -i.contribution);

export interface DomainRollup {
  domain: string;
  /** Sum of the net contributions of its reporting indicators; undefined when none reports (nothing known, not 0). */
  net: number | undefined;
  /** Per non-baseline hypothesis, the sum of its indicators' contributions after grouping. */
  byHypothesis: Record<string, number>;
  indicators: IndicatorView[];
  reporting: number;
}

export interface Rollup {
  domains: DomainRollup[];
  /** The theatre: every domain together (the log-odds P(event) is computed from). */
  net: number;
  byHypothesis: Record<string, number>;
  /** The domain that pushes most towards a non-routine course of action, or holds it down most when none pushes. */
  driver: { domain: string; net: number; pushes: boolean } | undefined;
}

/** Domains sorted by net contribution, largest first; domains with nothing known last. */
export function rollUp(a: Pick<AssessmentView, 'indicators'>, nonBaseline: readonly string[]): Rollup {
  const byDomain = new Map<string, IndicatorView[]>();
  for (const i of a.indicators) byDomain.set(i.domain, [...(byDomain.get(i.domain) ?? []), i]);
  const domains: DomainRollup[] = [...byDomain].map(([domain, indicators]) => {
    const reporting = indicators.filter(isReporting);
    const byHypothesis = Object.fromEntries(
      nonBaseline.map((h) => [h, reporting.reduce((s, i) => s + (i.contributions[h] ?? 0), 0)]),
    );
    return {
      domain,
      net: reporting.length ? reporting.reduce((s, i) => s + i.contribution, 0) : undefined,
      byHypothesis,
      indicators: [...indicators].sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution)),
      reporting: reporting.length,
    };
  });
  domains.sort((x, y) => (y.net ?? -Infinity) - (x.net ?? -Infinity) || x.domain.localeCompare(y.domain));
  const known = domains.filter((d) => d.net !== undefined && d.net !== 0) as (DomainRollup & { net: number })[];
  const top = known[0];
  const bottom = known.at(-1);
  const driver =
    top && top.net > 0
      ? { domain: top.domain, net: top.net, pushes: true }
      : bottom
        ? { domain: bottom.domain, net: bottom.net, pushes: false }
        : undefined;
  return {
    domains,
    net: domains.reduce((s, d) => s + (d.net ?? 0), 0),
    byHypothesis: Object.fromEntries(
      nonBaseline.map((h) => [h, domains.reduce((s, d) => s + (d.byHypothesis[h] ?? 0), 0)]),
    ),
    driver,
  };
}
