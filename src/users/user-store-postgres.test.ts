// The UserStore contract against PostgreSQL, each test in a throwaway schema (skipped only off CI with no server).
import { describe } from 'vitest';
import { inThrowawaySchema, pgSkipReason } from '../storage/postgres/pg-test-support.js';
import { runUserStoreContract } from './user-store.contract.js';
import { openUserStore } from './open-user-store.js';

const skip = await pgSkipReason();
describe.skipIf(skip !== undefined)(skip ?? 'postgres users', () =>
  runUserStoreContract('postgres', () =>
    inThrowawaySchema('vigil_users_test', (url) => openUserStore(url, { max: 2 })),
  ),
);
