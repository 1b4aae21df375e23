// The sharing tables in PostgreSQL as numbered steps in their own migrations table, applied under an advisory lock.
// They mirror the SQLite steps (src/sharing/partners/sharing-migrations.ts); compared and sorted text is COLLATE "C"
// so ordering is binary, as in SQLite, whatever the database locale.
import { runPgMigrations, type PgMigrationStep } from '../../storage/postgres/pg-migration-runner.js';
import type { PgPool } from '../../storage/postgres/pg-driver.js';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import { SHARING_MIGRATIONS_TABLE } from '../partners/sharing-migrations.js';


const TLP_CHECK = "CHECK (tlp_max IN ('clear', 'green', 'amber', 'amber+strict', 'red'))";

/** Never edit a released step: add a new one (and the same step to SQLite). */
const STEPS: readonly PgMigrationStep[] = [
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
        id TEXT COLLATE "C" PRIMARY KEY,
        alias TEXT COLLATE "C" NOT NULL UNIQUE,
        title TEXT NOT NULL,
        description TEXT NOT NULL,
        series TEXT NOT NULL,
        assessments BOOLEAN NOT NULL,
        alerts BOOLEAN NOT NULL,
        tlp_max TEXT NOT NULL ${TLP_CHECK},
        created_at TEXT NOT NULL
      );
      CREATE TABLE sharing_partners (
        name TEXT COLLATE "C" PRIMARY KEY,
        tlp_max TEXT NOT NULL ${TLP_CHECK},
        can_write BOOLEAN NOT NULL DEFAULT FALSE,
        token_hash TEXT UNIQUE,
        public_key TEXT,
        require_signatures BOOLEAN NOT NULL DEFAULT FALSE,
        remote_url TEXT,
        remote_token TEXT,
        remote_collection TEXT,
        pull_added_after TEXT,
        last_pull_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sharing_partner_collections (
        partner TEXT COLLATE "C" NOT NULL REFERENCES sharing_partners (name) ON DELETE CASCADE,
        collection_id TEXT COLLATE "C" NOT NULL REFERENCES sharing_collections (id) ON DELETE CASCADE,
        PRIMARY KEY (partner, collection_id)
      );
      CREATE INDEX sharing_partner_collections_by_collection ON sharing_partner_collections (collection_id);
      CREATE TABLE sharing_objects (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stix_id TEXT COLLATE "C" NOT NULL,
        type TEXT COLLATE "C" NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('assessment', 'alert', 'foreign')),
        version TEXT COLLATE "C" NOT NULL,
        tlp TEXT NOT NULL,
        tlp_rank SMALLINT NOT NULL CHECK (tlp_rank BETWEEN 0 AND 4),
        origin TEXT COLLATE "C" NOT NULL,
        date_added TEXT COLLATE "C" NOT NULL,
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
    async seed(client, nowIso) {
      const c = DEFAULT_COLLECTION;
      await client.query({
        text: 'INSERT INTO sharing_collections (id, alias, title, description, series, assessments, alerts, tlp_max, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
        values: [c.id, c.alias, c.title, c.description, JSON.stringify(c.series), c.assessments, c.alerts, c.tlpMax, nowIso],
      });
    },
  },
];

/** Applies the sharing tables' missing steps (src/storage/postgres/pg-migration-runner.ts); safe to call again. */
export async function migratePgSharing(pool: PgPool, schema: string | undefined, label: string, nowIso: string): Promise<void> {
  await runPgMigrations(pool, schema, label, { table: SHARING_MIGRATIONS_TABLE, what: 'sharing', steps: STEPS }, nowIso);
}
