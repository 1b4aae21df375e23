// The alerting tables as Kysely sees them, and how their rows map to alerting records (JSON columns as text, instants
// as canonical ISO text, whose string order is time order). seq and time_to_ack_ms come back as strings from
// PostgreSQL (BIGINT) and as numbers from SQLite, hence the Number() calls.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { Alert, AlertStatus } from '../alert.js';
import type { Acknowledgement, PlaybookTick } from '../acknowledgement.js';
import type { LoggedNotification, LoggedTransition, OutboxEntry } from '../alert-store.js';
import type { Notification } from '../notification.js';
import type { ReceiverHealth } from '../rule-conditions.js';
import type { Silence } from '../silences.js';

type Seq = Generated<number | string>;

export interface AlertingTables {
  alerting_alerts: {
    id: string;
    fingerprint: string;
    rule: string;
    labels: string;
    annotations: string;
    explanation: string | null;
    playbook: string | null;
    status: string;
    active_at: string;
    fired_at: string | null;
    last_active_at: string;
    resolved_at: string | null;
    value: number | null;
  };
  alerting_transitions: {
    seq: Seq;
    alert_id: string;
    fingerprint: string;
    rule: string;
    from_status: string;
    to_status: string;
    at: string;
  };
  alerting_groups: { group_key: string; state: string };
  alerting_silences: {
    id: string;
    matchers: string;
    starts_at: string;
    ends_at: string;
    created_by: string;
    comment: string;
    created_at: string;
    expired_at: string | null;
  };
  alerting_acks: {
    alert_id: string;
    acked_by: string;
    comment: string;
    at: string;
    time_to_ack_ms: number | string | null;
  };
  alerting_playbook_ticks: { alert_id: string; playbook: string; step: string; ticked_by: string; at: string };
  alerting_notifications: { seq: Seq; id: string; group_key: string; payload: string; created_at: string };
  alerting_outbox: {
    id: string;
    notification_id: string;
    receiver: string;
    status: string;
    attempts: Generated<number>;
    next_attempt_at: string;
    leased_until: string | null;
    last_error: string | null;
    first_failed_at: string | null;
    created_at: string;
    delivered_at: string | null;
  };
  alerting_meta: { meta_key: string; value: string };
}

type Row<T extends keyof AlertingTables> = Selectable<AlertingTables[T]>;

/** The columns every alert query selects (all of them). */
export const ALERT_COLUMNS = [
  'id',
  'fingerprint',
  'rule',
  'labels',
  'annotations',
  'explanation',
  'playbook',
  'status',
  'active_at',
  'fired_at',
  'last_active_at',
  'resolved_at',
  'value',
] as const;

export function alertRow(a: Alert): Insertable<AlertingTables['alerting_alerts']> {
  return {
    id: a.id,
    fingerprint: a.fingerprint,
    rule: a.rule,
    labels: JSON.stringify(a.labels),
    annotations: JSON.stringify(a.annotations),
    explanation: a.explanation === null ? null : JSON.stringify(a.explanation),
    playbook: a.playbook,
    status: a.status,
    active_at: a.activeAt,
    fired_at: a.firedAt,
    last_active_at: a.lastActiveAt,
    resolved_at: a.resolvedAt,
    value: a.value,
  };
}

export function rowToAlert(r: Row<'alerting_alerts'>): Alert {
  return {
    id: r.id,
    fingerprint: r.fingerprint,
    rule: r.rule,
    labels: JSON.parse(r.labels),
    annotations: JSON.parse(r.annotations),
    explanation: r.explanation === null ? null : JSON.parse(r.explanation),
    playbook: r.playbook,
    status: r.status as AlertStatus,
    activeAt: r.active_at,
    firedAt: r.fired_at,
    lastActiveAt: r.last_active_at,
    resolvedAt: r.resolved_at,
    value: r.value,
  };
}

export function rowToSilence(r: Row<'alerting_silences'>): Silence {
  return {
    id: r.id,
    matchers: JSON.parse(r.matchers),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    createdBy: r.created_by,
    comment: r.comment,
    createdAt: r.created_at,
    expiredAt: r.expired_at,
  };
}

export function rowToAck(r: Row<'alerting_acks'>): Acknowledgement {
  return {
    alertId: r.alert_id,
    by: r.acked_by,
    comment: r.comment,
    at: r.at,
    timeToAckMs: r.time_to_ack_ms === null ? null : Number(r.time_to_ack_ms),
  };
}

export function rowToTick(r: Row<'alerting_playbook_ticks'>): PlaybookTick {
  return { alertId: r.alert_id, playbook: r.playbook, step: r.step, by: r.ticked_by, at: r.at };
}

/** An outbox row with its notification's payload. */
export type OutboxRow = Omit<Row<'alerting_outbox'>, 'first_failed_at'> & { payload: string };

export function rowToOutbox(r: OutboxRow): OutboxEntry {
  return {
    id: r.id,
    notificationId: r.notification_id,
    receiver: r.receiver,
    notification: JSON.parse(r.payload) as Notification,
    status: r.status as OutboxEntry['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    leasedUntil: r.leased_until,
    lastError: r.last_error,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  };
}

export function rowToTransition(r: Row<'alerting_transitions'>): LoggedTransition {
  return {
    seq: Number(r.seq),
    alertId: r.alert_id,
    fingerprint: r.fingerprint,
    rule: r.rule,
    from: r.from_status as LoggedTransition['from'],
    to: r.to_status as LoggedTransition['to'],
    at: r.at,
  };
}

export function rowToLoggedNotification(r: { seq: number | string; payload: string }): LoggedNotification {
  return { ...(JSON.parse(r.payload) as Notification), seq: Number(r.seq) };
}

export interface ReceiverHealthRow {
  receiver: string;
  attempts: number;
  created_at: string;
  last_error: string | null;
}

/** One entry per receiver: the most attempts on any entry, since its oldest undelivered one. Rows by receiver, attempts descending. */
export function foldReceiverHealth(rows: readonly ReceiverHealthRow[]): ReceiverHealth[] {
  const byReceiver = new Map<string, ReceiverHealth>();
  for (const r of rows) {
    const h = byReceiver.get(r.receiver);
    if (!h)
      byReceiver.set(r.receiver, {
        receiver: r.receiver,
        attempts: Number(r.attempts),
        pendingSince: r.created_at,
        lastError: r.last_error ?? '',
      });
    else if (r.created_at < h.pendingSince) h.pendingSince = r.created_at;
  }
  return [...byReceiver.values()];
}
