// The alerting tables as numbered migrations in their own table (alerting_schema_migrations, the one deployed SQLite
// files and PostgreSQL schemas already have), run by the database layer's one migration runner.
import type { MigrationFamily } from '../../storage/database/database.js';

/**
 * Never edit a released step: add a new one. Step 1 keeps the DDL each dialect shipped with, verbatim, so a fresh
 * database and an upgraded one are the same. The columns are the same in both (one row mapping, alert-tables.ts):
 * JSON is TEXT and instants are canonical ISO text. On PostgreSQL, compared and sorted columns are COLLATE "C" (binary
 * order, as SQLite's), seq columns are identities and time_to_ack_ms is BIGINT (an ack after 25 days overflows INTEGER).
 */
export const ALERTING_MIGRATIONS: MigrationFamily = {
  table: 'alerting_schema_migrations',
  what: 'alerting',
  steps: [
    {
      version: 1,
      name: 'alerts, groups, silences, acks, playbook ticks, notifications, outbox',
      sql: {
        sqlite: `
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
        postgres: `
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
    },
    {
      version: 2,
      name: 'outbox index for the receivers that keep failing',
      // receiverHealth runs every alerting cycle and reads the pending entries that have failed: by this index it reads
      // those, not every pending entry of a backlog (the due index stops at status).
      sql: {
        sqlite: 'CREATE INDEX alerting_outbox_failing ON alerting_outbox (status, last_error);',
        postgres: 'CREATE INDEX alerting_outbox_failing ON alerting_outbox (status, last_error);',
      },
    },
  ],
};
