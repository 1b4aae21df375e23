// The sharing tables (identity, collections, partners, published objects, TAXII statuses) as numbered migrations in
// their own table (sharing_schema_migrations, the one deployed SQLite files and PostgreSQL schemas already have), run
// by the database layer's one migration runner.
import type { Kysely } from 'kysely';
import type { MigrationFamily } from '../../storage/database/database.js';
import { DEFAULT_COLLECTION } from '../partners/collections.js';
import type { SharingTables } from './sharing-tables.js';

export const SHARING_MIGRATIONS_TABLE = 'sharing_schema_migrations';

/**
 * Never edit a released step: add a new one. Step 1 keeps the DDL each dialect shipped with, verbatim, so a fresh
 * database and an upgraded one are the same: flags are INTEGER 0/1 in SQLite and BOOLEAN in PostgreSQL (both read
 * back through Boolean(), both take 0/1); on PostgreSQL compared and sorted text is COLLATE "C" (binary order, as
 * SQLite's) and seq is an identity.
 */
export const SHARING_MIGRATIONS: MigrationFamily = {
  table: SHARING_MIGRATIONS_TABLE,
  what: 'sharing',
  steps: [
    {
      version: 1,
      name: 'identity, collections, partners, published objects, TAXII statuses',
      sql: {
        sqlite: `
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
        postgres: `
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
            tlp_max TEXT NOT NULL CHECK (tlp_max IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
            created_at TEXT NOT NULL
          );
          CREATE TABLE sharing_partners (
            name TEXT COLLATE "C" PRIMARY KEY,
            tlp_max TEXT NOT NULL CHECK (tlp_max IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
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
      },
      async seed(db, now) {
        const c = DEFAULT_COLLECTION;
        await (db.kysely as Kysely<SharingTables>)
          .insertInto('sharing_collections')
          .values({
            id: c.id,
            alias: c.alias,
            title: c.title,
            description: c.description,
            series: JSON.stringify(c.series),
            assessments: Number(c.assessments),
            alerts: Number(c.alerts),
            tlp_max: c.tlpMax,
            created_at: now,
          })
          .execute();
      },
    },
  ],
};
