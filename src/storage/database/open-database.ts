// The one place a database URL becomes an engine: `sqlite:PATH`, a plain path or `:memory:` → SQLite;
// `postgres://…` → PostgreSQL (src/storage/database-url.ts reads the URL).
import { parseDatabaseUrl } from '../database-url.js';
import { createDatabase } from './create-database.js';
import type { Database } from './database.js';
import { openPostgresEngine, type PostgresEngineOptions } from './postgres-engine.js';
import type { SqliteEngineOptions } from './sqlite-engine.js';
import { openSharedSqliteEngine } from './sqlite-shared-engine.js';

export type DatabaseOptions = SqliteEngineOptions & PostgresEngineOptions;

/**
 * Opens the database a URL names, without migrating it. SQLite opens the file now (a bad path throws
 * VIGIL_STORE_UNAVAILABLE here); PostgreSQL connects lazily, so an unreachable server is reported by the first call.
 */
export function openDatabase(url: string, options: DatabaseOptions = {}): Database {
  const target = parseDatabaseUrl(url);
  const engine =
    target.dialect === 'postgres'
      ? openPostgresEngine(target.url, options)
      : openSharedSqliteEngine(target.path, options);
  return createDatabase(engine);
}
