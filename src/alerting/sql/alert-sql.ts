// The SQL text of the alert store's hot paths (one cycle's writes and snapshot, outbox claims and outcomes), written
// once with the dialect's placeholders and built once per store, so each statement is prepared once and no query is
// compiled per call (a Kysely build and compile costs several times the statement itself). The same text runs on
// SQLite and PostgreSQL (ON CONFLICT … excluded is common to both); each placeholder is used once, as SQLite's
// positional `?` needs.
import { ALERT_COLUMNS } from './alert-tables.js';

export type AlertSql = ReturnType<typeof buildAlertSql>;

const OUTBOX_COLUMNS = `o.id, o.notification_id, o.receiver, o.status, o.attempts, o.next_attempt_at, o.leased_until, o.last_error,
  o.created_at, o.delivered_at, n.payload`;

/**
 * `placeholder(i)` is the 1-based parameter i: `?` or `$i`. `skipLocked`: the due-entries query locks the rows it
 * picks and skips those another claimer holds (capabilities.skipLocked).
 */
export function buildAlertSql(placeholder: (index: number) => string, skipLocked: boolean) {
  const list = (n: number, from = 1) => Array.from({ length: n }, (_, i) => placeholder(from + i)).join(', ');
  const p = placeholder;
  const selectAlerts = `SELECT ${ALERT_COLUMNS.join(', ')} FROM alerting_alerts`;
  return {
    upsertAlert: `INSERT INTO alerting_alerts (${ALERT_COLUMNS.join(', ')}) VALUES (${list(ALERT_COLUMNS.length)})
      ON CONFLICT (id) DO UPDATE SET ${ALERT_COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = excluded.${c}`)
        .join(', ')}`,
    insertTransition: `INSERT INTO alerting_transitions (alert_id, fingerprint, rule, from_status, to_status, at) VALUES (${list(6)})`,
    upsertGroup: `INSERT INTO alerting_groups (group_key, state) VALUES (${list(2)}) ON CONFLICT (group_key) DO UPDATE SET state = excluded.state`,
    deleteGroup: `DELETE FROM alerting_groups WHERE group_key = ${p(1)}`,
    insertNotification: `INSERT INTO alerting_notifications (id, group_key, payload, created_at) VALUES (${list(4)}) ON CONFLICT (id) DO NOTHING`,
    insertOutbox: `INSERT INTO alerting_outbox (id, notification_id, receiver, status, attempts, next_attempt_at, created_at)
      VALUES (${p(1)}, ${p(2)}, ${p(3)}, 'pending', 0, ${p(4)}, ${p(5)}) ON CONFLICT (id) DO NOTHING`,
    upsertMeta: `INSERT INTO alerting_meta (meta_key, value) VALUES (${list(2)}) ON CONFLICT (meta_key) DO UPDATE SET value = excluded.value`,

    groups: 'SELECT state FROM alerting_groups ORDER BY group_key',
    activeAlerts: `${selectAlerts} WHERE status IN ('pending', 'firing')`,
    alertsIn: (n: number) => `${selectAlerts} WHERE id IN (${list(n)})`,
    silencesInForce: `SELECT * FROM alerting_silences WHERE ends_at > ${p(1)} AND (expired_at IS NULL OR expired_at > ${p(2)}) ORDER BY starts_at, id`,
    acksIn: (n: number) => `SELECT * FROM alerting_acks WHERE alert_id IN (${list(n)}) ORDER BY at`,
    ticksIn: (n: number) => `SELECT * FROM alerting_playbook_ticks WHERE alert_id IN (${list(n)}) ORDER BY at`,

    /** Due entries, oldest first: parameters (now, now, limit) or, for one receiver, (now, now, receiver, limit). */
    dueOutbox: (
      forReceiver: boolean,
    ) => `SELECT id FROM alerting_outbox WHERE status = 'pending' AND next_attempt_at <= ${p(1)}
      AND (leased_until IS NULL OR leased_until <= ${p(2)})${forReceiver ? ` AND receiver = ${p(3)}` : ''} ORDER BY created_at, id
      LIMIT ${p(forReceiver ? 4 : 3)}${skipLocked ? ' FOR UPDATE SKIP LOCKED' : ''}`,
    leaseOutbox: (n: number) =>
      `UPDATE alerting_outbox SET leased_until = ${p(1)}, attempts = attempts + 1 WHERE id IN (${list(n, 2)})`,
    outboxIn: (
      n: number,
    ) => `SELECT ${OUTBOX_COLUMNS} FROM alerting_outbox o JOIN alerting_notifications n ON n.id = o.notification_id
      WHERE o.id IN (${list(n)}) ORDER BY o.created_at, o.id`,
    markDelivered: `UPDATE alerting_outbox SET status = 'delivered', delivered_at = ${p(1)}, leased_until = NULL WHERE id = ${p(2)}`,
    /** Pending entries that have failed, per receiver, most attempts first: read every cycle (index alerting_outbox_failing). */
    failingOutbox: `SELECT receiver, attempts, created_at, last_error FROM alerting_outbox
      WHERE status = 'pending' AND last_error IS NOT NULL ORDER BY receiver, attempts DESC, created_at`,
    markFailed: `UPDATE alerting_outbox SET last_error = ${p(1)}, next_attempt_at = ${p(2)}, leased_until = NULL,
      first_failed_at = COALESCE(first_failed_at, ${p(3)}) WHERE id = ${p(4)} AND status = 'pending'`,
  };
}
