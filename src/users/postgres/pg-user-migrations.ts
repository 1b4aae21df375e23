// The user tables in PostgreSQL as numbered steps in their own migrations table, applied under an advisory lock.
import { vigilError } from '../../errors/index.js';
import type { PgPool } from '../../storage/postgres/pg-driver.js';

const STEPS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'users, api tokens, sessions, audit log',
    sql: `
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
];

export async function migratePgUsers(pool: PgPool, schema: string | undefined, now: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`vigil.migrate.users.${schema ?? ''}`] });
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS users_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM users_schema_migrations');
    const current = rows[0]?.version ?? 0;
    const known = Math.max(...STEPS.map((s) => s.version));
    if (current > known) throw vigilError('VIGIL_STORE_UNAVAILABLE', `the user tables were migrated by a newer Vigil (version ${current}, this one knows ${known})`);
    for (const step of STEPS.filter((s) => s.version > current)) {
      await client.query(step.sql);
      await client.query({ text: 'INSERT INTO users_schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', values: [step.version, step.name, now] });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
