// The PostgreSQL AlertStore: the same tables as SQLite in the observation store's database (and schema), so several
// processes (API servers, `vigil alerts run`) share one inbox and one outbox.
import { vigilError } from '../../errors/index.js';
import { openPgDatabase } from '../../storage/postgres/pg-database.js';
import type { PgClient } from '../../storage/postgres/pg-driver.js';
import type { AlertGroup } from '../alert-group.js';
import {
  ALERT_COLUMNS, ALERT_UPDATE_SET, alertParams, foldReceiverHealth, OUTBOX_COLUMNS, OUTBOX_SELECT, RECEIVER_HEALTH_SELECT, rowToAck, rowToAlert,
  rowToLoggedNotification, rowToOutbox, rowToSilence, rowToTick, rowToTransition,
  type AckRow, type AlertRow, type OutboxRow, type ReceiverHealthRow, type SilenceRow, type TickRow, type TransitionRow,
} from '../alert-rows.js';
import { outboxId, type AlertStore, type CycleCommit } from '../alert-store.js';
import type { Silence } from '../silences.js';
import { migratePgAlerting } from './pg-alert-migrations.js';

export interface PgAlertStoreOptions {
  /** `postgres://[user[:password]@]host[:port]/database[?schema=name]`: the observation store's URL. */
  url: string;
  /** Connections kept at most; default 4 (one per outbox lane plus the engine's cycle is plenty). */
  max?: number;
}

const ALERT_PARAMS = ALERT_COLUMNS.split(', ').map((_, i) => `$${i + 1}`).join(', ');
/** Large enough to mean "no limit" where the port's query has none. */
const NO_LIMIT = 1_000_000;

