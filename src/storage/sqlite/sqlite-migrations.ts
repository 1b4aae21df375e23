// The SQLite schema as numbered, append-only migration steps, and the idempotent runner that applies the missing ones.
import { vigilError } from '../../errors/index.js';
import type { SqliteDatabase } from './sqlite-driver.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Never edit a released step: add a new one. Constraints guard the store's invariants even against unvalidated input. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'observations and settings',
    sql: `
      CREATE TABLE observations (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        series TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT '',
        value REAL,
        missing_reason TEXT,
        unit TEXT NOT NULL,
        text TEXT,
        geometry TEXT,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        published_at TEXT NOT NULL,
        retrieved_at TEXT,
        source TEXT NOT NULL,
        source_ref TEXT,
        reliability TEXT NOT NULL,
        credibility INTEGER NOT NULL,
        tlp TEXT NOT NULL,
        tlp_rank INTEGER NOT NULL,
        attributes TEXT,
        ingested_at TEXT NOT NULL,
        CONSTRAINT missing_value_has_reason CHECK (value IS NOT NULL OR missing_reason IS NOT NULL),
        CONSTRAINT period_in_order CHECK (period_end >= period_start),
        -- Not IN ('A', …): SQLite evaluates an IN list per row and it cost a fifth of ingest throughput.
        CONSTRAINT known_reliability CHECK (length(reliability) = 1 AND reliability BETWEEN 'A' AND 'F'),
        CONSTRAINT known_credibility CHECK (credibility BETWEEN 1 AND 6),
        CONSTRAINT known_tlp CHECK (tlp_rank BETWEEN 0 AND 4)
      );
      CREATE INDEX observations_as_of ON observations (series, period_start, period_end, subject, published_at, seq);
      CREATE INDEX observations_published_at ON observations (published_at);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

/** Applies every step newer than the database's version, each in its own IMMEDIATE transaction; safe to call again. */
export function migrateSqlite(db: SqliteDatabase, path: string, migrations: readonly Migration[] = SQLITE_MIGRATIONS): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const currentVersion = () =>
    (db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null }).version ?? 0;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated since we looked.
      const current = currentVersion();
      if (current > latest) {
        throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} has schema version ${current}, newer than this Vigil knows (${latest}); upgrade Vigil`);
      }
      if (migration.version <= current) return;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
  }
}
