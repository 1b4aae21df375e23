// The AlertStore written once against the database layer (Kysely over SQLite or PostgreSQL): the alerting tables live
// in the observation store's database (and schema), so several processes share one inbox and one outbox.
import { sql, type Kysely } from 'kysely';
import { vigilError } from '../../errors/index.js';
import type { AlertGroup } from '../alert-group.js';
import { outboxId, type AlertStore, type CycleCommit } from '../alert-store.js';
import type { Silence } from '../silences.js';
import {
  ALERT_COLUMNS, alertRow, foldReceiverHealth, rowToAck, rowToAlert, rowToLoggedNotification, rowToOutbox, rowToSilence, rowToTick, rowToTransition,
  type AlertingTables,
} from './alert-tables.js';
import { ALERTING_MIGRATIONS } from './alerting-migrations.js';
import type { Database } from '../../storage/database/database.js';

/** Large enough to mean "no limit" where the port's query has none. */
const NO_LIMIT = 1_000_000;
/** Ids per IN list: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 500;
/** Cycles and claims take this lock to COMMIT, so seq order is commit order (a reader by afterSeq never sees 12 before 11). */
const LOG_LOCK = 'vigil.alerting.log';

type Db = Kysely<AlertingTables>;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const selectAlerts = (k: Db) => k.selectFrom('alerting_alerts').select(ALERT_COLUMNS);
const outboxWithPayload = (k: Db) => k.selectFrom('alerting_outbox as o').innerJoin('alerting_notifications as n', 'n.id', 'o.notification_id')
  .select(['o.id', 'o.notification_id', 'o.receiver', 'o.status', 'o.attempts', 'o.next_attempt_at', 'o.leased_until', 'o.last_error', 'o.created_at', 'o.delivered_at', 'n.payload']);

async function alertsByIds(k: Db, ids: readonly string[]) {
  const rows = [];
  for (const c of chunks(ids)) rows.push(...await selectAlerts(k).where('id', 'in', c).execute());
  return rows.map(rowToAlert);
}

async function acksOf(k: Db, ids: readonly string[] | undefined) {
  const q = k.selectFrom('alerting_acks').selectAll().orderBy('at');
  if (ids === undefined) return (await q.execute()).map(rowToAck);
  const rows = [];
  for (const c of chunks(ids)) rows.push(...await q.where('alert_id', 'in', c).execute());
  return rows.map(rowToAck);
}

async function ticksOf(k: Db, ids: readonly string[] | undefined) {
  const q = k.selectFrom('alerting_playbook_ticks').selectAll().orderBy('at');
  if (ids === undefined) return (await q.execute()).map(rowToTick);
  const rows = [];
  for (const c of chunks(ids)) rows.push(...await q.where('alert_id', 'in', c).execute());
  return rows.map(rowToTick);
}

