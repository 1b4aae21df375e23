// The PostgreSQL schema as numbered, append-only migration steps, and the runner that applies the missing ones.
import { runPgMigrations } from './pg-migration-runner.js';
import type { PgPool } from './pg-driver.js';

export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Never edit a released step: add a new one. The columns mirror the SQLite schema so both dialects run the same SQL
 * (src/storage/sql): instants are canonical UTC text, whose string order is time order. Every column that is
 * compared or sorted uses the "C" collation, so ORDER BY and the seriesPrefix range behave like SQLite's binary
 * order whatever the database's locale (en_US would sort `a_b` after `axb`).
 */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'observations and settings',
    sql: `
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
];

/** Applies the observation store's missing steps (src/storage/postgres/pg-migration-runner.ts). */
export async function migratePg(pool: PgPool, schema: string | undefined, label: string, now: string, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<void> {
  await runPgMigrations(pool, schema, label, { table: 'schema_migrations', what: 'observation', steps: migrations }, now);
}