/** Creates the pool (connections open lazily); call migrate() before use. */
export function createPgAlertStore(options: PgAlertStoreOptions): AlertStore {
  const db = openPgDatabase(options.url, { max: options.max ?? 4, applicationName: 'vigil alerts' });
  const { rows, transaction } = db;
  // Cycles take this lock before writing and hold it to COMMIT, so seq order is commit order: a reader of the
  // transition or notification log (afterSeq) never sees seq 12 committed while seq 11 is still to come.
  const logLockKey = `vigil.alerting.log.${db.location.schema ?? ''}`;

  const selectAlerts = async (where: string, values: unknown[]) => (await rows<AlertRow>(`SELECT ${ALERT_COLUMNS} FROM alerting_alerts ${where}`, values)).map(rowToAlert);
  const query = async <Row>(client: PgClient, text: string, values: unknown[] = []) => (await client.query<Row>({ text, values })).rows;

  async function writeCommit(client: PgClient, c: CycleCommit): Promise<void> {
    await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [logLockKey] });
    for (const a of c.alerts) {
      await client.query({ text: `INSERT INTO alerting_alerts (${ALERT_COLUMNS}) VALUES (${ALERT_PARAMS}) ON CONFLICT (id) DO UPDATE SET ${ALERT_UPDATE_SET}`, values: alertParams(a) });
    }
    for (const t of c.transitions) {
      await client.query({
        text: 'INSERT INTO alerting_transitions (alert_id, fingerprint, rule, from_status, to_status, at) VALUES ($1, $2, $3, $4, $5, $6)',
        values: [t.alertId, t.fingerprint, t.rule, t.from, t.to, t.at],
      });
    }
    for (const g of c.groups) {
      await client.query({ text: 'INSERT INTO alerting_groups (group_key, state) VALUES ($1, $2) ON CONFLICT (group_key) DO UPDATE SET state = excluded.state', values: [g.key, JSON.stringify(g)] });
    }
    if (c.deletedGroups.length > 0) await client.query({ text: 'DELETE FROM alerting_groups WHERE group_key = ANY($1::text[])', values: [[...c.deletedGroups]] });
    for (const n of c.notifications) {
      await client.query({
        text: 'INSERT INTO alerting_notifications (id, group_key, payload, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
        values: [n.id, n.groupKey, JSON.stringify(n), n.createdAt],
      });
      for (const receiver of n.receivers) {
        await client.query({
          text: `INSERT INTO alerting_outbox (id, notification_id, receiver, status, attempts, next_attempt_at, created_at)
            VALUES ($1, $2, $3, 'pending', 0, $4, $4) ON CONFLICT (id) DO NOTHING`,
          values: [outboxId(n.id, receiver), n.id, receiver, n.createdAt],
        });
      }
    }
    for (const [key, value] of Object.entries(c.meta ?? {})) {
      await client.query({ text: 'INSERT INTO alerting_meta (meta_key, value) VALUES ($1, $2) ON CONFLICT (meta_key) DO UPDATE SET value = excluded.value', values: [key, JSON.stringify(value)] });
    }
  }

  return {
    dialect: 'postgres',

    async migrate() {
      await db.guard(() => migratePgAlerting(db.pool, db.location.schema, db.location.label, new Date().toISOString()));
    },

    close: () => db.close(),

    async loadSnapshot(now) {
      // One consistent view across the reads, as SQLite's synchronous reads get for free.
      return transaction(async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const groups = (await query<{ state: string }>(client, 'SELECT state FROM alerting_groups ORDER BY group_key')).map((r) => JSON.parse(r.state) as AlertGroup);
        const select = `SELECT ${ALERT_COLUMNS} FROM alerting_alerts`;
        const active = (await query<AlertRow>(client, `${select} WHERE status IN ('pending', 'firing')`)).map(rowToAlert);
        const have = new Set(active.map((a) => a.id));
        const referenced = [...new Set(groups.flatMap((g) => Object.keys(g.notified)))].filter((id) => !have.has(id));
        const alerts = referenced.length === 0 ? active : [...active, ...(await query<AlertRow>(client, `${select} WHERE id = ANY($1::text[])`, [referenced])).map(rowToAlert)];
        const ids = alerts.map((a) => a.id);
        const silences = (await query<SilenceRow>(client, 'SELECT * FROM alerting_silences WHERE ends_at > $1 AND (expired_at IS NULL OR expired_at > $1) ORDER BY starts_at, id', [now])).map(rowToSilence);
        const acks = (await query<AckRow>(client, 'SELECT * FROM alerting_acks WHERE alert_id = ANY($1::text[])', [ids])).map(rowToAck);
        const ticks = (await query<TickRow>(client, 'SELECT * FROM alerting_playbook_ticks WHERE alert_id = ANY($1::text[]) ORDER BY at', [ids])).map(rowToTick);
        return { alerts, groups, silences, acks, ticks };
      });
    },

    async commitCycle(commit) {
      await transaction((client) => writeCommit(client, commit));
    },

    async getMeta<T>(key: string) {
      const [row] = await rows<{ value: string }>('SELECT value FROM alerting_meta WHERE meta_key = $1', [key]);
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },

    async listAlerts(q = {}) {
      const status = q.status ?? [];
      const where = status.length > 0 ? 'WHERE status = ANY($1::text[])' : '';
      const limit = q.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(q.limit))}`;
      return selectAlerts(`${where} ORDER BY active_at DESC, id${limit}`, status.length > 0 ? [[...status]] : []);
    },

    async findAlert(idOrPrefix) {
      if (idOrPrefix.length < 4) throw vigilError('VIGIL_INPUT_INVALID', `alert id "${idOrPrefix}": give at least 4 characters`);
      // As SQLite's `id LIKE 'prefix%'`: wildcards dropped, ASCII case ignored (lower() under "C" is ASCII-only).
      const prefix = idOrPrefix.replace(/[%_]/g, '').toLowerCase();
      const found = await selectAlerts('WHERE starts_with(lower(id), $1) ORDER BY id LIMIT 2', [prefix]);
      if (found.length > 1) throw vigilError('VIGIL_CONFLICT', `alert id prefix "${idOrPrefix}" is ambiguous (${found.map((a) => a.id).join(', ')}…)`);
      return found[0];
    },

    async listTransitions(q = {}) {
      return (await rows<TransitionRow>('SELECT * FROM alerting_transitions WHERE seq > $1 AND ($2::text IS NULL OR alert_id = $2) ORDER BY seq LIMIT $3',
        [q.afterSeq ?? 0, q.alertId ?? null, q.limit ?? NO_LIMIT])).map(rowToTransition);
    },

    async addAcknowledgement(ack) {
      const added = await db.execute('INSERT INTO alerting_acks (alert_id, acked_by, comment, at, time_to_ack_ms) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (alert_id) DO NOTHING',
        [ack.alertId, ack.by, ack.comment, ack.at, ack.timeToAckMs]);
      if (added === 0) throw vigilError('VIGIL_CONFLICT', `alert ${ack.alertId} is already acknowledged`);
    },

    async listAcknowledgements(alertIds) {
      const list = alertIds === undefined
        ? await rows<AckRow>('SELECT * FROM alerting_acks ORDER BY at')
        : await rows<AckRow>('SELECT * FROM alerting_acks WHERE alert_id = ANY($1::text[]) ORDER BY at', [[...alertIds]]);
      return list.map(rowToAck);
    },

    async addPlaybookTick(t) {
      return (await db.execute('INSERT INTO alerting_playbook_ticks (alert_id, playbook, step, ticked_by, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [t.alertId, t.playbook, t.step, t.by, t.at])) > 0;
    },

    async listPlaybookTicks(alertIds) {
      const list = alertIds === undefined
        ? await rows<TickRow>('SELECT * FROM alerting_playbook_ticks ORDER BY at')
        : await rows<TickRow>('SELECT * FROM alerting_playbook_ticks WHERE alert_id = ANY($1::text[]) ORDER BY at', [[...alertIds]]);
      return list.map(rowToTick);
    },

    async addSilence(s: Silence) {
      const added = await db.execute(`INSERT INTO alerting_silences (id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
      [s.id, JSON.stringify(s.matchers), s.startsAt, s.endsAt, s.createdBy, s.comment, s.createdAt, s.expiredAt]);
      if (added === 0) throw vigilError('VIGIL_CONFLICT', `silence ${s.id} already exists`);
    },

    async listSilences(q = {}) {
      const all = (await rows<SilenceRow>('SELECT * FROM alerting_silences ORDER BY starts_at, id')).map(rowToSilence);
      const at = q.activeAt;
      return at === undefined ? all : all.filter((s) => s.startsAt <= at && at < s.endsAt && (s.expiredAt === null || at < s.expiredAt));
    },

    async expireSilence(id, at) {
      return transaction(async (client) => {
        const [row] = await query<SilenceRow>(client, 'SELECT * FROM alerting_silences WHERE id = $1 FOR UPDATE', [id]);
        if (!row) throw vigilError('VIGIL_NOT_FOUND', `no silence ${id}`);
        const s = rowToSilence(row);
        if (s.endsAt <= at || (s.expiredAt !== null && s.expiredAt <= at)) throw vigilError('VIGIL_CONFLICT', `silence ${id} has already ended`);
        await client.query({ text: 'UPDATE alerting_silences SET expired_at = $1 WHERE id = $2', values: [at, id] });
        return { ...s, expiredAt: at };
      });
    },

    async listNotifications(q = {}) {
      return (await rows<{ seq: string; payload: string }>('SELECT seq, payload FROM alerting_notifications WHERE seq > $1 ORDER BY seq LIMIT $2',
        [q.afterSeq ?? 0, q.limit ?? NO_LIMIT])).map(rowToLoggedNotification);
    },

    async claimOutbox({ now, leaseMs, limit, receiver }) {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      // One statement: due rows are locked as they are picked, and rows another process is claiming right now are
      // skipped rather than waited for, so concurrent dispatchers never hand out the same entry twice.
      const claimed = await rows<OutboxRow>(`WITH due AS (
          SELECT id FROM alerting_outbox
          WHERE status = 'pending' AND next_attempt_at <= $1 AND (leased_until IS NULL OR leased_until <= $1) AND ($2::text IS NULL OR receiver = $2)
          ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
        ), leased AS (
          UPDATE alerting_outbox o SET leased_until = $4, attempts = o.attempts + 1 FROM due WHERE o.id = due.id RETURNING o.*
        )
        SELECT ${OUTBOX_COLUMNS} FROM leased o JOIN alerting_notifications n ON n.id = o.notification_id ORDER BY o.created_at, o.id`,
      [now, receiver ?? null, Math.max(0, Math.floor(limit)), until]);
      return claimed.map(rowToOutbox);
    },

    async markDelivered(id, at) {
      await db.execute("UPDATE alerting_outbox SET status = 'delivered', delivered_at = $1, leased_until = NULL WHERE id = $2", [at, id]);
    },

    async markFailed(id, error, nextAttemptAt) {
      await db.execute(`UPDATE alerting_outbox SET last_error = $1, next_attempt_at = $2, leased_until = NULL, first_failed_at = COALESCE(first_failed_at, $2)
        WHERE id = $3 AND status = 'pending'`, [error.slice(0, 500), nextAttemptAt, id]);
    },

    async listOutbox(q = {}) {
      return (await rows<OutboxRow>(`${OUTBOX_SELECT} WHERE ($1::text IS NULL OR o.status = $1) AND ($2::text IS NULL OR o.receiver = $2) ORDER BY o.created_at, o.id LIMIT $3`,
        [q.status ?? null, q.receiver ?? null, q.limit ?? NO_LIMIT])).map(rowToOutbox);
    },

    async receiverHealth() {
      return foldReceiverHealth(await rows<ReceiverHealthRow>(RECEIVER_HEALTH_SELECT));
    },
  };
}
