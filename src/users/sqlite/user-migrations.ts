// The user, token, session and audit tables as numbered SQLite migrations, in their own migrations table.
import { vigilError } from '../../errors/index.js';
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';

export const USERS_MIGRATIONS_TABLE = 'users_schema_migrations';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Never edit a released step: add a new one. */
export const USER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, api tokens, sessions, audit log',
    sql: `
      CREATE TABLE users_accounts (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
        tlp_max TEXT NOT NULL CHECK (tlp_max IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
        password_hash TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users_accounts (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT,
        last_used_at TEXT,
        revoked_at TEXT,
        UNIQUE (user_id, name)
      );
      CREATE TABLE users_sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users_accounts (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX users_sessions_expires ON users_sessions (expires_at);
      CREATE TABLE users_audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX users_audit_action_target ON users_audit (action, target);
    `,
  },
];

export function migrateUsers(db: SqliteDatabase, now: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${USERS_MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((db.prepare(`SELECT version FROM ${USERS_MIGRATIONS_TABLE}`).all() as { version: number }[]).map((r) => r.version));
  const known = Math.max(...USER_MIGRATIONS.map((m) => m.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw vigilError('VIGIL_STORE_UNAVAILABLE', `the user tables were migrated by a newer Vigil (version ${newest}, this one knows ${known})`);
  }
  for (const m of USER_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare(`INSERT INTO ${USERS_MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`).run(m.version, m.name, now);
    }).immediate();
  }
}
