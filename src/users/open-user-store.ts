// Opens the UserStore for a database URL: the same database the observation store uses (SQLite path or PostgreSQL URL).
import { vigilError } from '../errors/index.js';
import { createPgUserStore } from './postgres/pg-user-store.js';
import { createSqliteUserStore } from './sqlite/sqlite-user-store.js';
import type { UserStore } from './user-store.js';

/** `sqlite:PATH`, `sqlite://PATH`, `:memory:`, a plain path or `postgres://…`, as `vigil --db` accepts; not migrated yet. */
export function openUserStore(url: string): UserStore {
  const match = /^([a-z][a-z0-9+.-]+):(\/\/)?/i.exec(url);
  const scheme = match?.[1].toLowerCase();
  if (scheme === 'sqlite') {
    const rest = url.slice('sqlite:'.length);
    const path = rest.startsWith('//') ? rest.slice(2) : rest;
    if (path === '') throw vigilError('VIGIL_CONFIG_INVALID', 'invalid database URL sqlite: (expected sqlite:PATH)');
    return createSqliteUserStore({ path });
  }
  if (scheme === 'postgres' || scheme === 'postgresql') return createPgUserStore({ url });
  if (match?.[2] !== undefined) {
    throw vigilError('VIGIL_CONFIG_INVALID', `the user store has no adapter for ${scheme}: URLs; use a SQLite path, sqlite:PATH or postgres://…`);
  }
  return createSqliteUserStore({ path: url });
}
