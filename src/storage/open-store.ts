// Picks the Store adapter for a database URL (sqlite:PATH, a plain path, :memory:, postgres://…).
import { openDatabase, type DatabaseOptions } from './database/open-database.js';
import { parsePgUrl } from './database/pg-url.js';
import { createObservationStore } from './observation-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB_URL = './vigil.db';

/**
 * Opens the store a URL names (src/storage/database-url.ts), without migrating it. A URL with no known scheme is a
 * SQLite file path; an unknown `scheme://` is an error rather than a file with a strange name.
 */
export async function openStore(url: string, options?: DatabaseOptions): Promise<Store> {
  return openObservationStore(url, options);
}

/**
 * The same, synchronously: a store that owns its own database (closing the store closes it). For tools and tests
 * that need only observations; a Vigil process opens the database once with openVigil (src/app/open-vigil.ts).
 */
export function openObservationStore(url: string, options?: DatabaseOptions): Store {
  return createObservationStore(openDatabase(url, options), { ownsDatabase: true });
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
