// The UserStore, written once against the Database layer: users, API tokens, sessions and the hash-chained audit log
// in the same database (and schema) as the observations, so a write and its audit entry can share one transaction.
import type { Kysely } from 'kysely';
import { vigilError } from '../errors/index.js';
import type { Tlp } from '../model/index.js';
import type { Database } from '../storage/database/database.js';
import { chainEntry, type AuditEntry, type AuditInput } from './audit-chain.js';
import type { ApiToken, Role, Session, User } from './user.js';
import { USER_MIGRATIONS } from './user-migrations.js';
import type { UserStore } from './user-store.js';

interface UserRow {
  id: string;
  username: string;
  role: Role;
  tlp_max: Tlp;
  password_hash: string | null;
  created_at: string;
}
interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}
interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  prev_hash: string;
  hash: string;
}
interface UserTables {
  users_accounts: UserRow;
  users_tokens: TokenRow;
  users_sessions: SessionRow;
  users_audit: AuditRow;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  role: r.role,
  tlpMax: r.tlp_max,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});
const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  secretHash: r.secret_hash,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});
const toSession = (r: SessionRow): Session => ({
  idHash: r.id_hash,
  userId: r.user_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});
const toAudit = (r: AuditRow): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const toAuditRow = (e: AuditEntry): AuditRow => ({
  seq: e.seq,
  at: e.at,
  actor: e.actor,
  action: e.action,
  target: e.target,
  details: JSON.stringify(e.details),
  prev_hash: e.prevHash,
  hash: e.hash,
});
/** Entries per INSERT of a group's audit entries: 8 columns × 500 stays far below either engine's parameter limit. */
const AUDIT_ROWS_PER_INSERT = 500;

export interface UserStoreOptions {
  /** Close the database with the store (a store opened on its own), not when openVigil shares it. */
  ownsDatabase?: boolean;
}

