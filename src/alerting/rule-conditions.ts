// What each rule kind sees as active right now: one candidate per label set, with its summary and explanation.
import { LEVEL_NAMES, type Assessment } from '../model/index.js';
import type { Bilingual, PackNames } from '../packs/pack-languages.js';
import type { SeriesSummary } from '../storage/store.js';
import type { AlertExplanation } from './alert.js';
import { explainAssessment, pct } from './alert-explanation.js';
import {
  explanationText,
  hypothesisSummary,
  indicatorSummary,
  levelChangeSummary,
  levelSummary,
  receiverFailingSummary,
  RECEIVER_FAILING_DESCRIPTION,
  sourceSilentSummary,
  SOURCE_SILENT_DESCRIPTION,
} from './alert-text.js';
import type { AlertRule } from './alerting-config.js';
import type { Labels } from './labels.js';

/** A receiver with undelivered notifications, as the outbox reports it. */
export interface ReceiverHealth {
  receiver: string;
  /** Attempts made on its oldest undelivered notification. */
  attempts: number;
  pendingSince: string;
  lastError: string | null;
}

/** Everything rule evaluation reads; all of it passed in (no I/O, no clock). */
export interface EvaluationInput {
  theatre: string;
  /**
   * What alert texts call the theatre, indicators, hypotheses and series, in both languages, and the zone their days
   * are in (`packNames(pack)`). Absent (tests): ids and the assessment's own names, days in UTC.
   */
  names?: PackNames;
  /** The assessment being judged (absent: assessment rules are not evaluated this time). */
  assessment?: Assessment;
  /** The previous day's assessment, for "from what to what". */
  previous?: Assessment;
  /** Point-in-time series summaries for source-health rules (absent: not evaluated this time). */
  series?: readonly SeriesSummary[];
  /** Outbox health per receiver for receiver-health rules (absent: not evaluated this time). */
  receivers?: readonly ReceiverHealth[];
}

export interface ActiveCandidate {
  labels: Labels;
  annotations: Record<string, string>;
  explanation: AlertExplanation | null;
  value: number | null;
}

/** True when the input carries what the rule reads; a rule without its input is not evaluated (its alerts carry over). */
export function canEvaluate(rule: AlertRule, input: EvaluationInput): boolean {
  if (rule.kind === 'source-health') return input.series !== undefined;
  if (rule.kind === 'receiver-health') return input.receivers !== undefined;
  return input.assessment !== undefined;
}

export function activeCandidates(rule: AlertRule, input: EvaluationInput, nowMs: number): ActiveCandidate[] {
  const base = { alertname: rule.name, theatre: input.theatre, kind: rule.kind, ...rule.labels };
  const a = input.assessment;
  const p = input.previous;
  const names = input.names ?? fallbackNames(input);
  const candidate = (
    labels: Labels,
    summary: Bilingual,
    explanation: AlertExplanation | null,
    value: number | null,
    description?: Bilingual,
  ): ActiveCandidate => {
    const annotations: Record<string, string> = { ...rule.annotations, summary: summary.en, summary_zh: summary.zh };
    const text = description ?? (explanation ? explanationText(names, explanation) : undefined);
    if (text) Object.assign(annotations, { description: text.en, description_zh: text.zh });
    return { labels, annotations, explanation, value };
  };
  switch (rule.kind) {
    case 'level': {
      if (!a || a.level < rule.atLeast) return [];
      const explanation = explainAssessment(a, p);
      return [candidate(base, levelSummary(names, a.day, a.level, p?.level), explanation, a.level)];
    }
    case 'level-change': {
      if (!a || !p || a.level === p.level) return [];
      const up = a.level > p.level;
      if ((rule.direction === 'up' && !up) || (rule.direction === 'down' && up)) return [];
      const explanation = explainAssessment(a, p);
      const labels = { ...base, to_level: LEVEL_NAMES[a.level] };
      return [candidate(labels, levelChangeSummary(names, a.day, p.level, a.level), explanation, a.level)];
    }
    case 'hypothesis': {
      const h = a?.hypotheses.find((x) => x.id === rule.hypothesis);
      if (!a || !h) return [];
      const holds = rule.above !== undefined ? h.probability >= rule.above : h.probability < rule.below!;
      if (!holds) return [];
      const explanation = explainAssessment(a, p, { hypothesis: h.id });
      const threshold = rule.above !== undefined ? `≥ ${pct(rule.above)}` : `< ${pct(rule.below!)}`;
      return [
        candidate(
          { ...base, hypothesis: h.id },
          hypothesisSummary(names, a.day, explanation.moved!, threshold),
          explanation,
          h.probability,
        ),
      ];
    }
    case 'indicator': {
      if (!a) return [];
      return a.indicators
        .filter((i) => rule.indicators.includes(i.id) && rule.states.includes(i.state))
        .map((i) => {
          const explanation = explainAssessment(a, p, { indicator: i.id });
          const summary = indicatorSummary(names, i, i.dataDay ?? a.day);
          return candidate({ ...base, indicator: i.id, domain: i.domain }, summary, explanation, i.value);
        });
    }
    case 'source-health':
      return staleSeries(rule, input.series ?? [], nowMs).map(({ series, summary, silentMs }) => {
        const text = sourceSilentSummary(names, series, Math.max(0, silentMs), summary.lastPublishedAt, rule.cadenceMs);
        // The series id stays a label: silences, routes and `--json` readers match on it.
        return candidate({ ...base, series }, text, null, silentMs, SOURCE_SILENT_DESCRIPTION);
      });
    case 'receiver-health':
      return (input.receivers ?? [])
        .filter((r) => r.attempts >= rule.afterAttempts)
        .map((r) => {
          const c = candidate(
            { ...base, receiver: r.receiver },
            receiverFailingSummary(names, r.receiver, r.attempts, r.pendingSince),
            null,
            r.attempts,
            RECEIVER_FAILING_DESCRIPTION,
          );
          if (r.lastError) c.annotations.last_error = r.lastError;
          return c;
        });
  }
}

/** Names from the input alone, for callers without a pack (tests): ids and the assessment's names, days in UTC. */
function fallbackNames(input: EvaluationInput): PackNames {
  const a = input.assessment;
  const same = (x: string): Bilingual => ({ en: x, zh: x });
  return {
    theatre: same(input.theatre),
    timeZone: 'UTC',
    indicator: (id) => same(a?.indicators.find((i) => i.id === id)?.name ?? id),
    hypothesis: (id) => same(a?.hypotheses.find((h) => h.id === id)?.name ?? id),
    domain: same,
    series: same,
  };
}

interface StaleSeries {
  series: string;
  summary: SeriesSummary;
  silentMs: number;
}

function staleSeries(
  rule: Extract<AlertRule, { kind: 'source-health' }>,
  series: readonly SeriesSummary[],
  nowMs: number,
): StaleSeries[] {
  const byName = new Map(series.map((s) => [s.series, s]));
  const names = new Set(rule.series);
  if (rule.seriesPrefix !== undefined)
    for (const s of series) if (s.series.startsWith(rule.seriesPrefix)) names.add(s.series);
  const out: StaleSeries[] = [];
  for (const name of [...names].sort()) {
    const summary = byName.get(name);
    const silentMs = summary ? nowMs - Date.parse(summary.lastPublishedAt) : 0;
    // A series with no publication yet has no cadence to miss (`vigil rules check` warns about listed series the store lacks).
    if (summary !== undefined && silentMs > rule.staleAfterMs) out.push({ series: name, summary, silentMs });
  }
  return out;
}
