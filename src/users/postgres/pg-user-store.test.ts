// The UserStore contract against PostgreSQL, each test in a throwaway schema (skipped only off CI with no server).
import { describe } from 'vitest';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../../storage/postgres/pg-test-support.js';
import { runUserStoreContract } from '../user-store.contract.js';
import { createPgUserStore } from './pg-user-store.js';

const skip = await pgSkipReason();
describe.skipIf(skip !== undefined)(skip ?? 'postgres users', () =>
  runUserStoreContract('postgres', async () => {
    const schema = freshSchemaName('vigil_users_test');
    const store = createPgUserStore({ url: schemaUrl(schema) });
    await store.migrate();
    let dropped = false;
    return {
      ...store,
      async close() {
        await store.close();
        if (dropped) return;
        dropped = true;
        await dropSchema(schema);
      },
    };
  }));
