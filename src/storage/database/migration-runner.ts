// The one migration runner: a family's missing steps in one transaction, recorded in the family's own version table
// (the tables today's SQLite files and PostgreSQL schemas already have), so deployed databases upgrade in place.
import { vigilError } from '../../errors/index.js';
import type { Database, MigrationFamily } from './database.js';
import type { Engine, EngineConnection } from './engine.js';

/** Runs inside the migration transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: under the per-schema advisory lock). */
export async function runMigrations(
  db: Database,
  engine: Engine,
  conn: EngineConnection,
  family: MigrationFamily,
  now: string,
): Promise<void> {
  await engine.beginMigration(conn);
  // applied_at is TEXT everywhere but the observation store's first PostgreSQL table (TIMESTAMPTZ); both take an ISO
  // instant, and IF NOT EXISTS leaves an existing table as it is.
  await conn.exec(
    `CREATE TABLE IF NOT EXISTS ${family.table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const [row] = await conn.all<{ version: number | null }>(`SELECT MAX(version) AS version FROM ${family.table}`);
  const current = Number(row?.version ?? 0);
  const latest = Math.max(0, ...family.steps.map((s) => s.version));
  if (current > latest) {
    throw vigilError(
      'VIGIL_STORE_UNAVAILABLE',
      `database ${db.label} has ${family.what} schema version ${current}, newer than this Vigil knows (${latest}); upgrade Vigil`,
    );
  }
  const record = `INSERT INTO ${family.table} (version, name, applied_at) VALUES (${db.placeholder(1)}, ${db.placeholder(2)}, ${db.placeholder(3)})`;
  for (const step of family.steps.filter((s) => s.version > current)) {
    await conn.exec(typeof step.sql === 'string' ? step.sql : step.sql[db.dialect]);
    await step.seed?.(db, now);
    await conn.run(record, [step.version, step.name, now]);
  }
}
