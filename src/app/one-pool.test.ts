// One pool per process: the API process on PostgreSQL (observations, users and audit, alerts with the in-process alert
// loop, sharing and TAXII) opens exactly one node-postgres pool, and its connections never exceed that pool's size.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK } from './paths.js';
import { openVigil } from './open-vigil.js';
import { loadPack } from '../packs/pack-loader.js';
import { runApiServer } from '../server/run-api-server.js';
import {
  dropSchema,
  freshSchemaName,
  pgSkipReason,
  PG_TEST_URL,
  schemaUrl,
} from '../storage/postgres/pg-test-support.js';
import { parsePgUrl } from '../storage/database/pg-url.js';
import { createUser, issueToken } from '../users/user-accounts.js';

const skip = await pgSkipReason();
const schema = freshSchemaName('vigil_pool');
afterAll(() => dropSchema(schema));

/** Counts pools made from now on (every module reads pg.Pool when it makes one). */
function countPools(): { count(): number; restore(): void } {
  const Original = pg.Pool;
  let made = 0;
  pg.Pool = class extends Original {
    constructor(...args: ConstructorParameters<typeof Original>) {
      super(...args);
      made++;
    }
  } as typeof pg.Pool;
  return { count: () => made, restore: () => void (pg.Pool = Original) };
}

async function backends(applicationName: string): Promise<number> {
  const client = new pg.Client({ connectionString: parsePgUrl(PG_TEST_URL).connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe.skipIf(skip !== undefined)(skip ?? 'one pool per process', () => {
  it('the API process with alerting and TAXII holds one pool to PostgreSQL', async () => {
    const pools = countPools();
    const applicationName = `vigil-pool-${schema.slice(-6)}`;
    const now = () => new Date('2026-09-01T02:00:00.000Z');
    const vigil = await openVigil(
      { databaseUrl: schemaUrl(schema), pack: loadPack(DEFAULT_PACK), database: { max: 4, applicationName } },
      now,
    );
    const server = await runApiServer({
      vigil,
      log: () => {},
      port: 0,
      runAlerting: true,
      alertIntervalMs: 50,
      scrypt: { N: 1024, r: 8, p: 1 },
    });
    try {
      const { user } = await createUser(
        vigil.users,
        { username: 'ana', role: 'analyst', password: 'correct horse battery staple' },
        now().toISOString(),
        { scrypt: { N: 1024, r: 8, p: 1 } },
      );
      const { token } = await issueToken(vigil.users, user, 'test', now().toISOString());
      const auth = { authorization: `Bearer ${token}` };
      const csv =
        'date,end_date,category,title,country,source_url,confidence\n2026-08-22,,speech,Test speech,Taiwan,https://example.org/a,high\n';
      const ingest = await fetch(`${server.url}/api/v1/ingest/triggers`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: csv,
      });
      expect(ingest.status).toBe(200);
      const reads = await Promise.all([
        fetch(`${server.url}/api/v1/assessments/latest`, { headers: auth }),
        fetch(`${server.url}/api/v1/alerts`, { headers: auth }),
        fetch(`${server.url}/api/v1/audit`, { headers: auth }),
        fetch(`${server.url}/taxii2/`, { headers: { accept: 'application/taxii+json;version=2.1' } }),
      ]);
      expect(reads.map((r) => r.status)).toEqual([200, 200, 403, 401]);
      await new Promise((resolve) => setTimeout(resolve, 200)); // a few alert-loop cycles
      expect(pools.count()).toBe(1);
      const open = await backends(applicationName);
      expect(open).toBeGreaterThan(0);
      expect(open).toBeLessThanOrEqual(4);
      expect(vigil.db.connectionCount()).toBe(open);
      expect(await vigil.users.listAudit({ action: 'observations.ingest' })).toHaveLength(1);
    } finally {
      pools.restore();
      await server.stop();
      await vigil.close();
    }
  });
});
