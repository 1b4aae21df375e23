// Picks the Store adapter for a database URL (sqlite:PATH, a plain path, :memory:, postgres://…).
import { parseDatabaseUrl } from './database-url.js';
import { createPgStore } from './postgres/pg-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';
import { parsePgUrl } from './postgres/pg-url.js';

export const DEFAULT_DB_URL = './vigil.db';

/**
 * Opens the store a URL names (src/storage/database-url.ts), without migrating it. A URL with no known scheme is a
 * SQLite file path; an unknown `scheme://` is an error rather than a file with a strange name.
 */
export async function openStore(url: string): Promise<Store> {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres' ? createPgStore({ url: target.url }) : createSqliteStore({ path: target.path });
}

/**
 * The database URL to use: the command-line flag, else the environment value (VIGIL_DB, read by the caller),
 * else ./vigil.db. Blank values count as absent.
 */
export function resolveDbUrl(flag?: string, env?: string): string {
  if (flag !== undefined && flag.trim() !== '') return flag.trim();
  if (env !== undefined && env.trim() !== '') return env.trim();
  return DEFAULT_DB_URL;
}

/** A label for a database URL that is safe to print: PostgreSQL URLs lose their password. */
export function describeDbUrl(url: string): string {
  return /^postgres(ql)?:\/\//i.test(url) ? parsePgUrl(url).label : url;
}
