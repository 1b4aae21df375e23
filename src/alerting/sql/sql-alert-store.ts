// The AlertStore written once against the database layer (Kysely over SQLite or PostgreSQL): the alerting tables live
// in the observation store's database (and schema), so several processes share one inbox and one outbox.
import type { Kysely, Selectable } from 'kysely';
import { vigilError } from '../../errors/index.js';
import type { AlertGroup } from '../alert-group.js';
import type { AlertingSnapshot } from '../alerting-pipeline.js';
import { outboxId, type AlertStore, type CycleCommit } from '../alert-store.js';
import type { Silence } from '../silences.js';
import {
  ALERT_COLUMNS,
  alertRow,
  foldReceiverHealth,
  type ReceiverHealthRow,
  rowToAck,
  rowToAlert,
  rowToLoggedNotification,
  rowToOutbox,
  rowToSilence,
  rowToTick,
  rowToTransition,
  type AlertingTables,
  type OutboxRow,
} from './alert-tables.js';
import { ALERTING_MIGRATIONS } from './alerting-migrations.js';
import type { Connection, Database } from '../../storage/database/database.js';
import { buildAlertSql, type AlertSql } from './alert-sql.js';

/** Large enough to mean "no limit" where the port's query has none. */
const NO_LIMIT = 1_000_000;
/** Ids per IN list: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

type Db = Kysely<AlertingTables>;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

type Row<T extends keyof AlertingTables> = Selectable<AlertingTables[T]>;

const selectAlerts = (k: Db) => k.selectFrom('alerting_alerts').select(ALERT_COLUMNS);
const outboxWithPayload = (k: Db) =>
  k
    .selectFrom('alerting_outbox as o')
    .innerJoin('alerting_notifications as n', 'n.id', 'o.notification_id')
    .select([
      'o.id',
      'o.notification_id',
      'o.receiver',
      'o.status',
      'o.attempts',
      'o.next_attempt_at',
      'o.leased_until',
      'o.last_error',
      'o.created_at',
      'o.delivered_at',
      'n.payload',
    ]);

/** Rows of `sqlFor(n)` for every chunk of `ids` (one IN list per chunk). */
async function allIn<R>(conn: Connection, ids: readonly string[], sqlFor: (n: number) => string): Promise<R[]> {
  const rows: R[] = [];
  for (const c of chunks(ids)) rows.push(...(await conn.all<R>(sqlFor(c.length), c)));
  return rows;
}

async function writeCommit(conn: Connection, q: AlertSql, c: CycleCommit): Promise<void> {
  for (const a of c.alerts) {
    const row = alertRow(a);
    await conn.run(
      q.upsertAlert,
      ALERT_COLUMNS.map((column) => row[column]),
    );
  }
  for (const t of c.transitions)
    await conn.run(q.insertTransition, [t.alertId, t.fingerprint, t.rule, t.from, t.to, t.at]);
  for (const g of c.groups) await conn.run(q.upsertGroup, [g.key, JSON.stringify(g)]);
  for (const key of c.deletedGroups) await conn.run(q.deleteGroup, [key]);
  for (const n of c.notifications) {
    await conn.run(q.insertNotification, [n.id, n.groupKey, JSON.stringify(n), n.createdAt]);
    for (const receiver of n.receivers)
      await conn.run(q.insertOutbox, [outboxId(n.id, receiver), n.id, receiver, n.createdAt, n.createdAt]);
  }
  for (const [key, value] of Object.entries(c.meta ?? {})) await conn.run(q.upsertMeta, [key, JSON.stringify(value)]);
}

async function readSnapshot(conn: Connection, q: AlertSql, now: string): Promise<AlertingSnapshot> {
  const groups = (await conn.all<{ state: string }>(q.groups)).map((r) => JSON.parse(r.state) as AlertGroup);
  const active = (await conn.all<Row<'alerting_alerts'>>(q.activeAlerts)).map(rowToAlert);
  const have = new Set(active.map((a) => a.id));
  const referenced = [...new Set(groups.flatMap((g) => Object.keys(g.notified)))].filter((id) => !have.has(id));
  const alerts = [...active, ...(await allIn<Row<'alerting_alerts'>>(conn, referenced, q.alertsIn)).map(rowToAlert)];
  const ids = alerts.map((a) => a.id);
  const silences = (await conn.all<Row<'alerting_silences'>>(q.silencesInForce, [now, now])).map(rowToSilence);
  const acks = (await allIn<Row<'alerting_acks'>>(conn, ids, q.acksIn)).map(rowToAck);
  const ticks = (await allIn<Row<'alerting_playbook_ticks'>>(conn, ids, q.ticksIn)).map(rowToTick);
  return { alerts, groups, silences, acks, ticks };
}

