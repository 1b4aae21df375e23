// The alerting tables as numbered SQLite migrations, tracked in their own table so they never collide with the observation store's.
import { vigilError } from '../../errors/index.js';
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';

export const ALERTING_MIGRATIONS_TABLE = 'alerting_schema_migrations';

interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Never edit a released step: add a new one. Column types are portable (TEXT, INTEGER, REAL); JSON is stored as TEXT. */
export const ALERTING_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'alerts, groups, silences, acks, playbook ticks, notifications, outbox',
    sql: `
      CREATE TABLE alerting_alerts (
        id TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        rule TEXT NOT NULL,
        labels TEXT NOT NULL,
        annotations TEXT NOT NULL,
        explanation TEXT,
        playbook TEXT,
        status TEXT NOT NULL CHECK (status IN ('pending', 'firing', 'resolved', 'inactive')),
        active_at TEXT NOT NULL,
        fired_at TEXT,
        last_active_at TEXT NOT NULL,
        resolved_at TEXT,
        value REAL
      );
      CREATE INDEX alerting_alerts_status ON alerting_alerts (status);
      CREATE INDEX alerting_alerts_active_at ON alerting_alerts (active_at);
      CREATE TABLE alerting_transitions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        alert_id TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        rule TEXT NOT NULL,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL
      );
      CREATE INDEX alerting_transitions_alert ON alerting_transitions (alert_id);
      CREATE TABLE alerting_groups (
        group_key TEXT PRIMARY KEY,
        state TEXT NOT NULL
      );
      CREATE TABLE alerting_silences (
        id TEXT PRIMARY KEY,
        matchers TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        comment TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expired_at TEXT
      );
      CREATE TABLE alerting_acks (
        alert_id TEXT PRIMARY KEY,
        acked_by TEXT NOT NULL,
        comment TEXT NOT NULL,
        at TEXT NOT NULL,
        time_to_ack_ms INTEGER
      );
      CREATE TABLE alerting_playbook_ticks (
        alert_id TEXT NOT NULL,
        playbook TEXT NOT NULL,
        step TEXT NOT NULL,
        ticked_by TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (alert_id, playbook, step)
      );
      CREATE TABLE alerting_notifications (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        group_key TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE alerting_outbox (
        id TEXT PRIMARY KEY,
        notification_id TEXT NOT NULL REFERENCES alerting_notifications (id),
        receiver TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        leased_until TEXT,
        last_error TEXT,
        first_failed_at TEXT,
        created_at TEXT NOT NULL,
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

/** Applies the missing steps, each in its own IMMEDIATE transaction; safe to call again and from several processes. */
export function migrateAlerting(db: SqliteDatabase, path: string, nowIso: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${ALERTING_MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const latest = ALERTING_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
  const current = () => (db.prepare(`SELECT MAX(version) AS version FROM ${ALERTING_MIGRATIONS_TABLE}`).get() as { version: number | null }).version ?? 0;
  const record = db.prepare(`INSERT INTO ${ALERTING_MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`);
  for (const migration of ALERTING_MIGRATIONS) {
    db.transaction(() => {
      const version = current();
      if (version > latest) {
        throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} has alerting schema version ${version}, newer than this Vigil knows (${latest}); upgrade Vigil`);
      }
      if (migration.version <= version) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, nowIso);
    }).immediate();
  }
}
