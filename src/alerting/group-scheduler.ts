// The group → notify stages: alerts into route groups, group wait/interval/repeat, digests and quiet hours, escalation.
import type { Alert } from './alert.js';
import type { AlertGroup } from './alert-group.js';
import type { AlertingConfig, RouteNode } from './alerting-config.js';
import { checklist, type Acknowledgement, type PlaybookTick } from './acknowledgement.js';
import { fingerprint, shortHash, type Labels } from './labels.js';
import { commonLabels, type Notification, type NotificationMode, type NotifiedAlert } from './notification.js';
import { nextDigestSlot, quietUntil } from './quiet-hours.js';
import { findRoute, groupLabels, matchRoutes } from './route-tree.js';

export interface ScheduleInput {
  config: AlertingConfig;
  groups: readonly AlertGroup[];
  /** Current records of firing alerts and of every alert a group has told about. */
  alerts: readonly Alert[];
  /** Silenced or inhibited alert ids: left out as if absent. */
  suppressed: ReadonlySet<string>;
  acks: ReadonlyMap<string, Acknowledgement>;
  ticks: ReadonlyMap<string, readonly PlaybookTick[]>;
  now: string;
}

export interface ScheduleResult {
  groups: AlertGroup[];
  deletedGroups: string[];
  notifications: Notification[];
}

interface Members {
  route: RouteNode;
  labels: Labels;
  firing: Alert[];
  resolved: Alert[];
}

export function scheduleNotifications(input: ScheduleInput): ScheduleResult {
  const { config, now } = input;
  const members = collectMembers(input);
  const existing = new Map(input.groups.map((g) => [g.key, g]));
  const out: ScheduleResult = { groups: [], deletedGroups: [], notifications: [] };
  for (const key of new Set([...existing.keys(), ...members.keys()])) {
    const m = members.get(key);
    const prev = existing.get(key);
    const route = m?.route ?? (prev ? findRoute(config.route, prev.routeId) : undefined);
    if (!route || (!m && prev)) {
      // The route is gone from the configuration, or nothing the group told about is left to report.
      if (prev) out.deletedGroups.push(key);
      continue;
    }
    const group = prev ?? newGroup(key, route, m!.labels, now);
    const next = advanceGroup(group, route, m!, input, out.notifications);
    if (next) out.groups.push(next);
    else if (prev) out.deletedGroups.push(key);
  }
  return out;
}

function collectMembers(input: ScheduleInput): Map<string, Members> {
  const members = new Map<string, Members>();
  const entry = (route: RouteNode, labels: Labels) => {
    const key = `${route.id}|${fingerprint(labels)}`;
    let m = members.get(key);
    if (!m) members.set(key, (m = { route, labels, firing: [], resolved: [] }));
    return m;
  };
  const byId = new Map(input.alerts.map((a) => [a.id, a]));
  for (const alert of input.alerts) {
    if (alert.status !== 'firing' || input.suppressed.has(alert.id)) continue;
    for (const route of matchRoutes(input.config.route, alert.labels))
      entry(route, groupLabels(route, alert.labels)).firing.push(alert);
  }
  for (const group of input.groups) {
    const route = findRoute(input.config.route, group.routeId);
    if (!route) continue;
    for (const id of Object.keys(group.notified)) {
      const alert = byId.get(id);
      if (alert && alert.status === 'resolved' && !input.suppressed.has(id))
        entry(route, group.labels).resolved.push(alert);
    }
  }
  return members;
}

function newGroup(key: string, route: RouteNode, labels: Labels, now: string): AlertGroup {
  return {
    key,
    routeId: route.id,
    labels,
    createdAt: now,
    nextFlushAt: null,
    nextFlushMode: null,
    lastFlushAt: null,
    notified: {},
    escalationStep: 0,
    escalationSince: null,
  };
}

