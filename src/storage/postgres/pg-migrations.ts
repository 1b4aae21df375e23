// The PostgreSQL schema as numbered, append-only migration steps, and the runner that applies the missing ones.
import { vigilError } from '../../errors/index.js';
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

/**
 * Applies every step newer than the schema's version in one transaction, holding an advisory lock named after the
 * schema, so N processes starting together migrate once and the others wait and see it done.
 */
export async function migratePg(pool: PgPool, schema: string | undefined, label: string, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`vigil.migrate.${schema ?? ''}`] });
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    if (current > latest) {
      throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${label} has schema version ${current}, newer than this Vigil knows (${latest}); upgrade Vigil`);
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query({ text: 'INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', values: [migration.version, migration.name] });
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
