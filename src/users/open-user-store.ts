// Opens a UserStore on its own database: for tools and tests that need only users; a Vigil process shares its one
// database through openVigil (src/app/open-vigil.ts).
import { openDatabase, type DatabaseOptions } from '../storage/database/open-database.js';
import { createUserStore } from './database-user-store.js';
import type { UserStore } from './user-store.js';

/** Any URL `vigil --db` accepts (src/storage/database-url.ts); not migrated yet. Closing the store closes the database. */
export function openUserStore(url: string, options?: DatabaseOptions): UserStore {
  return createUserStore(openDatabase(url, options), { ownsDatabase: true });
}
