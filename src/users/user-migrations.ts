// The user, token, session and audit tables as numbered, append-only steps in their own migrations table
// (users_schema_migrations, as deployed databases already have). Never edit a released step: add a new one.
// On PostgreSQL the columns Vigil orders by use the "C" collation, so order is code-point order as on SQLite.
import type { MigrationFamily } from '../storage/database/database.js';

export const USER_MIGRATIONS: MigrationFamily = {
  table: 'users_schema_migrations',
  what: 'user',
  steps: [
    {
      version: 1,
      name: 'users, api tokens, sessions, audit log',
      sql: {
        sqlite: `
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
        postgres: `
          CREATE TABLE users_accounts (
            id TEXT PRIMARY KEY,
            username TEXT COLLATE "C" NOT NULL UNIQUE,
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
            created_at TEXT COLLATE "C" NOT NULL,
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
            expires_at TEXT COLLATE "C" NOT NULL
          );
          CREATE INDEX users_sessions_expires ON users_sessions (expires_at);
          CREATE TABLE users_audit (
            seq BIGINT PRIMARY KEY,
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
    },
  ],
};
