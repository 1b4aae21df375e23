// The Database contract on SQLite files in a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { runDatabaseContract } from './database.contract.js';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-db-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runDatabaseContract(
  'sqlite',
  async () => openDatabase(join(dir, `db-${++files}.db`)),
  (db) => db.close(),
);
