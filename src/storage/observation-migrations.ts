// The observation store's schema as numbered, append-only steps, recorded in `schema_migrations` (the table every
// deployed SQLite file and PostgreSQL schema already has). Never edit a released step: add a new one.
//
// The columns are the same in both engines so one SQL text serves both (src/storage/sql): instants are canonical UTC
// text, whose string order is time order. On PostgreSQL every column that is compared or sorted uses the "C"
// collation, so ORDER BY and the seriesPrefix range behave like SQLite's binary order whatever the server's locale.
// Constraints guard the store's invariants even against unvalidated input.
import type { MigrationFamily } from './database/database.js';

export const OBSERVATION_MIGRATIONS: MigrationFamily = {
  table: 'schema_migrations',
  what: 'observation',
  steps: [
    {
      version: 1,
      name: 'observations and settings',
      sql: {
        sqlite: `
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
        postgres: `
          CREATE TABLE observations (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id TEXT COLLATE "C" NOT NULL UNIQUE,
            series TEXT COLLATE "C" NOT NULL,
            subject TEXT COLLATE "C" NOT NULL DEFAULT '',
            value DOUBLE PRECISION,
            missing_reason TEXT,
            unit TEXT NOT NULL,
            text TEXT,
            geometry TEXT,
            period_start TEXT COLLATE "C" NOT NULL,
            period_end TEXT COLLATE "C" NOT NULL,
            published_at TEXT COLLATE "C" NOT NULL,
            retrieved_at TEXT,
            source TEXT COLLATE "C" NOT NULL,
            source_ref TEXT,
            reliability TEXT NOT NULL,
            credibility SMALLINT NOT NULL,
            tlp TEXT NOT NULL,
            tlp_rank SMALLINT NOT NULL,
            attributes TEXT,
            ingested_at TEXT NOT NULL,
            CONSTRAINT missing_value_has_reason CHECK (value IS NOT NULL OR missing_reason IS NOT NULL),
            CONSTRAINT period_in_order CHECK (period_end >= period_start),
            CONSTRAINT known_reliability CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
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
    },
    {
      version: 2,
      name: 'observations by series since a seq',
      // The incremental readers (`afterSeq` with `series`): what a reader of a few series reads after an ingest is
      // then its own new rows, not every row stored since its last look.
      sql: 'CREATE INDEX observations_series_seq ON observations (series, seq)',
    },
  ],
};