export function createUserStore(db: Database, options: UserStoreOptions = {}): UserStore {
  let closed = false;
  /** The query builder for the current scope (the caller's transaction, if any), typed for the user tables. */
  const q = (): Kysely<UserTables> => {
    if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${db.label} is closed`);
    return db.kysely as Kysely<UserTables>;
  };
  const mustChange = (changed: bigint | undefined, what: string) => {
    if (!changed) throw vigilError('VIGIL_NOT_FOUND', `${what} does not exist`);
  };
  // One chain across every process: appends serialise on this until COMMIT, so no two read the same head.
  const auditLock = `vigil.audit.${db.namespace}`;

  async function appendAudits(inputs: readonly AuditInput[]): Promise<AuditEntry[]> {
    q();
    if (inputs.length === 0) return [];
    // Joins the caller's transaction when there is one: the audited writes and their entries commit or roll back
    // together. One look at the head for the lot, then the entries chained on it in order.
    return db.transaction(async (conn) => {
      await conn.lockWrites(auditLock);
      const head = await q()
        .selectFrom('users_audit')
        .select(['seq', 'hash'])
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const entries: AuditEntry[] = [];
      let previous = head && { seq: Number(head.seq), hash: head.hash };
      for (const input of inputs) entries.push((previous = chainEntry(previous, input)));
      for (let start = 0; start < entries.length; start += AUDIT_ROWS_PER_INSERT)
        await q()
          .insertInto('users_audit')
          .values(entries.slice(start, start + AUDIT_ROWS_PER_INSERT).map(toAuditRow))
          .execute();
      return entries;
    });
  }

  return {
    dialect: db.dialect,
    async migrate() {
      q();
      await db.migrate(USER_MIGRATIONS);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (options.ownsDatabase) await db.close();
    },

    async addUser(u) {
      if (await q().selectFrom('users_accounts').select('id').where('username', '=', u.username).executeTakeFirst()) {
        throw vigilError('VIGIL_CONFLICT', `user ${u.username} already exists`);
      }
      await q()
        .insertInto('users_accounts')
        .values({
          id: u.id,
          username: u.username,
          role: u.role,
          tlp_max: u.tlpMax,
          password_hash: u.passwordHash,
          created_at: u.createdAt,
        })
        .execute();
    },
    async getUser(id) {
      const row = await q().selectFrom('users_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async findUserByName(username) {
      const row = await q()
        .selectFrom('users_accounts')
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row && toUser(row);
    },
    async listUsers() {
      return (await q().selectFrom('users_accounts').selectAll().orderBy('username').execute()).map(toUser);
    },
    async countUsers() {
      const row = await q()
        .selectFrom('users_accounts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setPassword(userId, passwordHash) {
      const result = await q()
        .updateTable('users_accounts')
        .set({ password_hash: passwordHash })
        .where('id', '=', userId)
        .executeTakeFirst();
      mustChange(result.numUpdatedRows, `user ${userId}`);
    },
    async removeUser(userId) {
      const result = await q().deleteFrom('users_accounts').where('id', '=', userId).executeTakeFirst();
      mustChange(result.numDeletedRows, `user ${userId}`);
    },

    async addToken(t) {
      if (
        await q()
          .selectFrom('users_tokens')
          .select('id')
          .where('user_id', '=', t.userId)
          .where('name', '=', t.name)
          .executeTakeFirst()
      ) {
        throw vigilError('VIGIL_CONFLICT', `the user already has a token named ${t.name}`);
      }
      await q()
        .insertInto('users_tokens')
        .values({
          id: t.id,
          user_id: t.userId,
          name: t.name,
          secret_hash: t.secretHash,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: t.lastUsedAt,
          revoked_at: t.revokedAt,
        })
        .execute();
    },
    async getToken(id) {
      const row = await q().selectFrom('users_tokens').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toToken(row);
    },
    async getTokenWithUser(id) {
      const row = await q()
        .selectFrom('users_tokens as t')
        .innerJoin('users_accounts as u', 'u.id', 't.user_id')
        .selectAll('t')
        .select(['u.username', 'u.role', 'u.tlp_max', 'u.password_hash', 'u.created_at as account_created_at'])
        .where('t.id', '=', id)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const { username, role, tlp_max, password_hash, account_created_at, ...token } = row;
      const user = toUser({
        id: token.user_id,
        username,
        role,
        tlp_max,
        password_hash,
        created_at: account_created_at,
      });
      return { token: toToken(token), user };
    },
    async listTokens(userId) {
      let query = q().selectFrom('users_tokens').selectAll().orderBy('created_at').orderBy('id');
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.execute()).map(toToken);
    },
    async revokeToken(id, at) {
      const result = await q()
        .updateTable('users_tokens')
        .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', eb.val(at)) }))
        .where('id', '=', id)
        .executeTakeFirst();
      mustChange(result.numUpdatedRows, `token ${id}`);
    },
    async touchToken(id, at) {
      await q().updateTable('users_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
    },

    async addSession(s) {
      await q()
        .insertInto('users_sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          expires_at: s.expiresAt,
        })
        .execute();
    },
    async getSession(idHash) {
      const row = await q().selectFrom('users_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return row && toSession(row);
    },
    async deleteSession(idHash) {
      await q().deleteFrom('users_sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteUserSessions(userId, exceptIdHash) {
      const result = await q()
        .deleteFrom('users_sessions')
        .where('user_id', '=', userId)
        .where('id_hash', '<>', exceptIdHash ?? '')
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpiredSessions(now) {
      const result = await q().deleteFrom('users_sessions').where('expires_at', '<', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    appendAudits,
    async appendAudit(input) {
      const [entry] = await appendAudits([input]);
      return entry;
    },
    async listAudit(query = {}) {
      let select = q()
        .selectFrom('users_audit')
        .selectAll()
        .where('seq', '>', query.afterSeq ?? 0);
      if (query.action !== undefined) select = select.where('action', '=', query.action);
      if (query.target !== undefined) select = select.where('target', '=', query.target);
      select = select.orderBy('seq', query.newestFirst ? 'desc' : 'asc');
      if (query.limit !== undefined) select = select.limit(Math.max(0, Math.floor(query.limit)));
      return (await select.execute()).map(toAudit);
    },
  };
}
