// The SQLite UserStore: user tables in the same database file as the observation store, better-sqlite3 underneath.
import { vigilError } from '../../errors/index.js';
import type { Tlp } from '../../model/index.js';
import { openSqliteDatabase, type SqliteStatement } from '../../storage/sqlite/sqlite-driver.js';
import { translateSqliteError } from '../../storage/database/sqlite-errors.js';
import { chainEntry, type AuditEntry } from '../audit-chain.js';
import type { ApiToken, Role, Session, User } from '../user.js';
import type { UserStore } from '../user-store.js';
import { migrateUsers } from './user-migrations.js';

export interface SqliteUserStoreOptions {
  path: string;
  busyTimeoutMs?: number;
}

interface UserRow { id: string; username: string; role: Role; tlp_max: Tlp; password_hash: string | null; created_at: string }
interface TokenRow { id: string; user_id: string; name: string; secret_hash: string; created_at: string; expires_at: string | null; last_used_at: string | null; revoked_at: string | null }
interface SessionRow { id_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string }
interface AuditRow { seq: number; at: string; actor: string; action: string; target: string; details: string; prev_hash: string; hash: string }

const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, role: r.role, tlpMax: r.tlp_max, passwordHash: r.password_hash, createdAt: r.created_at });
const toToken = (r: TokenRow): ApiToken => ({
  id: r.id, userId: r.user_id, name: r.name, secretHash: r.secret_hash, createdAt: r.created_at, expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});
const toSession = (r: SessionRow): Session => ({ idHash: r.id_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at });
const toAudit = (r: AuditRow): AuditEntry => ({
  seq: r.seq, at: r.at, actor: r.actor, action: r.action, target: r.target, details: JSON.parse(r.details) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
});

export function createSqliteUserStore(options: SqliteUserStoreOptions): UserStore {
  const { path } = options;
  const db = openSqliteDatabase(path, options.busyTimeoutMs);
  let closed = false;
  const statements = new Map<string, SqliteStatement>();
  const run = <T>(fn: () => T): T => {
    if (closed) throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} is closed`);
    try {
      return fn();
    } catch (error) {
      throw translateSqliteError(error, path);
    }
  };
  const sql = (text: string): SqliteStatement => {
    let stmt = statements.get(text);
    if (!stmt) statements.set(text, (stmt = db.prepare(text)));
    return stmt;
  };
  const mustChange = (changes: number, what: string) => {
    if (changes === 0) throw vigilError('VIGIL_NOT_FOUND', `${what} does not exist`);
  };

  return {
    dialect: 'sqlite',
    async migrate() {
      run(() => migrateUsers(db, new Date().toISOString()));
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },

    async addUser(u) {
      run(() => {
        if (sql('SELECT 1 FROM users_accounts WHERE username = ?').get(u.username)) throw vigilError('VIGIL_CONFLICT', `user ${u.username} already exists`);
        sql('INSERT INTO users_accounts (id, username, role, tlp_max, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(u.id, u.username, u.role, u.tlpMax, u.passwordHash, u.createdAt);
      });
    },
    async getUser(id) {
      const row = run(() => sql('SELECT * FROM users_accounts WHERE id = ?').get(id)) as UserRow | undefined;
      return row && toUser(row);
    },
    async findUserByName(username) {
      const row = run(() => sql('SELECT * FROM users_accounts WHERE username = ?').get(username)) as UserRow | undefined;
      return row && toUser(row);
    },
    async listUsers() {
      return (run(() => sql('SELECT * FROM users_accounts ORDER BY username').all()) as UserRow[]).map(toUser);
    },
    async countUsers() {
      return (run(() => sql('SELECT COUNT(*) AS n FROM users_accounts').get()) as { n: number }).n;
    },
    async setPassword(userId, passwordHash) {
      run(() => mustChange(sql('UPDATE users_accounts SET password_hash = ? WHERE id = ?').run(passwordHash, userId).changes, `user ${userId}`));
    },
    async removeUser(userId) {
      run(() => mustChange(sql('DELETE FROM users_accounts WHERE id = ?').run(userId).changes, `user ${userId}`));
    },

    async addToken(t) {
      run(() => {
        if (sql('SELECT 1 FROM users_tokens WHERE user_id = ? AND name = ?').get(t.userId, t.name)) throw vigilError('VIGIL_CONFLICT', `the user already has a token named ${t.name}`);
        sql('INSERT INTO users_tokens (id, user_id, name, secret_hash, created_at, expires_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(t.id, t.userId, t.name, t.secretHash, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt);
      });
    },
    async getToken(id) {
      const row = run(() => sql('SELECT * FROM users_tokens WHERE id = ?').get(id)) as TokenRow | undefined;
      return row && toToken(row);
    },
    async listTokens(userId) {
      const rows = run(() => (userId === undefined ? sql('SELECT * FROM users_tokens ORDER BY created_at, id').all() : sql('SELECT * FROM users_tokens WHERE user_id = ? ORDER BY created_at, id').all(userId))) as TokenRow[];
      return rows.map(toToken);
    },
    async revokeToken(id, at) {
      run(() => mustChange(sql('UPDATE users_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(at, id).changes, `token ${id}`));
    },
    async touchToken(id, at) {
      run(() => sql('UPDATE users_tokens SET last_used_at = ? WHERE id = ?').run(at, id));
    },

    async addSession(s) {
      run(() => sql('INSERT INTO users_sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(s.idHash, s.userId, s.csrfToken, s.createdAt, s.expiresAt));
    },
    async getSession(idHash) {
      const row = run(() => sql('SELECT * FROM users_sessions WHERE id_hash = ?').get(idHash)) as SessionRow | undefined;
      return row && toSession(row);
    },
    async deleteSession(idHash) {
      run(() => sql('DELETE FROM users_sessions WHERE id_hash = ?').run(idHash));
    },
    async deleteExpiredSessions(now) {
      return run(() => sql('DELETE FROM users_sessions WHERE expires_at < ?').run(now).changes);
    },

    async appendAudit(input) {
      return run(() =>
        db.transaction(() => {
          const head = sql('SELECT seq, hash FROM users_audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
          const entry = chainEntry(head, input);
          sql('INSERT INTO users_audit (seq, at, actor, action, target, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
            .run(entry.seq, entry.at, entry.actor, entry.action, entry.target, JSON.stringify(entry.details), entry.prevHash, entry.hash);
          return entry;
        }).immediate(),
      );
    },
    async listAudit(query = {}) {
      const limit = query.limit ?? -1;
      const order = query.newestFirst ? 'DESC' : 'ASC';
      const where = ['seq > ?'];
      const params: unknown[] = [query.afterSeq ?? 0];
      for (const [column, value] of [['action', query.action], ['target', query.target]] as const) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        params.push(value);
      }
      const rows = run(() => sql(`SELECT * FROM users_audit WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT ?`).all(...params, limit)) as AuditRow[];
      return rows.map(toAudit);
    },
  };
}
