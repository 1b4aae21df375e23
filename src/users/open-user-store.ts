// Opens the UserStore for a database URL: the same database the observation store uses (SQLite path or PostgreSQL URL).
import { parseDatabaseUrl } from '../storage/database-url.js';
import { createPgUserStore } from './postgres/pg-user-store.js';
import { createSqliteUserStore } from './sqlite/sqlite-user-store.js';
import type { UserStore } from './user-store.js';

/** Any URL `vigil --db` accepts (src/storage/database-url.ts); not migrated yet. */
export function openUserStore(url: string): UserStore {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres' ? createPgUserStore({ url: target.url }) : createSqliteUserStore({ path: target.path });
}