/** Returns the group's next state (null: the group is finished), appending any notifications it sends now. */
function advanceGroup(
  prev: AlertGroup,
  route: RouteNode,
  m: Members,
  input: ScheduleInput,
  sent: Notification[],
): AlertGroup | null {
  const nowMs = Date.parse(input.now);
  const g: AlertGroup = { ...prev, notified: { ...prev.notified } };
  const realtime = isRealtime(route, m.firing.length > 0 ? m.firing : m.resolved);
  const hasNews = m.firing.some((a) => !g.notified[a.id]) || m.resolved.length > 0;
  if (hasNews && g.nextFlushMode !== 'news') {
    const base =
      g.lastFlushAt === null
        ? Date.parse(g.createdAt) + route.groupWaitMs
        : Math.max(nowMs, Date.parse(g.lastFlushAt) + route.groupIntervalMs);
    g.nextFlushAt = iso(holdBack(route, realtime, base));
    g.nextFlushMode = 'news';
  } else if (
    !hasNews &&
    m.firing.length > 0 &&
    g.lastFlushAt !== null &&
    g.nextFlushAt === null &&
    nowMs >= Date.parse(g.lastFlushAt) + route.repeatIntervalMs
  ) {
    g.nextFlushAt = iso(holdBack(route, realtime, nowMs));
    g.nextFlushMode = 'repeat';
  }
  // Alerts that went away without resolving (silenced, inhibited) leave the group quietly.
  for (const id of Object.keys(g.notified))
    if (!m.firing.some((a) => a.id === id) && !m.resolved.some((a) => a.id === id)) delete g.notified[id];

  if (g.nextFlushAt !== null && Date.parse(g.nextFlushAt) <= nowMs) {
    const mode: NotificationMode =
      g.nextFlushMode === 'repeat' ? 'repeat' : !realtime && route.digestIntervalMs !== null ? 'digest' : 'realtime';
    const receivers = [...new Set([route.receiver, ...route.escalation.slice(0, g.escalationStep)])];
    sent.push(buildNotification(g, route, receivers, mode, null, [...m.firing, ...m.resolved], input));
    g.notified = Object.fromEntries(m.firing.map((a) => [a.id, 'firing' as const]));
    g.lastFlushAt = input.now;
    g.nextFlushAt = null;
    g.nextFlushMode = null;
  }
  escalate(g, route, m, input, sent);
  if (m.firing.length === 0 && g.nextFlushAt === null) return null;
  return g;
}

/** While notified alerts stay unacknowledged, each escalate_after brings in the next receiver of the chain. */
function escalate(g: AlertGroup, route: RouteNode, m: Members, input: ScheduleInput, sent: Notification[]): void {
  const unacked = m.firing.filter((a) => g.notified[a.id] && !input.acks.has(a.id));
  if (unacked.length === 0) {
    g.escalationSince = null;
    return;
  }
  if (g.escalationSince === null) {
    g.escalationSince = g.lastFlushAt ?? input.now;
    return;
  }
  if (route.escalateAfterMs === null || g.escalationStep >= route.escalation.length) return;
  if (Date.parse(input.now) - Date.parse(g.escalationSince) < route.escalateAfterMs) return;
  const receiver = route.escalation[g.escalationStep];
  g.escalationStep += 1;
  g.escalationSince = input.now;
  sent.push(
    buildNotification(
      g,
      route,
      [receiver],
      'escalation',
      { step: g.escalationStep, of: route.escalation.length },
      m.firing.filter((a) => g.notified[a.id]),
      input,
    ),
  );
}

function isRealtime(route: RouteNode, alerts: readonly Alert[]): boolean {
  return (
    route.realtimeSeverities !== null && alerts.some((a) => route.realtimeSeverities!.includes(a.labels.severity ?? ''))
  );
}

/** Non-realtime notifications wait for the next digest slot and for the end of quiet hours. */
function holdBack(route: RouteNode, realtime: boolean, ms: number): number {
  if (realtime) return ms;
  let t = ms;
  for (let i = 0; i < 8; i++) {
    if (route.digestIntervalMs !== null) t = nextDigestSlot(route.digestIntervalMs, route.timeZone, t);
    const quiet = quietUntil(route.quietHours, route.timeZone, t);
    if (quiet === null) return t;
    t = quiet;
  }
  return t;
}

function buildNotification(
  g: AlertGroup,
  route: RouteNode,
  receivers: string[],
  mode: NotificationMode,
  escalation: Notification['escalation'],
  alerts: Alert[],
  input: ScheduleInput,
): Notification {
  const snapshot = alerts.map((a) => notifiedAlert(a, route, input));
  return {
    id: shortHash(`${g.key}|${input.now}|${mode}|${receivers.join(',')}`),
    groupKey: g.key,
    routeId: route.id,
    groupLabels: g.labels,
    commonLabels: commonLabels(alerts),
    receivers,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    mode,
    escalation,
    alerts: snapshot,
    createdAt: input.now,
  };
}

function notifiedAlert(a: Alert, route: RouteNode, input: ScheduleInput): NotifiedAlert {
  const ack = input.acks.get(a.id);
  const playbookId = a.playbook ?? route.playbook ?? null;
  const playbook = playbookId === null ? undefined : input.config.playbooks[playbookId];
  return {
    id: a.id,
    fingerprint: a.fingerprint,
    status: a.status,
    labels: a.labels,
    annotations: a.annotations,
    explanation: a.explanation,
    startsAt: a.activeAt,
    firedAt: a.firedAt,
    endsAt: a.resolvedAt,
    acknowledged: ack ? { by: ack.by, at: ack.at, comment: ack.comment } : null,
    playbook: playbook && playbookId ? checklist(playbookId, playbook, input.ticks.get(a.id) ?? []) : null,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
