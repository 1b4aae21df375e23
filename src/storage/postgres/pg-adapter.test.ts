// What only the PostgreSQL adapter has: URLs, driver-error translation, concurrent migration, COPY escaping, seq order.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { expectVigilError, INGESTED_AT, observation } from '../store-contract-fixtures.js';
import { copyErrorLine, copyField, copyRow } from '../database/pg-copy-format.js';
import { translatePgError } from '../database/pg-errors.js';
import { OBSERVATION_MIGRATIONS } from '../observation-migrations.js';
import { openObservationStore } from '../open-store.js';
import {
  createThrowawayPgStore,
  dropSchema,
  freshSchemaName,
  PG_TEST_URL,
  pgSkipReason,
  schemaUrl,
} from './pg-test-support.js';
import { parsePgUrl, scrubPassword } from '../database/pg-url.js';
import { buildObservationQuery } from '../sql/observation-sql.js';
import { normaliseQuery } from '../sql/query-options.js';
import type { ObservationQuery } from '../store.js';
import { userInfo } from 'node:os';

describe('PostgreSQL URLs and errors (no server needed)', () => {
  it('reads schema, label and password from the URL, and refuses bad schemas', () => {
    const loc = parsePgUrl('postgres://vigil:s%40cret@db.example:5433/vigil?schema=ops_1&sslmode=disable');
    expect(loc).toMatchObject({
      schema: 'ops_1',
      label: 'vigil@db.example:5433/vigil?schema=ops_1',
      password: 's@cret',
    });
    expect(loc.connectionString).not.toContain('schema=');
    expect(loc.connectionString).toContain('sslmode=disable');
    expect(parsePgUrl('postgresql://127.0.0.1/test').label).toBe('127.0.0.1:5432/test');
    expect(() => parsePgUrl('postgres://h/db?schema=Robert%27);DROP')).toThrow(
      expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }),
    );
    expect(() => parsePgUrl('postgres://[bad')).toThrow(expect.objectContaining({ code: 'VIGIL_CONFIG_INVALID' }));
  });

  it('connects as the configured default user (PGUSER), else the login name, when the URL names none', () => {
    expect(new URL(parsePgUrl('postgres://127.0.0.1/test', 'ops').connectionString).username).toBe('ops');
    expect(new URL(parsePgUrl('postgres://127.0.0.1/test').connectionString).username).toBe(userInfo().username);
    expect(new URL(parsePgUrl('postgres://vigil@127.0.0.1/test', 'ops').connectionString).username).toBe('vigil');
    expect(parsePgUrl('postgres://127.0.0.1/test', 'ops').label).toBe('127.0.0.1:5432/test');
  });

  it('translates driver errors by SQLSTATE and never echoes the password', () => {
    const loc = parsePgUrl('postgres://vigil:hunter2@db.example/vigil');
    const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(translatePgError(pgError('23505', 'duplicate key'), loc).code).toBe('VIGIL_CONFLICT');
    expect(translatePgError(pgError('23514', 'violates check constraint'), loc).code).toBe('VIGIL_INPUT_INVALID');
    expect(translatePgError(pgError('22021', 'invalid byte sequence'), loc).code).toBe('VIGIL_INPUT_INVALID');
    expect(translatePgError(pgError('40P01', 'deadlock detected'), loc).code).toBe('VIGIL_STORE_LOCKED');
    expect(translatePgError(pgError('3D000', 'database "x" does not exist'), loc).code).toBe('VIGIL_STORE_UNAVAILABLE');
    const refused = translatePgError(
      pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:5432 for postgres://vigil:hunter2@…'),
      loc,
    );
    expect(refused.code).toBe('VIGIL_STORE_UNAVAILABLE');
    expect(refused.retryable).toBe(true);
    expect(refused.message).not.toContain('hunter2');
    expect(translatePgError(new Error('bad things: hunter2'), loc).message).not.toContain('hunter2');
    expect(scrubPassword('a hunter2 b', 'hunter2')).toBe('a *** b');
  });

  it('writes COPY text with escapes and NULLs, and finds the failing line in a COPY error', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField(undefined)).toBe('\\N');
    expect(copyField(1.5)).toBe('1.5');
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyRow(['x', null, 3])).toBe('x\t\\N\t3\n');
    expect(copyErrorLine({ where: 'COPY vigil_incoming, line 3: "…"' })).toBe(3);
    expect(copyErrorLine(new Error('other'))).toBeUndefined();
  });

  it('reports an unreachable server as VIGIL_STORE_UNAVAILABLE without the password', async () => {
    const store = openObservationStore('postgres://vigil:hunter2@127.0.0.1:1/vigil', { connectTimeoutMs: 1000 });
    const error = await expectVigilError(store.migrate(), 'VIGIL_STORE_UNAVAILABLE');
    expect(error.message).toBe('cannot reach database vigil@127.0.0.1:1/vigil: ECONNREFUSED');
    await store.close();
  });
});

