// The PostgreSQL UserStore: the same tables as SQLite in the observation store's database (and schema), so any number
// of API processes share users, sessions and one audit chain (appends serialised by a transaction-scoped advisory lock).
import { vigilError } from '../../errors/index.js';
import type { Tlp } from '../../model/index.js';
import { openPgDatabase } from '../../storage/postgres/pg-database.js';
import { chainEntry, type AuditEntry } from '../audit-chain.js';
import type { ApiToken, Role, Session, User } from '../user.js';
import type { UserStore } from '../user-store.js';
import { migratePgUsers } from './pg-user-migrations.js';

interface UserRow { id: string; username: string; role: Role; tlp_max: Tlp; password_hash: string | null; created_at: string }
interface TokenRow { id: string; user_id: string; name: string; secret_hash: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }
interface SessionRow { id_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }
interface AuditRow { seq: string; at: string; actor: string; action: string; target: string; details: string; prev_hash: string; hash: string }

const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, role: r.role, tlpMax: r.tlp_max, passwordHash: r.password_hash, createdAt: r.created_at });
const toToken = (r: TokenRow): ApiToken => ({
  id: r.id, userId: r.user_id, name: r.name, secretHash: r.secret_hash, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});
const toSession = (r: SessionRow): Session => ({ idHash: r.id_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at });
const toAudit = (r: AuditRow): AuditEntry => ({
  seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, target: r.target, details: JSON.parse(r.details) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
});

export function createPgUserStore(options: { url: string; max?: number }): UserStore {
  const db = openPgDatabase(options.url, { max: options.max ?? 2, applicationName: 'vigil users' });
  const { rows, transaction } = db;
  async function changed(text: string, values: unknown[], what: string): Promise<void> {
    if ((await db.execute(text, values)) === 0) throw vigilError('VIGIL_NOT_FOUND', `${what} does not exist`);
  }

  return {
    dialect: 'postgres',
    async migrate() {
      await db.guard(() => migratePgUsers(db.pool, db.location.schema, db.location.label, new Date().toISOString()));
    },
    close: () => db.close(),

    async addUser(u) {
      if ((await rows('SELECT 1 FROM users_accounts WHERE username = $1', [u.username])).length) throw vigilError('VIGIL_CONFLICT', `user ${u.username} already exists`);
      await rows('INSERT INTO users_accounts (id, username, role, tlp_max, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [u.id, u.username, u.role, u.tlpMax, u.passwordHash, u.createdAt]);
    },
    async getUser(id) {
      return (await rows<UserRow>('SELECT * FROM users_accounts WHERE id = $1', [id])).map(toUser)[0];
    },
    async findUserByName(username) {
      return (await rows<UserRow>('SELECT * FROM users_accounts WHERE username = $1', [username])).map(toUser)[0];
    },
    async listUsers() {
      return (await rows<UserRow>('SELECT * FROM users_accounts ORDER BY username')).map(toUser);
    },
    async countUsers() {
      return Number((await rows<{ n: string }>('SELECT COUNT(*) AS n FROM users_accounts'))[0].n);
    },
    async setPassword(userId, passwordHash) {
      await changed('UPDATE users_accounts SET password_hash = $1 WHERE id = $2', [passwordHash, userId], `user ${userId}`);
    },
    async removeUser(userId) {
      await changed('DELETE FROM users_accounts WHERE id = $1', [userId], `user ${userId}`);
    },

    async addToken(t) {
      if ((await rows('SELECT 1 FROM users_tokens WHERE user_id = $1 AND name = $2', [t.userId, t.name])).length) throw vigilError('VIGIL_CONFLICT', `the user already has a token named ${t.name}`);
      await rows('INSERT INTO users_tokens (id, user_id, name, secret_hash, created_at, expires_at, last_used_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [t.id, t.userId, t.name, t.secretHash, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt]);
    },
    async getToken(id) {
      return (await rows<TokenRow>('SELECT * FROM users_tokens WHERE id = $1', [id])).map(toToken)[0];
    },
    async listTokens(userId) {
      const list = userId === undefined
        ? await rows<TokenRow>('SELECT * FROM users_tokens ORDER BY created_at, id')
        : await rows<TokenRow>('SELECT * FROM users_tokens WHERE user_id = $1 ORDER BY created_at, id', [userId]);
      return list.map(toToken);
    },
    async revokeToken(id, at) {
      await changed('UPDATE users_tokens SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [at, id], `token ${id}`);
    },
    async touchToken(id, at) {
      await rows('UPDATE users_tokens SET last_used_at = $1 WHERE id = $2', [at, id]);
    },

    async addSession(s) {
      await rows('INSERT INTO users_sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt]);
    },
    async getSession(idHash) {
      return (await rows<SessionRow>('SELECT * FROM users_sessions WHERE id_hash = $1', [idHash])).map(toSession)[0];
    },
    async deleteSession(idHash) {
      await rows('DELETE FROM users_sessions WHERE id_hash = $1', [idHash]);
    },
    async deleteUserSessions(userId, exceptIdHash) {
      return (await rows<{ id_hash: string }>('DELETE FROM users_sessions WHERE user_id = $1 AND id_hash <> $2 RETURNING id_hash', [userId, exceptIdHash ?? ''])).length;
    },
    async deleteExpiredSessions(now) {
      return (await rows<{ id_hash: string }>('DELETE FROM users_sessions WHERE expires_at < $1 RETURNING id_hash', [now])).length;
    },

    async appendAudit(input) {
      return transaction(async (client) => {
        // One chain across every process: appends take this lock until COMMIT, so no two read the same head.
        await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`vigil.audit.${db.location.schema ?? ''}`] });
        const head = (await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM users_audit ORDER BY seq DESC LIMIT 1')).rows[0];
        const entry = chainEntry(head && { seq: Number(head.seq), hash: head.hash }, input);
        await client.query({
          text: 'INSERT INTO users_audit (seq, at, actor, action, target, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          values: [entry.seq, entry.at, entry.actor, entry.action, entry.target, JSON.stringify(entry.details), entry.prevHash, entry.hash],
        });
        return entry;
      });
    },
    async listAudit(query = {}) {
      const where = ['seq > $1'];
      const values: unknown[] = [query.afterSeq ?? 0];
      for (const [column, value] of [['action', query.action], ['target', query.target]] as const) {
        if (value === undefined) continue;
        values.push(value);
        where.push(`${column} = $${values.length}`);
      }
      const limit = query.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(query.limit))}`;
      return (await rows<AuditRow>(`SELECT * FROM users_audit WHERE ${where.join(' AND ')} ORDER BY seq ${query.newestFirst ? 'DESC' : 'ASC'}${limit}`, values)).map(toAudit);
    },
  };
}
