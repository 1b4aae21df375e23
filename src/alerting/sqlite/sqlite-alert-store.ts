// The SQLite AlertStore: the alerting tables in the same database file as the observation store, better-sqlite3 underneath.
import { vigilError } from '../../errors/index.js';
import { openSqliteDatabase, type SqliteStatement } from '../../storage/sqlite/sqlite-driver.js';
import { translateSqliteError } from '../../storage/database/sqlite-errors.js';
import type { AlertGroup } from '../alert-group.js';
import {
  ALERT_COLUMNS, ALERT_UPDATE_SET, alertParams, foldReceiverHealth, OUTBOX_SELECT, RECEIVER_HEALTH_SELECT, rowToAck, rowToAlert,
  rowToLoggedNotification, rowToOutbox, rowToSilence, rowToTick, rowToTransition,
  type AckRow, type AlertRow, type OutboxRow, type ReceiverHealthRow, type SilenceRow, type TickRow, type TransitionRow,
} from '../alert-rows.js';
import { outboxId, type AlertStore, type CycleCommit } from '../alert-store.js';
import type { Silence } from '../silences.js';
import { migrateAlerting } from './alerting-migrations.js';

export interface SqliteAlertStoreOptions {
  /** The main database file (or `:memory:`). */
  path: string;
  busyTimeoutMs?: number;
}