const skip = await pgSkipReason();
describe.skipIf(skip !== undefined)(skip ?? 'PostgreSQL adapter', () => {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it('round-trips text PostgreSQL COPY must escape; a NUL byte is bad input, not a crash', async () => {
    const store = await createThrowawayPgStore();
    try {
      const tricky = observation({
        text: 'tab\there\nnew line \\N back\\slash\r',
        sourceRef: '\\.',
        attributes: { note: 'a\tb' },
      });
      expect(await store.putObservations([tricky], INGESTED_AT)).toEqual({ inserted: 1, unchanged: 0 });
      expect(await store.getObservation(tricky.id)).toMatchObject({
        text: tricky.text,
        sourceRef: '\\.',
        attributes: { note: 'a\tb' },
      });
      const nul = observation({ series: 'test.nul', text: 'a\u0000b' });
      const error = await expectVigilError(
        store.putObservations([observation({ series: 'test.ok' }), nul], INGESTED_AT),
        'VIGIL_INPUT_INVALID',
      );
      expect(error.message).toContain('test.nul');
      expect(await store.queryObservations({ series: ['test.ok'] })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('lets several processes migrate one schema at once, and refuses a schema from a newer Vigil', async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const stores = [1, 2, 3].map(() => openObservationStore(schemaUrl(schema), { max: 1 }));
    await Promise.all(stores.map((s) => s.migrate()));
    const client = new pg.Client({ connectionString: parsePgUrl(PG_TEST_URL).connectionString });
    await client.connect();
    try {
      expect((await client.query(`SELECT count(*)::int AS n FROM ${schema}.schema_migrations`)).rows[0].n).toBe(
        OBSERVATION_MIGRATIONS.steps.length,
      );
      await client.query(
        `INSERT INTO ${schema}.schema_migrations (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00.000Z')`,
      );
    } finally {
      await client.end();
    }
    const error = await expectVigilError(stores[0].migrate(), 'VIGIL_STORE_UNAVAILABLE');
    expect(error.message).toContain('999');
    await Promise.all(stores.map((s) => s.close()));
  });

  it('reads the rows stored since a seq by an index range on a table never analysed, not by scanning it', async () => {
    // With autovacuum off nothing gathers statistics: an open range `seq > N` was guessed to keep a third of the table
    // and every incremental read after an ingest scanned all of it (the soak's reads grew with the store).
    const schema = freshSchemaName();
    schemas.push(schema);
    const store = openObservationStore(schemaUrl(schema));
    await store.migrate();
    // A few rows of the series a reader follows, then many of another series (the soak's ingests).
    await store.putObservations(
      Array.from({ length: 200 }, (_, i) => observation({ series: `test.s${i % 20}`, value: i })),
      INGESTED_AT,
    );
    await store.putObservations(
      Array.from({ length: 5000 }, (_, i) => observation({ series: 'test.other', value: i })),
      INGESTED_AT,
    );
    await store.close();
    const client = new pg.Client({
      connectionString: parsePgUrl(PG_TEST_URL).connectionString,
      options: `-c search_path=${schema}`,
    });
    await client.connect();
    const plan = async (query: ObservationQuery) => {
      const { sql, params } = buildObservationQuery(normaliseQuery(query), { param: (i) => `$${i}` });
      const rows = (await client.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN ${sql}`, values: params })).rows;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    };
    try {
      const every = await plan({ allRevisions: true, afterSeq: 5190 });
      expect(every).toContain('observations_pkey');
      expect(every).not.toContain('Seq Scan on observations');
      // Some series: their own rows since, by (series, seq), not the rows of other series stored meanwhile.
      const some = await plan({ series: ['test.s1', 'test.s2'], allRevisions: true, afterSeq: 200 });
      expect(some).toContain('observations_series_seq');
      expect(some).not.toContain('Seq Scan on observations');
    } finally {
      await client.end();
    }
  });

  it('keeps seq in commit order when writers overlap, so afterSeq readers miss nothing', async () => {
    const schema = freshSchemaName();
    schemas.push(schema);
    const [a, b] = [openObservationStore(schemaUrl(schema)), openObservationStore(schemaUrl(schema))];
    await a.migrate();
    const batch = (prefix: string) =>
      Array.from({ length: 300 }, (_, i) => observation({ series: `test.${prefix}${i}` }));
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 6; i++) writes.push((i % 2 === 0 ? a : b).putObservations(batch(`w${i}_`), INGESTED_AT));
    // A reader polling with afterSeq while the writers run must end with every row, seen once.
    const seen = new Set<string>();
    let mark = 0;
    const poll = async () => {
      const rows = await a.queryObservations({ afterSeq: mark, allRevisions: true });
      for (const o of rows) {
        expect(seen.has(o.id)).toBe(false);
        seen.add(o.id);
        mark = Math.max(mark, o.seq);
      }
    };
    let settled = false;
    const all = Promise.all(writes).then(() => (settled = true));
    while (!settled) await poll();
    await all;
    await poll();
    expect(seen.size).toBe(1800);
    await Promise.all([a.close(), b.close()]);
  });
});
