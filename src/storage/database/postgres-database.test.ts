// The Database contract on PostgreSQL, each test in a throwaway schema (skipped only off CI with no server).
import { describe } from 'vitest';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../postgres/pg-test-support.js';
import type { Database } from './database.js';
import { runDatabaseContract } from './database.contract.js';
import { openDatabase } from './open-database.js';

const skip = await pgSkipReason();
const schemas = new WeakMap<Database, string>();
describe.skipIf(skip !== undefined)(skip ?? 'postgres', () =>
  runDatabaseContract(
    'postgres',
    async () => {
      const schema = freshSchemaName('vigil_db');
      const db = openDatabase(schemaUrl(schema), { max: 4 });
      schemas.set(db, schema);
      return db;
    },
    async (db) => {
      await db.close();
      await dropSchema(schemas.get(db)!);
    },
  ),
);
