// The sharing tables (identity, collections, partners, published objects, TAXII statuses) as numbered SQLite
// migrations, tracked in their own table so they never collide with the observation store's or alerting's.
import { vigilError } from '../../errors/index.js';
import type { SqliteDatabase } from '../../storage/sqlite/sqlite-driver.js';
import { DEFAULT_COLLECTION } from './collections.js';

export const SHARING_MIGRATIONS_TABLE = 'sharing_schema_migrations';

interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rows a fresh database starts with. */
  seed?: (db: SqliteDatabase, nowIso: string) => void;
}

/** Never edit a released step: add a new one. */
export const SHARING_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'identity, collections, partners, published objects, TAXII statuses',
    sql: `
      CREATE TABLE sharing_identity (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        private_key_pem TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sharing_collections (
        id TEXT PRIMARY KEY,
        alias TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        series TEXT NOT NULL,
        assessments INTEGER NOT NULL CHECK (assessments IN (0, 1)),
        alerts INTEGER NOT NULL CHECK (alerts IN (0, 1)),
        tlp_max TEXT NOT NULL CHECK (tlp_max IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE sharing_partners (
        name TEXT PRIMARY KEY,
        tlp_max TEXT NOT NULL CHECK (tlp_max IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
        can_write INTEGER NOT NULL DEFAULT 0 CHECK (can_write IN (0, 1)),
        token_hash TEXT UNIQUE,
        public_key TEXT,
        require_signatures INTEGER NOT NULL DEFAULT 0 CHECK (require_signatures IN (0, 1)),
        remote_url TEXT,
        remote_token TEXT,
        remote_collection TEXT,
        pull_added_after TEXT,
        last_pull_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sharing_partner_collections (
        partner TEXT NOT NULL REFERENCES sharing_partners (name) ON DELETE CASCADE,
        collection_id TEXT NOT NULL REFERENCES sharing_collections (id) ON DELETE CASCADE,
        PRIMARY KEY (partner, collection_id)
      );
      CREATE TABLE sharing_objects (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        stix_id TEXT NOT NULL,
        type TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('assessment', 'alert', 'foreign')),
        version TEXT NOT NULL,
        tlp TEXT NOT NULL,
        tlp_rank INTEGER NOT NULL CHECK (tlp_rank BETWEEN 0 AND 4),
        origin TEXT NOT NULL,
        date_added TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (stix_id, version, origin)
      );
      CREATE INDEX sharing_objects_by_id ON sharing_objects (stix_id, version);
      CREATE TABLE sharing_statuses (
        id TEXT PRIMARY KEY,
        partner TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
    seed: (db, nowIso) => {
      const c = DEFAULT_COLLECTION;
      db.prepare(
        'INSERT INTO sharing_collections (id, alias, title, description, series, assessments, alerts, tlp_max, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(c.id, c.alias, c.title, c.description, JSON.stringify(c.series), Number(c.assessments), Number(c.alerts), c.tlpMax, nowIso);
    },
  },
];

/** Applies the missing steps, each in its own IMMEDIATE transaction; safe to call again and from several processes. */
export function migrateSharing(db: SqliteDatabase, path: string, nowIso: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${SHARING_MIGRATIONS_TABLE} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const latest = SHARING_MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
  const current = () => (db.prepare(`SELECT MAX(version) AS version FROM ${SHARING_MIGRATIONS_TABLE}`).get() as { version: number | null }).version ?? 0;
  const record = db.prepare(`INSERT INTO ${SHARING_MIGRATIONS_TABLE} (version, name, applied_at) VALUES (?, ?, ?)`);
  for (const migration of SHARING_MIGRATIONS) {
    db.transaction(() => {
      const version = current();
      if (version > latest) {
        throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${path} has sharing schema version ${version}, newer than this Vigil knows (${latest}); upgrade Vigil`);
      }
      if (migration.version <= version) return;
      db.exec(migration.sql);
      migration.seed?.(db, nowIso);
      record.run(migration.version, migration.name, nowIso);
    }).immediate();
  }
}