async function acksOf(k: Db, ids: readonly string[] | undefined) {
  const q = k.selectFrom('alerting_acks').selectAll().orderBy('at');
  if (ids === undefined) return (await q.execute()).map(rowToAck);
  const rows = [];
  for (const c of chunks(ids)) rows.push(...(await q.where('alert_id', 'in', c).execute()));
  return rows.map(rowToAck);
}

async function ticksOf(k: Db, ids: readonly string[] | undefined) {
  const q = k.selectFrom('alerting_playbook_ticks').selectAll().orderBy('at');
  if (ids === undefined) return (await q.execute()).map(rowToTick);
  const rows = [];
  for (const c of chunks(ids)) rows.push(...(await q.where('alert_id', 'in', c).execute()));
  return rows.map(rowToTick);
}

const ended = (s: Silence, at: string) => s.endsAt <= at || (s.expiredAt !== null && s.expiredAt <= at);

/**
 * The alert store on `db`. `owned`: close() closes the database too (a store that opened it for itself); otherwise the
 * process's composition root closes it.
 */
export function createAlertStore(db: Database, options: { owned?: boolean } = {}): AlertStore {
  /** The query builder, bound to the current transaction if there is one. */
  const kysely = () => db.kysely as Kysely<AlertingTables>;
  const run = <T>(work: (k: Db) => Promise<T>): Promise<T> => work(kysely());
  const q = buildAlertSql((i) => db.placeholder(i), db.capabilities.skipLocked);
  // Cycles take the log lock to COMMIT, so the logs' seq order is commit order (an afterSeq reader never sees 12
  // before 11); keys carry the schema, so two schemas never block each other.
  const lock = (name: string) => `vigil.alerting.${name}.${db.namespace}`;
  /** One transaction, serialised with every other writer under `name` until COMMIT. */
  const write = <T>(name: string, work: (conn: Connection) => Promise<T>): Promise<T> =>
    db.transaction(async (conn) => {
      await conn.lockWrites(lock(name));
      return work(conn);
    });

  return {
    dialect: db.dialect,

    migrate: () => db.migrate(ALERTING_MIGRATIONS),

    async close() {
      if (options.owned) await db.close();
    },

    // Under the log lock no cycle commits between the reads, so groups and the alerts they refer to agree.
    loadSnapshot: (now) => write('log', (conn) => readSnapshot(conn, q, now)),

    commitCycle: (commit) => write('log', (conn) => writeCommit(conn, q, commit)),

    async getMeta<T>(key: string) {
      const row = await run((k) =>
        k.selectFrom('alerting_meta').select('value').where('meta_key', '=', key).executeTakeFirst(),
      );
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },

    listAlerts: (query = {}) =>
      run(async (k) => {
        const status = query.status ?? [];
        let q = selectAlerts(k).orderBy('active_at', 'desc').orderBy('id');
        if (status.length > 0) q = q.where('status', 'in', [...status]);
        if (query.limit !== undefined) q = q.limit(Math.max(0, Math.floor(query.limit)));
        return (await q.execute()).map(rowToAlert);
      }),

    async findAlert(idOrPrefix) {
      if (idOrPrefix.length < 4)
        throw vigilError('VIGIL_INPUT_INVALID', `alert id "${idOrPrefix}": give at least 4 characters`);
      // Wildcards dropped and ASCII case ignored, as the CLI has always matched prefixes.
      const prefix = idOrPrefix.replace(/[%_]/g, '').toLowerCase();
      const found = (
        await run((k) =>
          selectAlerts(k)
            .where((eb) => eb(eb.fn('substr', [eb.fn('lower', ['id']), eb.lit(1), eb.lit(prefix.length)]), '=', prefix))
            .orderBy('id')
            .limit(2)
            .execute(),
        )
      ).map(rowToAlert);
      if (found.length > 1)
        throw vigilError(
          'VIGIL_CONFLICT',
          `alert id prefix "${idOrPrefix}" is ambiguous (${found.map((a) => a.id).join(', ')}…)`,
        );
      return found[0];
    },

    listTransitions: (q = {}) =>
      run(async (k) => {
        let query = k
          .selectFrom('alerting_transitions')
          .selectAll()
          .where('seq', '>', q.afterSeq ?? 0)
          .orderBy('seq')
          .limit(q.limit ?? NO_LIMIT);
        if (q.alertId !== undefined) query = query.where('alert_id', '=', q.alertId);
        return (await query.execute()).map(rowToTransition);
      }),

    async addAcknowledgement(ack) {
      const result = await run((k) =>
        k
          .insertInto('alerting_acks')
          .values({
            alert_id: ack.alertId,
            acked_by: ack.by,
            comment: ack.comment,
            at: ack.at,
            time_to_ack_ms: ack.timeToAckMs,
          })
          .onConflict((oc) => oc.column('alert_id').doNothing())
          .executeTakeFirst(),
      );
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0)
        throw vigilError('VIGIL_CONFLICT', `alert ${ack.alertId} is already acknowledged`);
    },

    listAcknowledgements: (alertIds) => run((k) => acksOf(k, alertIds)),

    async addPlaybookTick(t) {
      const result = await run((k) =>
        k
          .insertInto('alerting_playbook_ticks')
          .values({ alert_id: t.alertId, playbook: t.playbook, step: t.step, ticked_by: t.by, at: t.at })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst(),
      );
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    listPlaybookTicks: (alertIds) => run((k) => ticksOf(k, alertIds)),

    async addSilence(s) {
      const result = await run((k) =>
        k
          .insertInto('alerting_silences')
          .values({
            id: s.id,
            matchers: JSON.stringify(s.matchers),
            starts_at: s.startsAt,
            ends_at: s.endsAt,
            created_by: s.createdBy,
            comment: s.comment,
            created_at: s.createdAt,
            expired_at: s.expiredAt,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst(),
      );
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0)
        throw vigilError('VIGIL_CONFLICT', `silence ${s.id} already exists`);
    },

    async listSilences(query = {}) {
      const all = (
        await run((k) => k.selectFrom('alerting_silences').selectAll().orderBy('starts_at').orderBy('id').execute())
      ).map(rowToSilence);
      const at = query.activeAt;
      return at === undefined
        ? all
        : all.filter((s) => s.startsAt <= at && at < s.endsAt && (s.expiredAt === null || at < s.expiredAt));
    },

    expireSilence: (id, at) =>
      write('silences', async () => {
        const k = kysely();
        const row = await k.selectFrom('alerting_silences').selectAll().where('id', '=', id).executeTakeFirst();
        if (!row) throw vigilError('VIGIL_NOT_FOUND', `no silence ${id}`);
        const s = rowToSilence(row);
        if (ended(s, at)) throw vigilError('VIGIL_CONFLICT', `silence ${id} has already ended`);
        await k.updateTable('alerting_silences').set({ expired_at: at }).where('id', '=', id).execute();
        return { ...s, expiredAt: at };
      }),

    listNotifications: (q = {}) =>
      run(async (k) =>
        (
          await k
            .selectFrom('alerting_notifications')
            .select(['seq', 'payload'])
            .where('seq', '>', q.afterSeq ?? 0)
            .orderBy('seq')
            .limit(q.limit ?? NO_LIMIT)
            .execute()
        ).map(rowToLoggedNotification),
      ),

    // Concurrent dispatchers never lease one entry: where the engine has row locks each skips the rows another has
    // picked (it does not wait for them); elsewhere claims are serialised under the outbox lock.
    claimOutbox: ({ now, leaseMs, limit, receiver }) =>
      db.transaction(async (conn) => {
        if (!db.capabilities.skipLocked) await conn.lockWrites(lock('outbox'));
        const until = new Date(Date.parse(now) + leaseMs).toISOString();
        const count = Math.max(0, Math.floor(limit));
        const due =
          receiver === undefined
            ? await conn.all<{ id: string }>(q.dueOutbox(false), [now, now, count])
            : await conn.all<{ id: string }>(q.dueOutbox(true), [now, now, receiver, count]);
        const ids = due.map((r) => r.id);
        if (ids.length === 0) return [];
        await conn.run(q.leaseOutbox(ids.length), [until, ...ids]);
        return (await conn.all<OutboxRow>(q.outboxIn(ids.length), ids)).map(rowToOutbox);
      }),

    async markDelivered(deliveries) {
      if (deliveries.length === 0) return;
      await db.transaction(async (conn) => {
        for (const { id, at } of deliveries) await conn.run(q.markDelivered, [at, id]);
      });
    },

    async markFailed(id, error, nextAttemptAt) {
      await db.raw((conn) => conn.run(q.markFailed, [error.slice(0, 500), nextAttemptAt, nextAttemptAt, id]));
    },

    listOutbox: (q = {}) =>
      run(async (k) => {
        let query = outboxWithPayload(k)
          .orderBy('o.created_at')
          .orderBy('o.id')
          .limit(q.limit ?? NO_LIMIT);
        if (q.status !== undefined) query = query.where('o.status', '=', q.status);
        if (q.receiver !== undefined) query = query.where('o.receiver', '=', q.receiver);
        const at = q.waitingAt;
        if (at !== undefined)
          query = query.where((w) => w.or([w('o.next_attempt_at', '>', at), w('o.leased_until', '>', at)]));
        if (q.exceptIds !== undefined && q.exceptIds.length > 0) query = query.where('o.id', 'not in', q.exceptIds);
        return (await query.execute()).map(rowToOutbox);
      }),

    async receiverHealth() {
      return foldReceiverHealth(await db.raw((conn) => conn.all<ReceiverHealthRow>(q.failingOutbox)));
    },
  };
}
