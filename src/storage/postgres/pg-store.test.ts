// The Store contract against PostgreSQL, each test in a throwaway schema (skipped only off CI with no server).
import { describe } from 'vitest';
import { runStoreContract } from '../store.contract.js';
import { createThrowawayPgStore, pgSkipReason } from './pg-test-support.js';

const skip = await pgSkipReason();
describe.skipIf(skip !== undefined)(skip ?? 'postgres', () => runStoreContract('postgres', createThrowawayPgStore));
