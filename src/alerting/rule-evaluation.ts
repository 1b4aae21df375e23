// Pure rule evaluation: (rules, previous alert state, input, now) → the new alert state and its transitions.
import type { Alert, AlertTransition } from './alert.js';
import type { AlertRule } from './alerting-config.js';
import { alertInstanceId, fingerprint, sortedLabels } from './labels.js';
import { activeCandidates, canEvaluate, type EvaluationInput } from './rule-conditions.js';

export interface EvaluationResult {
  /** Every alert still pending or firing, plus those that resolved or went inactive in this evaluation. */
  alerts: Alert[];
  transitions: AlertTransition[];
}

/**
 * `previous` is the active set (pending and firing alerts) from the last evaluation. A pending alert fires once its
 * condition has held for the rule's `for`; a firing alert resolves once its condition has not held for
 * `keep_firing_for`. A pending alert whose condition stops holding goes `inactive` and is never notified. A rule
 * whose input is absent (no assessment, no series list) is skipped and its alerts carry over unchanged.
 */
export function evaluateRules(
  rules: readonly AlertRule[],
  previous: readonly Alert[],
  input: EvaluationInput,
  now: string,
): EvaluationResult {
  const nowMs = Date.parse(now);
  const alerts: Alert[] = [];
  const transitions: AlertTransition[] = [];
  const seen = new Set<string>();
  const before = new Map(
    previous.filter((a) => a.status === 'pending' || a.status === 'firing').map((a) => [a.fingerprint, a]),
  );
  const move = (alert: Alert, from: AlertTransition['from']) => {
    if (from !== alert.status)
      transitions.push({
        alertId: alert.id,
        fingerprint: alert.fingerprint,
        rule: alert.rule,
        from,
        to: alert.status,
        at: now,
      });
  };

  for (const rule of rules) {
    if (!canEvaluate(rule, input)) {
      // Nothing to judge this rule on in this cycle: its alerts stay as they are.
      for (const prev of before.values()) {
        if (prev.rule !== rule.name) continue;
        seen.add(prev.fingerprint);
        alerts.push(prev);
      }
      continue;
    }
    for (const c of activeCandidates(rule, input, nowMs)) {
      const labels = sortedLabels(c.labels);
      const fp = fingerprint(labels);
      if (seen.has(fp)) continue;
      seen.add(fp);
      const prev = before.get(fp);
      if (prev === undefined) {
        const fires = rule.forMs === 0;
        const alert: Alert = {
          id: alertInstanceId(fp, now),
          fingerprint: fp,
          rule: rule.name,
          labels,
          annotations: c.annotations,
          explanation: c.explanation,
          playbook: rule.playbook ?? null,
          status: fires ? 'firing' : 'pending',
          activeAt: now,
          firedAt: fires ? now : null,
          lastActiveAt: now,
          resolvedAt: null,
          value: c.value,
        };
        alerts.push(alert);
        move(alert, 'new');
        continue;
      }
      const fires = prev.status === 'firing' || nowMs - Date.parse(prev.activeAt) >= rule.forMs;
      // A firing alert keeps the explanation it fired with: that is what the notification said and why it fired.
      const alert: Alert = {
        ...prev,
        ...(prev.status === 'pending' ? { annotations: c.annotations, explanation: c.explanation } : {}),
        status: fires ? 'firing' : 'pending',
        firedAt: prev.firedAt ?? (fires ? now : null),
        lastActiveAt: now,
        value: c.value,
      };
      alerts.push(alert);
      move(alert, prev.status);
    }
  }

  const keepFor = new Map(rules.map((r) => [r.name, r.keepFiringForMs]));
  for (const prev of before.values()) {
    if (seen.has(prev.fingerprint)) continue;
    if (prev.status === 'pending') {
      const alert: Alert = { ...prev, status: 'inactive', resolvedAt: now };
      alerts.push(alert);
      move(alert, 'pending');
      continue;
    }
    // A rule that no longer exists resolves its alerts at once.
    const keep = keepFor.get(prev.rule) ?? 0;
    if (nowMs - Date.parse(prev.lastActiveAt) < keep) {
      alerts.push(prev);
      continue;
    }
    const alert: Alert = { ...prev, status: 'resolved', resolvedAt: now };
    alerts.push(alert);
    move(alert, 'firing');
  }
  return { alerts, transitions };
}
