// The AlertStore contract against SQLite, plus sharing one file with the observation store without a migrations clash.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { OBSERVATION_MIGRATIONS } from '../../storage/observation-migrations.js';
import { openObservationStore } from '../../storage/open-store.js';
import { runAlertStoreContract } from '../alert-store.contract.js';
import { buildAlertSql } from './alert-sql.js';
import { openAlertStore } from '../open-alert-store.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-alert-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runAlertStoreContract('sqlite file', async () => {
  const store = openAlertStore(join(dir, `a-${++n}.db`));
  await store.migrate();
  return store;
});

describe('SQLite alert store', () => {
  it('lives in the main database file beside the observation store, each with its own migrations table', async () => {
    const path = join(dir, 'shared.db');
    const main = openObservationStore(path);
    await main.migrate();
    const alerts = openAlertStore(`sqlite:${path}`);
    await alerts.migrate();
    await main.migrate();
    const db = new Database(path, { readonly: true });
    try {
      expect((db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number }).v).toBe(
        OBSERVATION_MIGRATIONS.steps.length,
      );
      expect((db.prepare('SELECT MAX(version) AS v FROM alerting_schema_migrations').get() as { v: number }).v).toBe(2);
    } finally {
      db.close();
      await alerts.close();
      await main.close();
    }
  });
});

describe('SQLite alert store: what the per-cycle reads cost', () => {
  it('reads the failing outbox entries by their own index, not by a pass over every pending entry', async () => {
    const path = join(dir, 'plan.db');
    const alerts = openAlertStore(path);
    await alerts.migrate();
    const db = new Database(path, { readonly: true });
    try {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${buildAlertSql(() => '?', false).failingOutbox}`).all() as {
        detail: string;
      }[];
      expect(plan.map((r) => r.detail).join(' | ')).toMatch(
        /USING (COVERING )?INDEX alerting_outbox_failing \(status=\? AND last_error>\?\)/,
      );
    } finally {
      db.close();
      await alerts.close();
    }
  });
});
