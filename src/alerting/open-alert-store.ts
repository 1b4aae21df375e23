// Opens the AlertStore for a database URL: the same database the observation store uses (SQLite path or PostgreSQL URL).
import { parseDatabaseUrl } from '../storage/database-url.js';
import type { AlertStore } from './alert-store.js';
import { createPgAlertStore } from './postgres/pg-alert-store.js';
import { createSqliteAlertStore } from './sqlite/sqlite-alert-store.js';

/** Any URL `vigil --db` accepts (src/storage/database-url.ts); not migrated yet. */
export function openAlertStore(url: string): AlertStore {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'postgres' ? createPgAlertStore({ url: target.url }) : createSqliteAlertStore({ path: target.path });
}
