// Opens the AlertStore for a database URL: the same database the observation store uses (SQLite path or PostgreSQL URL).
import { openDatabase } from '../storage/database/open-database.js';
import type { AlertStore } from './alert-store.js';
import { createAlertStore } from './sql/sql-alert-store.js';

/** Any URL `vigil --db` accepts (src/storage/database-url.ts), on a database object of its own; not migrated yet. */
export function openAlertStore(url: string, options: { max?: number; busyTimeoutMs?: number } = {}): AlertStore {
  return createAlertStore(
    openDatabase(url, { max: options.max ?? 4, busyTimeoutMs: options.busyTimeoutMs, applicationName: 'vigil alerts' }),
    { owned: true },
  );
}
