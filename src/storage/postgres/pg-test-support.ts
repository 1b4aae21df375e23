// Test helpers for the PostgreSQL adapter: the test server's URL, a reachability check, and throwaway schemas.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store } from '../store.js';
import { openObservationStore } from '../open-store.js';
import { parsePgUrl } from '../database/pg-url.js';

/** The server the tests use (CI and developer machines run one on 127.0.0.1:5432 with trust auth). */
export const PG_TEST_URL = process.env.VIGIL_TEST_PG_URL ?? 'postgres://127.0.0.1:5432/test';

/**
 * Why PostgreSQL tests must be skipped here, or undefined to run them. Only an unreachable server outside CI is a
 * reason: under CI (env CI set) the tests run and fail loudly if the server is missing.
 */
export async function pgSkipReason(url = PG_TEST_URL): Promise<string | undefined> {
  if (process.env.CI) return undefined;
  const client = new pg.Client({ connectionString: parsePgUrl(url).connectionString, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return `PostgreSQL unreachable at ${new URL(url).host} (${(error as Error).message}); start it (see .ci/run) or set CI=1 to make this a failure`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh schema name, `vigil_test_<hex>`, unlikely to clash with a parallel run. */
export function freshSchemaName(prefix = 'vigil_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** The test URL with `?schema=` set. */
export function schemaUrl(schema: string, url = PG_TEST_URL): string {
  const u = new URL(url);
  u.searchParams.set('schema', schema);
  return u.toString();
}

export async function dropSchema(schema: string, url = PG_TEST_URL): Promise<void> {
  const client = new pg.Client({ connectionString: parsePgUrl(url).connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Opens a store of any family (observations, users, alerts…) in its own new schema and migrates it; closing it drops
 * the schema, so every test starts empty.
 */
export async function inThrowawaySchema<T extends { migrate(): Promise<void>; close(): Promise<void> }>(
  prefix: string,
  open: (url: string) => T,
): Promise<T> {
  const schema = freshSchemaName(prefix);
  const store = open(schemaUrl(schema));
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
}

/** A migrated observation store in its own new schema; closing it drops the schema. */
export function createThrowawayPgStore(): Promise<Store> {
  return inThrowawaySchema('vigil_test', (url) => openObservationStore(url, { max: 2 }));
}
