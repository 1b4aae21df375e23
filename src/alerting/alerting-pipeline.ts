// One alerting cycle as composable pure stages: evaluate → dedup → inhibit → silence → route and group → notify.
import type { Alert, AlertTransition } from './alert.js';
import type { AlertGroup } from './alert-group.js';
import type { AlertingConfig } from './alerting-config.js';
import type { Acknowledgement, PlaybookTick } from './acknowledgement.js';
import { scheduleNotifications } from './group-scheduler.js';
import { inhibitedAlerts } from './inhibition.js';
import type { Notification } from './notification.js';
import type { EvaluationInput } from './rule-conditions.js';
import { evaluateRules } from './rule-evaluation.js';
import { silencedAlerts, type Silence } from './silences.js';

/** What a cycle reads from the alert store. */
export interface AlertingSnapshot {
  /** Pending and firing alerts, plus every alert an alert group still has to report on. */
  alerts: Alert[];
  groups: AlertGroup[];
  silences: Silence[];
  acks: Acknowledgement[];
  ticks: PlaybookTick[];
}

export interface CycleResult {
  /** Alerts whose record is new or changed (to upsert). */
  alerts: Alert[];
  transitions: AlertTransition[];
  groups: AlertGroup[];
  deletedGroups: string[];
  notifications: Notification[];
  /** Alert id → silence id / inhibiting alert id, for display. */
  silenced: Map<string, string>;
  inhibited: Map<string, string>;
}

export function runAlertingCycle(
  config: AlertingConfig,
  snapshot: AlertingSnapshot,
  input: EvaluationInput,
  now: string,
): CycleResult {
  const evaluated = evaluateRules(config.rules, snapshot.alerts, input, now);
  const alerts = dedupAlerts([...snapshot.alerts, ...evaluated.alerts]);
  const inhibited = inhibitedAlerts(alerts, config.inhibitRules);
  const silenced = silencedAlerts(alerts, snapshot.silences, now);
  const schedule = scheduleNotifications({
    config,
    groups: snapshot.groups,
    alerts,
    suppressed: new Set([...inhibited.keys(), ...silenced.keys()]),
    acks: new Map(snapshot.acks.map((a) => [a.alertId, a])),
    ticks: groupBy(snapshot.ticks, (t) => t.alertId),
    now,
  });
  return {
    alerts: changedAlerts(snapshot.alerts, evaluated.alerts),
    transitions: evaluated.transitions,
    ...schedule,
    silenced,
    inhibited,
  };
}

/** The dedup stage: one record per alert id, the latest winning (evaluation output comes after the stored state). */
export function dedupAlerts(alerts: readonly Alert[]): Alert[] {
  return [...new Map(alerts.map((a) => [a.id, a])).values()];
}

function changedAlerts(before: readonly Alert[], after: readonly Alert[]): Alert[] {
  const old = new Map(before.map((a) => [a.id, JSON.stringify(a)]));
  return after.filter((a) => old.get(a.id) !== JSON.stringify(a));
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
