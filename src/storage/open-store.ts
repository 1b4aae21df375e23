// Picks the Store adapter for a database URL (sqlite:PATH, a plain path, :memory:, postgres://…) from one dispatch table.
import { vigilError } from '../errors/index.js';
import { createPgStore } from './postgres/pg-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';
import { parsePgUrl } from './postgres/pg-url.js';

export const DEFAULT_DB_URL = './vigil.db';

/** One entry per URL scheme; adding a dialect is one line here plus its adapter. */
const DIALECTS: Readonly<Record<string, (url: string) => Promise<Store>>> = {
  sqlite: async (url) => createSqliteStore({ path: sqlitePath(url) }),
  postgres: async (url) => createPgStore({ url }),
  postgresql: async (url) => createPgStore({ url }),
};

/**
 * Opens the store a URL names, without migrating it. A URL with no known scheme is a SQLite file path; an
 * unknown `scheme://` is an error rather than a file with a strange name.
 */
export async function openStore(url: string): Promise<Store> {
  const match = /^([a-z][a-z0-9+.-]+):(\/\/)?/i.exec(url);
  const scheme = match?.[1].toLowerCase();
  if (scheme !== undefined && Object.hasOwn(DIALECTS, scheme)) return DIALECTS[scheme](url);
  if (match?.[2] !== undefined) {
    // Never echo the URL: it may carry a password.
    throw vigilError('VIGIL_CONFIG_INVALID', `unsupported database URL scheme ${scheme}: (known: ${Object.keys(DIALECTS).join(', ')})`);
  }
  return DIALECTS.sqlite(`sqlite:${url}`);
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

/** `sqlite:PATH` or `sqlite://PATH` (so `sqlite:///var/vigil.db` is the absolute path). */
function sqlitePath(url: string): string {
  const rest = url.slice('sqlite:'.length);
  const path = rest.startsWith('//') ? rest.slice(2) : rest;
  if (path === '') throw vigilError('VIGIL_CONFIG_INVALID', 'invalid database URL sqlite: (expected sqlite:PATH or sqlite::memory:)');
  return path;
}

/** A label for a database URL that is safe to print: PostgreSQL URLs lose their password. */
export function describeDbUrl(url: string): string {
  return /^postgres(ql)?:\/\//i.test(url) ? parsePgUrl(url).label : url;
}