async function writeCommit(k: Db, c: CycleCommit): Promise<void> {
  for (const a of c.alerts) {
    await k.insertInto('alerting_alerts').values(alertRow(a))
      .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(ALERT_COLUMNS.filter((col) => col !== 'id').map((col) => [col, sql.ref(`excluded.${col}`)])))).execute();
  }
  for (const t of c.transitions) {
    await k.insertInto('alerting_transitions').values({ alert_id: t.alertId, fingerprint: t.fingerprint, rule: t.rule, from_status: t.from, to_status: t.to, at: t.at }).execute();
  }
  for (const g of c.groups) {
    await k.insertInto('alerting_groups').values({ group_key: g.key, state: JSON.stringify(g) })
      .onConflict((oc) => oc.column('group_key').doUpdateSet({ state: (eb) => eb.ref('excluded.state') })).execute();
  }
  for (const keys of chunks(c.deletedGroups)) await k.deleteFrom('alerting_groups').where('group_key', 'in', keys).execute();
  for (const n of c.notifications) {
    await k.insertInto('alerting_notifications').values({ id: n.id, group_key: n.groupKey, payload: JSON.stringify(n), created_at: n.createdAt })
      .onConflict((oc) => oc.column('id').doNothing()).execute();
    for (const receiver of n.receivers) {
      await k.insertInto('alerting_outbox')
        .values({ id: outboxId(n.id, receiver), notification_id: n.id, receiver, status: 'pending', attempts: 0, next_attempt_at: n.createdAt, created_at: n.createdAt })
        .onConflict((oc) => oc.column('id').doNothing()).execute();
    }
  }
  for (const [key, value] of Object.entries(c.meta ?? {})) {
    await k.insertInto('alerting_meta').values({ meta_key: key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('meta_key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') })).execute();
  }
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
  /** One transaction, serialised with every other writer under `lock` until COMMIT. */
  const write = <T>(lock: string, work: (k: Db) => Promise<T>): Promise<T> => db.transaction(async (conn) => {
    await conn.lockWrites(lock);
    return work(kysely());
  });

  return {
    dialect: db.dialect,

    migrate: () => db.migrate(ALERTING_MIGRATIONS),

    async close() {
      if (options.owned) await db.close();
    },

    // Under the log lock no cycle commits between the reads, so groups and the alerts they refer to agree.
    loadSnapshot: (now) => write(LOG_LOCK, async (k) => {
      const groups = (await k.selectFrom('alerting_groups').select('state').orderBy('group_key').execute()).map((r) => JSON.parse(r.state) as AlertGroup);
      const active = (await selectAlerts(k).where('status', 'in', ['pending', 'firing']).execute()).map(rowToAlert);
      const have = new Set(active.map((a) => a.id));
      const referenced = [...new Set(groups.flatMap((g) => Object.keys(g.notified)))].filter((id) => !have.has(id));
      const alerts = [...active, ...await alertsByIds(k, referenced)];
      const ids = alerts.map((a) => a.id);
      const silences = (await k.selectFrom('alerting_silences').selectAll()
        .where('ends_at', '>', now).where((eb) => eb.or([eb('expired_at', 'is', null), eb('expired_at', '>', now)]))
        .orderBy('starts_at').orderBy('id').execute()).map(rowToSilence);
      return { alerts, groups, silences, acks: await acksOf(k, ids), ticks: await ticksOf(k, ids) };
    }),

    commitCycle: (commit) => write(LOG_LOCK, (k) => writeCommit(k, commit)),

    async getMeta<T>(key: string) {
      const row = await run((k) => k.selectFrom('alerting_meta').select('value').where('meta_key', '=', key).executeTakeFirst());
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },

    listAlerts: (query = {}) => run(async (k) => {
      const status = query.status ?? [];
      let q = selectAlerts(k).orderBy('active_at', 'desc').orderBy('id');
      if (status.length > 0) q = q.where('status', 'in', [...status]);
      if (query.limit !== undefined) q = q.limit(Math.max(0, Math.floor(query.limit)));
      return (await q.execute()).map(rowToAlert);
    }),

    async findAlert(idOrPrefix) {
      if (idOrPrefix.length < 4) throw vigilError('VIGIL_INPUT_INVALID', `alert id "${idOrPrefix}": give at least 4 characters`);
      // Wildcards dropped and ASCII case ignored, as the CLI has always matched prefixes.
      const prefix = idOrPrefix.replace(/[%_]/g, '').toLowerCase();
      const found = (await run((k) => selectAlerts(k).where((eb) => eb(eb.fn('substr', [eb.fn('lower', ['id']), eb.lit(1), eb.lit(prefix.length)]), '=', prefix))
        .orderBy('id').limit(2).execute())).map(rowToAlert);
      if (found.length > 1) throw vigilError('VIGIL_CONFLICT', `alert id prefix "${idOrPrefix}" is ambiguous (${found.map((a) => a.id).join(', ')}…)`);
      return found[0];
    },

    listTransitions: (q = {}) => run(async (k) => {
      let query = k.selectFrom('alerting_transitions').selectAll().where('seq', '>', q.afterSeq ?? 0).orderBy('seq').limit(q.limit ?? NO_LIMIT);
      if (q.alertId !== undefined) query = query.where('alert_id', '=', q.alertId);
      return (await query.execute()).map(rowToTransition);
    }),

    async addAcknowledgement(ack) {
      const result = await run((k) => k.insertInto('alerting_acks')
        .values({ alert_id: ack.alertId, acked_by: ack.by, comment: ack.comment, at: ack.at, time_to_ack_ms: ack.timeToAckMs })
        .onConflict((oc) => oc.column('alert_id').doNothing()).executeTakeFirst());
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw vigilError('VIGIL_CONFLICT', `alert ${ack.alertId} is already acknowledged`);
    },

    listAcknowledgements: (alertIds) => run((k) => acksOf(k, alertIds)),

    async addPlaybookTick(t) {
      const result = await run((k) => k.insertInto('alerting_playbook_ticks')
        .values({ alert_id: t.alertId, playbook: t.playbook, step: t.step, ticked_by: t.by, at: t.at })
        .onConflict((oc) => oc.doNothing()).executeTakeFirst());
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    listPlaybookTicks: (alertIds) => run((k) => ticksOf(k, alertIds)),

    async addSilence(s) {
      const result = await run((k) => k.insertInto('alerting_silences').values({
        id: s.id, matchers: JSON.stringify(s.matchers), starts_at: s.startsAt, ends_at: s.endsAt, created_by: s.createdBy, comment: s.comment,
        created_at: s.createdAt, expired_at: s.expiredAt,
      }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst());
      if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw vigilError('VIGIL_CONFLICT', `silence ${s.id} already exists`);
    },

    async listSilences(query = {}) {
      const all = (await run((k) => k.selectFrom('alerting_silences').selectAll().orderBy('starts_at').orderBy('id').execute())).map(rowToSilence);
      const at = query.activeAt;
      return at === undefined ? all : all.filter((s) => s.startsAt <= at && at < s.endsAt && (s.expiredAt === null || at < s.expiredAt));
    },

    expireSilence: (id, at) => write('vigil.alerting.silences', async (k) => {
      const row = await k.selectFrom('alerting_silences').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw vigilError('VIGIL_NOT_FOUND', `no silence ${id}`);
      const s = rowToSilence(row);
      if (ended(s, at)) throw vigilError('VIGIL_CONFLICT', `silence ${id} has already ended`);
      await k.updateTable('alerting_silences').set({ expired_at: at }).where('id', '=', id).execute();
      return { ...s, expiredAt: at };
    }),

    listNotifications: (q = {}) => run(async (k) => (await k.selectFrom('alerting_notifications').select(['seq', 'payload'])
      .where('seq', '>', q.afterSeq ?? 0).orderBy('seq').limit(q.limit ?? NO_LIMIT).execute()).map(rowToLoggedNotification)),

    claimOutbox: ({ now, leaseMs, limit, receiver }) => write('vigil.alerting.outbox', async (k) => {
      const until = new Date(Date.parse(now) + leaseMs).toISOString();
      // Claims are serialised (the lock), so two dispatchers never lease one entry.
      let due = k.selectFrom('alerting_outbox').select('id').where('status', '=', 'pending').where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<=', now)]))
        .orderBy('created_at').orderBy('id').limit(Math.max(0, Math.floor(limit)));
      if (receiver !== undefined) due = due.where('receiver', '=', receiver);
      const ids = (await due.execute()).map((r) => r.id);
      if (ids.length === 0) return [];
      await k.updateTable('alerting_outbox').set((eb) => ({ leased_until: until, attempts: eb('attempts', '+', 1) })).where('id', 'in', ids).execute();
      return (await outboxWithPayload(k).where('o.id', 'in', ids).orderBy('o.created_at').orderBy('o.id').execute()).map(rowToOutbox);
    }),

    async markDelivered(id, at) {
      await run((k) => k.updateTable('alerting_outbox').set({ status: 'delivered', delivered_at: at, leased_until: null }).where('id', '=', id).execute());
    },

    async markFailed(id, error, nextAttemptAt) {
      await run((k) => k.updateTable('alerting_outbox')
        .set((eb) => ({ last_error: error.slice(0, 500), next_attempt_at: nextAttemptAt, leased_until: null, first_failed_at: eb.fn.coalesce('first_failed_at', eb.val(nextAttemptAt)) }))
        .where('id', '=', id).where('status', '=', 'pending').execute());
    },

    listOutbox: (q = {}) => run(async (k) => {
      let query = outboxWithPayload(k).orderBy('o.created_at').orderBy('o.id').limit(q.limit ?? NO_LIMIT);
      if (q.status !== undefined) query = query.where('o.status', '=', q.status);
      if (q.receiver !== undefined) query = query.where('o.receiver', '=', q.receiver);
      return (await query.execute()).map(rowToOutbox);
    }),

    receiverHealth: () => run(async (k) => foldReceiverHealth(await k.selectFrom('alerting_outbox').select(['receiver', 'attempts', 'created_at', 'last_error'])
      .where('status', '=', 'pending').where('last_error', 'is not', null).orderBy('receiver').orderBy('attempts', 'desc').orderBy('created_at').execute())),
  };
}
