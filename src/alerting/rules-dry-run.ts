// `vigil rules check`'s dry run: replays history day by day through the same rule evaluation, and says when each rule would have fired.
import { packNames } from '../packs/pack-languages.js';
import { replay } from '../backtest/replay.js';
import type { Assessment, Observation } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { SeriesSummary } from '../storage/store.js';
import type { DayNumber } from '../time/zone.js';
import type { Alert } from './alert.js';
import type { AlertingConfig } from './alerting-config.js';
import { evaluateRules } from './rule-evaluation.js';

export interface RuleDryRun {
  rule: string;
  kind: string;
  /** Local days on which an alert of this rule started firing (one entry per alert that fired). */
  fired: {
    day: string;
    labels: Readonly<Record<string, string>>;
    annotations: Readonly<Record<string, string>>;
    /** The alert's id in this replay (not stored anywhere). */
    id: string;
  }[];
  /** Local days on which at least one alert of this rule was firing at the end of the day. */
  firingDays: string[];
}

export interface DryRunResult {
  from: string;
  to: string;
  days: number;
  rules: RuleDryRun[];
  /** The alerts pending or firing at the end of `to`, as the live path would have held them (with explanations). */
  active: Alert[];
}

/**
 * Evaluates every rule at the end of each local day in [from, to] with only what was known then (assessment and
 * source publications), exactly as the live path would have. Receiver-health rules have no history and are skipped.
 */
export function dryRunRules(
  config: AlertingConfig,
  pack: Pack,
  observations: readonly Observation[],
  from: DayNumber,
  to: DayNumber,
): DryRunResult {
  const assessments: Assessment[] = [];
  replay(pack, observations, from - 1, to, { onAssessment: (a) => assessments.push(a) });
  return dryRunOnAssessments(config, pack, assessments, createSeriesHistory(observations));
}

/**
 * The same replay on assessments already made (one per day, the day before the first to judge included) and a
 * history of source publications: lets the API reuse its memoised assessments.
 */
export function dryRunOnAssessments(
  config: AlertingConfig,
  pack: Pack,
  assessments: readonly Assessment[],
  health: { at(ms: number): SeriesSummary[] },
): DryRunResult {
  const rules = config.rules.filter((r) => r.kind !== 'receiver-health');
  const results = new Map(
    rules.map((r): [string, RuleDryRun] => [r.name, { rule: r.name, kind: r.kind, fired: [], firingDays: [] }]),
  );
  let state: Alert[] = [];
  const names = packNames(pack);
  for (let i = 1; i < assessments.length; i++) {
    const a = assessments[i];
    const now = new Date(Date.parse(a.asOf) - 1).toISOString();
    const evaluated = evaluateRules(
      rules,
      state,
      { theatre: pack.id, names, assessment: a, previous: assessments[i - 1], series: health.at(Date.parse(now)) },
      now,
    );
    for (const t of evaluated.transitions) {
      if (t.to !== 'firing') continue;
      const alert = evaluated.alerts.find((x) => x.id === t.alertId)!;
      results
        .get(t.rule)!
        .fired.push({ day: a.day, labels: alert.labels, annotations: alert.annotations, id: alert.id });
    }
    state = evaluated.alerts.filter((x) => x.status === 'pending' || x.status === 'firing');
    for (const rule of new Set(state.filter((x) => x.status === 'firing').map((x) => x.rule)))
      results.get(rule)!.firingDays.push(a.day);
  }
  return {
    from: assessments[1]?.day ?? '',
    to: assessments.at(-1)?.day ?? '',
    days: assessments.length - 1,
    rules: [...results.values()],
    active: state,
  };
}

/** Local days a replay must start before the day it judges so that every rule's `for` and keep-firing window fits. */
export function dryRunWarmupDays(config: AlertingConfig, minimum = 30): number {
  const longest = Math.max(0, ...config.rules.map((r) => r.forMs + r.keepFiringForMs));
  return Math.max(minimum, Math.ceil(longest / 86_400_000) + 2);
}

/** What listSeries would have said at any instant: each series' latest publication at or before it. */
export function createSeriesHistory(observations: readonly Observation[]): { at(ms: number): SeriesSummary[] } {
  const bySeries = new Map<string, number[]>();
  for (const o of observations) {
    let list = bySeries.get(o.series);
    if (!list) bySeries.set(o.series, (list = []));
    list.push(Date.parse(o.publishedAt));
  }
  for (const list of bySeries.values()) list.sort((a, b) => a - b);
  return {
    at(ms) {
      const out: SeriesSummary[] = [];
      for (const [series, times] of bySeries) {
        const n = upperBound(times, ms);
        if (n === 0) continue;
        const last = new Date(times[n - 1]).toISOString();
        out.push({ series, count: n, firstPeriodStart: '', lastPeriodEnd: '', lastPublishedAt: last, sources: [] });
      }
      return out;
    },
  };
}

/** Number of sorted values ≤ x. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts per calendar year: alerts fired and days firing. */
export function countsPerYear(r: RuleDryRun): Map<string, { fired: number; firingDays: number }> {
  const years = new Map<string, { fired: number; firingDays: number }>();
  const get = (day: string) => {
    const y = day.slice(0, 4);
    let c = years.get(y);
    if (!c) years.set(y, (c = { fired: 0, firingDays: 0 }));
    return c;
  };
  for (const f of r.fired) get(f.day).fired += 1;
  for (const d of r.firingDays) get(d).firingDays += 1;
  return years;
}
