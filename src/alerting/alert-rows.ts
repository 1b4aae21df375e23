// Maps alerting records to and from table rows (JSON columns as text, instants as canonical ISO text); shared by the
// SQLite and PostgreSQL alert stores, whose tables have the same columns.
import type { Alert, AlertStatus } from './alert.js';
import type { Acknowledgement, PlaybookTick } from './acknowledgement.js';
import type { LoggedNotification, LoggedTransition, OutboxEntry } from './alert-store.js';
import type { Notification } from './notification.js';
import type { ReceiverHealth } from './rule-conditions.js';
import type { Silence } from './silences.js';

export interface AlertRow {
  id: string; fingerprint: string; rule: string; labels: string; annotations: string; explanation: string | null; playbook: string | null;
  status: string; active_at: string; fired_at: string | null; last_active_at: string; resolved_at: string | null; value: number | null;
}

export const ALERT_COLUMNS = 'id, fingerprint, rule, labels, annotations, explanation, playbook, status, active_at, fired_at, last_active_at, resolved_at, value';

/** The `ON CONFLICT (id) DO UPDATE SET …` list that rewrites every column but the id (same text in both dialects). */
export const ALERT_UPDATE_SET = ALERT_COLUMNS.split(', ').filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');

export function alertParams(a: Alert): unknown[] {
  return [a.id, a.fingerprint, a.rule, JSON.stringify(a.labels), JSON.stringify(a.annotations), a.explanation === null ? null : JSON.stringify(a.explanation),
    a.playbook, a.status, a.activeAt, a.firedAt, a.lastActiveAt, a.resolvedAt, a.value];
}

export function rowToAlert(r: AlertRow): Alert {
  return {
    id: r.id, fingerprint: r.fingerprint, rule: r.rule, labels: JSON.parse(r.labels), annotations: JSON.parse(r.annotations),
    explanation: r.explanation === null ? null : JSON.parse(r.explanation), playbook: r.playbook, status: r.status as AlertStatus,
    activeAt: r.active_at, firedAt: r.fired_at, lastActiveAt: r.last_active_at, resolvedAt: r.resolved_at, value: r.value,
  };
}

export interface SilenceRow {
  id: string; matchers: string; starts_at: string; ends_at: string; created_by: string; comment: string; created_at: string; expired_at: string | null;
}

export function rowToSilence(r: SilenceRow): Silence {
  return {
    id: r.id, matchers: JSON.parse(r.matchers), startsAt: r.starts_at, endsAt: r.ends_at, createdBy: r.created_by, comment: r.comment,
    createdAt: r.created_at, expiredAt: r.expired_at,
  };
}

export interface AckRow { alert_id: string; acked_by: string; comment: string; at: string; time_to_ack_ms: number | null }

export function rowToAck(r: AckRow): Acknowledgement {
  return { alertId: r.alert_id, by: r.acked_by, comment: r.comment, at: r.at, timeToAckMs: r.time_to_ack_ms === null ? null : Number(r.time_to_ack_ms) };
}

export interface TickRow { alert_id: string; playbook: string; step: string; ticked_by: string; at: string }

export function rowToTick(r: TickRow): PlaybookTick {
  return { alertId: r.alert_id, playbook: r.playbook, step: r.step, by: r.ticked_by, at: r.at };
}

export interface OutboxRow {
  id: string; notification_id: string; receiver: string; status: string; attempts: number; next_attempt_at: string; leased_until: string | null;
  last_error: string | null; created_at: string; delivered_at: string | null; payload: string;
}

/** An outbox row (`o`) with its notification's payload (`n`). */
export const OUTBOX_COLUMNS = `o.id, o.notification_id, o.receiver, o.status, o.attempts, o.next_attempt_at, o.leased_until, o.last_error,
  o.created_at, o.delivered_at, n.payload`;

export const OUTBOX_SELECT = `SELECT ${OUTBOX_COLUMNS} FROM alerting_outbox o JOIN alerting_notifications n ON n.id = o.notification_id`;

export function rowToOutbox(r: OutboxRow): OutboxEntry {
  return {
    id: r.id, notificationId: r.notification_id, receiver: r.receiver, notification: JSON.parse(r.payload) as Notification,
    status: r.status as OutboxEntry['status'], attempts: Number(r.attempts), nextAttemptAt: r.next_attempt_at, leasedUntil: r.leased_until,
    lastError: r.last_error, createdAt: r.created_at, deliveredAt: r.delivered_at,
  };
}

export interface TransitionRow { seq: number | string; alert_id: string; fingerprint: string; rule: string; from_status: string; to_status: string; at: string }

/** seq is a number in SQLite and a BIGINT (string) from PostgreSQL. */
export function rowToTransition(r: TransitionRow): LoggedTransition {
  return {
    seq: Number(r.seq), alertId: r.alert_id, fingerprint: r.fingerprint, rule: r.rule,
    from: r.from_status as LoggedTransition['from'], to: r.to_status as LoggedTransition['to'], at: r.at,
  };
}

export function rowToLoggedNotification(r: { seq: number | string; payload: string }): LoggedNotification {
  return { ...(JSON.parse(r.payload) as Notification), seq: Number(r.seq) };
}

/** Selects what receiverHealth folds: undelivered entries that have failed at least once. */
export const RECEIVER_HEALTH_SELECT = `SELECT receiver, attempts, created_at, last_error FROM alerting_outbox
  WHERE status = 'pending' AND last_error IS NOT NULL ORDER BY receiver, attempts DESC, created_at`;

export interface ReceiverHealthRow { receiver: string; attempts: number; created_at: string; last_error: string }

/** One entry per receiver: the most attempts on any entry, since its oldest undelivered one. Rows in RECEIVER_HEALTH_SELECT order. */
export function foldReceiverHealth(rows: readonly ReceiverHealthRow[]): ReceiverHealth[] {
  const byReceiver = new Map<string, ReceiverHealth>();
  for (const r of rows) {
    const h = byReceiver.get(r.receiver);
    if (!h) byReceiver.set(r.receiver, { receiver: r.receiver, attempts: Number(r.attempts), pendingSince: r.created_at, lastError: r.last_error });
    else if (r.created_at < h.pendingSince) h.pendingSince = r.created_at;
  }
  return [...byReceiver.values()];
}
