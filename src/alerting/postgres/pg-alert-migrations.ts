// The alerting tables in PostgreSQL as numbered steps in their own migrations table (alerting_schema_migrations, as in
// SQLite), applied under the observation store's advisory migration lock.
import { vigilError } from '../../errors/index.js';
import type { PgPool } from '../../storage/postgres/pg-driver.js';

export const PG_ALERTING_MIGRATIONS_TABLE = 'alerting_schema_migrations';

/**
 * Never edit a released step: add a new one. The columns mirror the SQLite tables so one row mapping serves both
 * (src/alerting/alert-rows.ts): JSON is TEXT and instants are canonical ISO text, whose string order is time order.
 * Columns that are compared or sorted use the "C" collation, so ORDER BY and the id prefix behave like SQLite's
 * binary order whatever the database's locale. seq columns are identities; time_to_ack_ms is BIGINT (an ack after
 * 25 days overflows INTEGER, which SQLite never would).
 */
const STEPS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'alerts, groups, silences, acks, playbook ticks, notifications, outbox',
    sql: `
      CREATE TABLE alerting_alerts (
        id TEXT COLLATE "C" PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        rule TEXT NOT NULL,
        labels TEXT NOT NULL,
        annotations TEXT NOT NULL,
        explanation TEXT,
        playbook TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'firing', 'resolved', 'inactive')),
        active_at TEXT COLLATE "C" NOT NULL,
        fired_at TEXT,
        last_active_at TEXT NOT NULL,
        resolved_at TEXT,
        value DOUBLE PRECISION
      );
      CREATE INDEX alerting_alerts_status ON alerting_alerts (status);
      CREATE INDEX alerting_alerts_active_at ON alerting_alerts (active_at);
      CREATE TABLE alerting_transitions (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        alert_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        rule TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX alerting_transitions_alert ON alerting_transitions (alert_id);
      CREATE TABLE alerting_groups (
        group_key TEXT COLLATE "C" PRIMARY KEY,
        state TEXT NOT NULL
      );
      CREATE TABLE alerting_silences (
        id TEXT COLLATE "C" PRIMARY KEY,
        matchers TEXT NOT NULL,
        starts_at TEXT COLLATE "C" NOT NULL,
        ends_at TEXT COLLATE "C" NOT NULL,
        created_by TEXT NOT NULL,
        comment TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expired_at TEXT COLLATE "C"
      );
      CREATE TABLE alerting_acks (
        alert_id TEXT COLLATE "C" PRIMARY KEY,
        acked_by TEXT NOT NULL,
        comment TEXT NOT NULL,
        at TEXT COLLATE "C" NOT NULL,
        time_to_ack_ms BIGINT
      );
      CREATE TABLE alerting_playbook_ticks (
        alert_id TEXT COLLATE "C" NOT NULL,
        playbook TEXT NOT NULL,
        step TEXT NOT NULL,
        ticked_by TEXT NOT NULL,
        at TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (alert_id, playbook, step)
      );
      CREATE TABLE alerting_notifications (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        group_key TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE alerting_outbox (
        id TEXT COLLATE "C" PRIMARY KEY,
        notification_id TEXT NOT NULL REFERENCES alerting_notifications (id),
        receiver TEXT COLLATE "C" NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT COLLATE "C" NOT NULL,
        leased_until TEXT COLLATE "C",
        last_error TEXT,
        first_failed_at TEXT,
        created_at TEXT COLLATE "C" NOT NULL,
        delivered_at TEXT
      );
      CREATE INDEX alerting_outbox_due ON alerting_outbox (status, next_attempt_at);
      CREATE TABLE alerting_meta (
        meta_key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

/**
 * Applies the missing steps in one transaction. The lock is the observation store's (`vigil.migrate.<schema>`), so
 * processes migrating a new schema's observations and alerts at once never race on CREATE SCHEMA; a process that
 * waited finds the work done.
 */
export async function migratePgAlerting(pool: PgPool, schema: string | undefined, label: string, now: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`vigil.migrate.${schema ?? ''}`] });
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${PG_ALERTING_MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT MAX(version) AS version FROM ${PG_ALERTING_MIGRATIONS_TABLE}`);
    const current = rows[0]?.version ?? 0;
    const latest = Math.max(...STEPS.map((s) => s.version));
    if (current > latest) {
      throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${label} has alerting schema version ${current}, newer than this Vigil knows (${latest}); upgrade Vigil`);
    }
    for (const step of STEPS.filter((s) => s.version > current)) {
      await client.query(step.sql);
      await client.query({ text: `INSERT INTO ${PG_ALERTING_MIGRATIONS_TABLE} (version, name, applied_at) VALUES ($1, $2, $3)`, values: [step.version, step.name, now] });
    }
    await client.query('COMMIT');
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool rather than reused.
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