export function createSqliteAlertStore(options: SqliteAlertStoreOptions): AlertStore {
  const { path } = options;
  const db = openSqliteDatabase(path, options.busyTimeoutMs);
  let closed = false;
  const statements = new Map<string, SqliteStatement>();
  const sql = (text: string): SqliteStatement => {
    if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`);
    let stmt = statements.get(text);
    if (!stmt) statements.set(text, (stmt = db.prepare(text)));
    return stmt;
  };
  const guarded = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw translateSqliteError(error, path);
    }
  };
  const inTransaction = <T>(fn: () => T): T => guarded(() => db.transaction(fn).immediate());
  const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

  const selectAlerts = (where: string, params: unknown[]) =>
    (sql(`SELECT ${ALERT_COLUMNS} FROM alerting_alerts ${where}`).all(...params) as AlertRow[]).map(rowToAlert);

  const writeCommit = (c: CycleCommit) => {
    const upsert = sql(`INSERT INTO alerting_alerts (${ALERT_COLUMNS}) VALUES (${placeholders(13)}) ON CONFLICT (id) DO UPDATE SET ${ALERT_UPDATE_SET}`);
    for (const a of c.alerts) upsert.run(...alertParams(a));
    const transition = sql('INSERT INTO alerting_transitions (alert_id, fingerprint, rule, from_status, to_status, at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of c.transitions) transition.run(t.alertId, t.fingerprint, t.rule, t.from, t.to, t.at);
    const group = sql('INSERT INTO alerting_groups (group_key, state) VALUES (?, ?) ON CONFLICT (group_key) DO UPDATE SET state = excluded.state');
    for (const g of c.groups) group.run(g.key, JSON.stringify(g));
    const dropGroup = sql('DELETE FROM alerting_groups WHERE group_key = ?');
    for (const key of c.deletedGroups) dropGroup.run(key);
    const notification = sql('INSERT INTO alerting_notifications (id, group_key, payload, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING');
    const outbox = sql(`INSERT INTO alerting_outbox (id, notification_id, receiver, status, attempts, next_attempt_at, created_at)
      VALUES (?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT (id) DO NOTHING`);
    for (const n of c.notifications) {
      notification.run(n.id, n.groupKey, JSON.stringify(n), n.createdAt);
      for (const receiver of n.receivers) outbox.run(outboxId(n.id, receiver), n.id, receiver, n.createdAt, n.createdAt);
    }
    const meta = sql('INSERT INTO alerting_meta (meta_key, value) VALUES (?, ?) ON CONFLICT (meta_key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(c.meta ?? {})) meta.run(key, JSON.stringify(value));
  };

  return {
    dialect: 'sqlite',

    async migrate() {
      if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`);
      guarded(() => migrateAlerting(db, path, new Date().toISOString()));
    },

    async close() {
      if (closed) return;
      closed = true;
      statements.clear();
      guarded(() => db.close());
    },

    async loadSnapshot(now) {
      return guarded(() => {
        const groups = (sql('SELECT state FROM alerting_groups ORDER BY group_key').all() as { state: string }[]).map((r) => JSON.parse(r.state) as AlertGroup);
        const active = selectAlerts("WHERE status IN ('pending', 'firing')", []);
        const have = new Set(active.map((a) => a.id));
        const referenced = [...new Set(groups.flatMap((g) => Object.keys(g.notified)))].filter((id) => !have.has(id));
        const alerts = [...active, ...chunks(referenced).flatMap((ids) => selectAlerts(`WHERE id IN (${placeholders(ids.length)})`, ids))];
        const ids = alerts.map((a) => a.id);
        const silences = (sql('SELECT * FROM alerting_silences WHERE ends_at > ? AND (expired_at IS NULL OR expired_at > ?) ORDER BY starts_at, id').all(now, now) as SilenceRow[]).map(rowToSilence);
        const acks = chunks(ids).flatMap((c) => (sql(`SELECT * FROM alerting_acks WHERE alert_id IN (${placeholders(c.length)})`).all(...c) as AckRow[]).map(rowToAck));
        const ticks = chunks(ids).flatMap((c) => (sql(`SELECT * FROM alerting_playbook_ticks WHERE alert_id IN (${placeholders(c.length)}) ORDER BY at`).all(...c) as TickRow[]).map(rowToTick));
        return { alerts, groups, silences, acks, ticks };
      });
    },

    async commitCycle(commit) {
      inTransaction(() => writeCommit(commit));
    },

    async getMeta<T>(key: string) {
      const row = guarded(() => sql('SELECT value FROM alerting_meta WHERE meta_key = ?').get(key) as { value: string } | undefined);
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },

    async listAlerts(query = {}) {
      const status = query.status ?? [];
      const where = status.length > 0 ? `WHERE status IN (${placeholders(status.length)})` : '';
      const limit = query.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
      return guarded(() => selectAlerts(`${where} ORDER BY active_at DESC, id${limit}`, [...status]));
    },

    async findAlert(idOrPrefix) {
      if (idOrPrefix.length < 4) throw vigilError('VIGIL_INPUT_INVALID', `alert id "${idOrPrefix}": give at least 4 characters`);
      const found = guarded(() => selectAlerts('WHERE id LIKE ? ORDER BY id LIMIT 2', [`${idOrPrefix.replace(/[%_]/g, '')}%`]));
      if (found.length > 1) throw vigilError('VIGIL_CONFLICT', `alert id prefix "${idOrPrefix}" is ambiguous (${found.map((a) => a.id).join(', ')}…)`);
      return found[0];
    },

    async listTransitions(query = {}) {
      const rows = guarded(() => sql(`SELECT * FROM alerting_transitions WHERE seq > ? AND (? IS NULL OR alert_id = ?) ORDER BY seq LIMIT ?`)
        .all(query.afterSeq ?? 0, query.alertId ?? null, query.alertId ?? null, query.limit ?? 1_000_000)) as TransitionRow[];
      return rows.map(rowToTransition);
    },

    async addAcknowledgement(ack) {
      inTransaction(() => {
        if (sql('SELECT 1 FROM alerting_acks WHERE alert_id = ?').get(ack.alertId)) throw vigilError('VIGIL_CONFLICT', `alert ${ack.alertId} is already acknowledged`);
        sql('INSERT INTO alerting_acks (alert_id, acked_by, comment, at, time_to_ack_ms) VALUES (?, ?, ?, ?, ?)').run(ack.alertId, ack.by, ack.comment, ack.at, ack.timeToAckMs);
      });
    },

    async listAcknowledgements(alertIds) {
      if (alertIds === undefined) return guarded(() => (sql('SELECT * FROM alerting_acks ORDER BY at').all() as AckRow[]).map(rowToAck));
      return guarded(() => chunks([...alertIds]).flatMap((c) => (sql(`SELECT * FROM alerting_acks WHERE alert_id IN (${placeholders(c.length)}) ORDER BY at`).all(...c) as AckRow[]).map(rowToAck)));
    },

    async addPlaybookTick(t) {
      const result = guarded(() => sql('INSERT INTO alerting_playbook_ticks (alert_id, playbook, step, ticked_by, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(t.alertId, t.playbook, t.step, t.by, t.at));
      return result.changes > 0;
    },

    async listPlaybookTicks(alertIds) {
      if (alertIds === undefined) return guarded(() => (sql('SELECT * FROM alerting_playbook_ticks ORDER BY at').all() as TickRow[]).map(rowToTick));
      return guarded(() => chunks([...alertIds]).flatMap((c) => (sql(`SELECT * FROM alerting_playbook_ticks WHERE alert_id IN (${placeholders(c.length)}) ORDER BY at`).all(...c) as TickRow[]).map(rowToTick)));
    },

    async addSilence(s: Silence) {
      guarded(() => sql('INSERT INTO alerting_silences (id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(s.id, JSON.stringify(s.matchers), s.startsAt, s.endsAt, s.createdBy, s.comment, s.createdAt, s.expiredAt));
    },

    async listSilences(query = {}) {
      const all = guarded(() => (sql('SELECT * FROM alerting_silences ORDER BY starts_at, id').all() as SilenceRow[]).map(rowToSilence));
      const at = query.activeAt;
      return at === undefined ? all : all.filter((s) => s.startsAt <= at && at < s.endsAt && (s.expiredAt === null || at < s.expiredAt));
    },

    async expireSilence(id, at) {
      return inTransaction(() => {
        const row = sql('SELECT * FROM alerting_silences WHERE id = ?').get(id) as SilenceRow | undefined;
        if (!row) throw vigilError('VIGIL_NOT_FOUND', `no silence ${id}`);
        const s = rowToSilence(row);
        if (s.endsAt <= at || (s.expiredAt !== null && s.expiredAt <= at)) throw vigilError('VIGIL_CONFLICT', `silence ${id} has already ended`);
        sql('UPDATE alerting_silences SET expired_at = ? WHERE id = ?').run(at, id);
        return { ...s, expiredAt: at };
      });
    },

    async listNotifications(query = {}) {
      const rows = guarded(() => sql('SELECT seq, payload FROM alerting_notifications WHERE seq > ? ORDER BY seq LIMIT ?').all(query.afterSeq ?? 0, query.limit ?? 1_000_000)) as { seq: number; payload: string }[];
      return rows.map(rowToLoggedNotification);
    },

    async claimOutbox({ now, leaseMs, limit, receiver }) {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      return inTransaction(() => {
        const ids = sql(`SELECT id FROM alerting_outbox WHERE status = 'pending' AND next_attempt_at <= ? AND (leased_until IS NULL OR leased_until <= ?)
          AND (? IS NULL OR receiver = ?) ORDER BY created_at, id LIMIT ?`).all(now, now, receiver ?? null, receiver ?? null, limit) as { id: string }[];
        const lease = sql('UPDATE alerting_outbox SET leased_until = ?, attempts = attempts + 1 WHERE id = ?');
        for (const { id } of ids) lease.run(until, id);
        return ids.map(({ id }) => rowToOutbox(sql(`${OUTBOX_SELECT} WHERE o.id = ?`).get(id) as OutboxRow));
      });
    },

    async markDelivered(id, at) {
      guarded(() => sql("UPDATE alerting_outbox SET status = 'delivered', delivered_at = ?, leased_until = NULL WHERE id = ?").run(at, id));
    },

    async markFailed(id, error, nextAttemptAt) {
      guarded(() => sql('UPDATE alerting_outbox SET last_error = ?, next_attempt_at = ?, leased_until = NULL, first_failed_at = COALESCE(first_failed_at, ?) WHERE id = ? AND status = \'pending\'')
        .run(error.slice(0, 500), nextAttemptAt, nextAttemptAt, id));
    },

    async listOutbox(query = {}) {
      const rows = guarded(() => sql(`${OUTBOX_SELECT} WHERE (? IS NULL OR o.status = ?) AND (? IS NULL OR o.receiver = ?) ORDER BY o.created_at, o.id LIMIT ?`)
        .all(query.status ?? null, query.status ?? null, query.receiver ?? null, query.receiver ?? null, query.limit ?? 1_000_000)) as OutboxRow[];
      return rows.map(rowToOutbox);
    },

    async receiverHealth() {
      return foldReceiverHealth(guarded(() => sql(RECEIVER_HEALTH_SELECT).all()) as ReceiverHealthRow[]);
    },
  };
}

/** SQLite allows at most 32766 parameters; stay well below. */
function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

