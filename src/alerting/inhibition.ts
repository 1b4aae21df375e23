// The inhibit stage: a firing source alert (e.g. a theatre at ALERT) mutes the target alerts it covers (the indicator alerts it explains).
import type { Alert } from './alert.js';
import type { InhibitRule } from './alerting-config.js';
import { matchesAll } from './matchers.js';

/** Returns, for each inhibited alert id, the id of a firing alert that inhibits it. Only firing alerts inhibit. */
export function inhibitedAlerts(alerts: readonly Alert[], rules: readonly InhibitRule[]): Map<string, string> {
  const inhibited = new Map<string, string>();
  const firing = alerts.filter((a) => a.status === 'firing');
  for (const rule of rules) {
    const sources = firing.filter((a) => matchesAll(rule.sourceMatchers, a.labels));
    if (sources.length === 0) continue;
    for (const target of alerts) {
      if (inhibited.has(target.id) || !matchesAll(rule.targetMatchers, target.labels)) continue;
      const source = sources.find((s) => s.fingerprint !== target.fingerprint && covers(rule, s, target));
      if (source) inhibited.set(target.id, source.id);
    }
  }
  return inhibited;
}

function covers(rule: InhibitRule, source: Alert, target: Alert): boolean {
  if (!rule.equal.every((name) => (source.labels[name] ?? '') === (target.labels[name] ?? ''))) return false;
  if (!rule.explained) return true;
  const indicator = target.labels.indicator;
  return indicator !== undefined && (source.explanation?.evidence.some((e) => e.indicator === indicator) ?? false);
}
