// What each rule kind sees as active right now: one candidate per label set, with its summary and explanation.
import { LEVEL_NAMES, type Assessment, type WarningLevel } from '../model/index.js';
import type { SeriesSummary } from '../storage/store.js';
import type { AlertExplanation } from './alert.js';
import { describeMove, explainAssessment, pct } from './alert-explanation.js';
import type { AlertRule } from './alerting-config.js';
import { formatDuration } from './duration.js';
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
  switch (rule.kind) {
    case 'level': {
      if (!a || a.level < rule.atLeast) return [];
      const was = p ? ` (previous day ${levelName(p.level)})` : '';
      const explanation = explainAssessment(a, p);
      return [
        candidate(base, `${input.theatre} at ${levelName(a.level)} on ${a.day}${was}`, explanation, a.level, rule),
      ];
    }
    case 'level-change': {
      if (!a || !p || a.level === p.level) return [];
      const up = a.level > p.level;
      if ((rule.direction === 'up' && !up) || (rule.direction === 'down' && up)) return [];
      const explanation = explainAssessment(a, p);
      const labels = { ...base, to_level: LEVEL_NAMES[a.level] };
      return [
        candidate(
          labels,
          `${input.theatre} level ${up ? 'rose' : 'fell'} ${levelName(p.level)} → ${levelName(a.level)} on ${a.day}`,
          explanation,
          a.level,
          rule,
        ),
      ];
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
          `${describeMove(explanation.moved!)} (threshold ${threshold}) on ${a.day}`,
          explanation,
          h.probability,
          rule,
        ),
      ];
    }
    case 'indicator': {
      if (!a) return [];
      return a.indicators
        .filter((i) => rule.indicators.includes(i.id) && rule.states.includes(i.state))
        .map((i) => {
          const explanation = explainAssessment(a, p, { indicator: i.id });
          const baseline = i.baseline === null ? '' : ` (baseline ${fmt(i.baseline)})`;
          const summary = `${i.name} is ${i.state}: ${fmt(i.value)}${baseline} on ${i.dataDay ?? a.day}`;
          return candidate({ ...base, indicator: i.id, domain: i.domain }, summary, explanation, i.value, rule);
        });
    }
    case 'source-health':
      return staleSeries(rule, input.series ?? [], nowMs).map(({ series, summary, silentMs }) => {
        const text = `${series} silent for ${formatDuration(Math.max(0, silentMs))} (last published ${summary.lastPublishedAt}; expected every ${formatDuration(rule.cadenceMs)})`;
        const c = candidate({ ...base, series }, text, null, silentMs, rule);
        c.annotations.description =
          'A silent feed is a broken feed, not a quiet strait: indicators reading it are stale until it publishes again.';
        return c;
      });
    case 'receiver-health':
      return (input.receivers ?? [])
        .filter((r) => r.attempts >= rule.afterAttempts)
        .map((r) => {
          const c = candidate(
            { ...base, receiver: r.receiver },
            `receiver ${r.receiver} failing: ${r.attempts} attempts since ${r.pendingSince}`,
            null,
            r.attempts,
            rule,
          );
          if (r.lastError) c.annotations.last_error = r.lastError;
          c.annotations.description =
            'Notifications to this receiver stay in the outbox and are retried with backoff; other receivers are not held up.';
          return c;
        });
  }
}

function candidate(
  labels: Labels,
  summary: string,
  explanation: AlertExplanation | null,
  value: number | null,
  rule: AlertRule,
): ActiveCandidate {
  const annotations: Record<string, string> = { ...rule.annotations, summary };
  if (explanation) annotations.description = describeExplanation(explanation);
  return { labels, annotations, explanation, value };
}

/** One paragraph naming the level, the hypothesis that moved and the top evidence. */
export function describeExplanation(e: AlertExplanation): string {
  const parts = [
    `Level ${e.level.from === null ? '' : `${levelName(e.level.from)} → `}${levelName(e.level.to)} as of ${e.asOf}.`,
  ];
  if (e.moved) parts.push(`${describeMove(e.moved)}.`);
  if (e.evidence.length > 0) {
    parts.push(
      `Evidence: ${e.evidence.map((x) => `${x.name} ${x.state}${x.value === null ? '' : ` ${fmt(x.value)}`} (${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)} log-odds)`).join('; ')}.`,
    );
  }
  return parts.join(' ');
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

const levelName = (level: number) => `${LEVEL_NAMES[level as WarningLevel]} (${level})`;
const fmt = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(1));
