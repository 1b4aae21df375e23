// Runs one family's numbered, append-only PostgreSQL migrations (observations, users, alerting, sharing): the missing
// steps in one transaction, under one advisory lock per schema shared by every family, so N processes starting on a
// new schema migrate once, never race on CREATE SCHEMA, and the ones that waited find the work done.
import { vigilError } from '../../errors/index.js';
import type { PgClient, PgPool } from './pg-driver.js';

export interface PgMigrationStep {
  version: number;
  name: string;
  sql: string;
  /** Rows the step needs besides its DDL (e.g. a default collection), written in the same transaction. */
  seed?: (client: PgClient, now: string) => Promise<void>;
}

export interface PgMigrationFamily {
  /** The table recording the applied versions, e.g. `users_schema_migrations`. */
  table: string;
  /** How the error names these tables when the database is newer than this Vigil, e.g. `alerting`. */
  what: string;
  steps: readonly PgMigrationStep[];
}

export async function runPgMigrations(pool: PgPool, schema: string | undefined, label: string, family: PgMigrationFamily, now: string): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [`vigil.migrate.${schema ?? ''}`] });
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // `applied_at` is TEXT in the newer families and TIMESTAMPTZ in the observation store's first table; both take an
    // ISO instant, and IF NOT EXISTS leaves an existing table as it is.
    await client.query(`CREATE TABLE IF NOT EXISTS ${family.table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT MAX(version) AS version FROM ${family.table}`);
    const current = rows[0]?.version ?? 0;
    const latest = Math.max(...family.steps.map((s) => s.version));
    if (current > latest) {
      throw vigilError('VIGIL_STORE_UNAVAILABLE', `database ${label} has ${family.what} schema version ${current}, newer than this Vigil knows (${latest}); upgrade Vigil`);
    }
    for (const step of family.steps.filter((s) => s.version > current)) {
      await client.query(step.sql);
      await step.seed?.(client, now);
      await client.query({ text: `INSERT INTO ${family.table} (version, name, applied_at) VALUES ($1, $2, $3)`, values: [step.version, step.name, now] });
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
