// The one contract the Database layer passes on every engine: shared transactions, rollback, driver errors
// translated into the registry, the migration runner, close. Each engine's test file calls runDatabaseContract.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../errors/index.js';
import type { Database, MigrationFamily } from './database.js';

const FAMILY: MigrationFamily = {
  table: 'things_schema_migrations',
  what: 'thing',
  steps: [
    { version: 1, name: 'things', sql: 'CREATE TABLE things (id TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0))' },
    {
      version: 2,
      name: 'thing log',
      sql: {
        sqlite: 'CREATE TABLE thing_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE)',
        postgres:
          'CREATE TABLE thing_log (seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id TEXT NOT NULL UNIQUE)',
      },
      seed: async (db) => void (await db.kysely.insertInto('thing_log').values({ id: 'seeded' }).execute()),
    },
  ],
};

async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toMatchObject({ code });
  return error as Error;
}

/** `create` returns a fresh, empty database; `dispose` closes it (and drops what it made). */
export function runDatabaseContract(
  name: string,
  create: () => Promise<Database>,
  dispose: (db: Database) => Promise<void>,
): void {
  describe(`Database contract: ${name}`, () => {
    let db: Database;
    beforeEach(async () => {
      db = await create();
      await db.migrate(FAMILY);
    });
    afterEach(() => dispose(db));
    const count = async (table: string) =>
      Number((await db.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

    it('migrates once, seeds in the same transaction, and records each step', async () => {
      await db.migrate(FAMILY);
      const versions = await db.kysely.selectFrom(FAMILY.table).select('version').orderBy('version').execute();
      expect(versions.map((v) => Number(v.version))).toEqual([1, 2]);
      expect(await count('thing_log')).toBe(1);
    });

    it('refuses a database migrated by a newer Vigil, naming the family', async () => {
      const error = await expectCode(
        db.migrate({ ...FAMILY, steps: FAMILY.steps.slice(0, 1) }),
        'VIGIL_STORE_UNAVAILABLE',
      );
      expect(error.message).toContain('thing schema version 2, newer than this Vigil knows (1)');
    });

    it('commits every write of a transaction together, Kysely and raw alike', async () => {
      await db.transaction(async (conn) => {
        await db.kysely.insertInto('things').values({ id: 'a', n: 1 }).execute();
        await conn.run(`INSERT INTO thing_log (id) VALUES (${db.placeholder(1)})`, ['a']);
      });
      expect(await count('things')).toBe(1);
      expect(await count('thing_log')).toBe(2);
    });

    it('rolls back every write, nested transactions included, when any of them throws', async () => {
      const failed = db.transaction(async () => {
        await db.kysely.insertInto('things').values({ id: 'a', n: 1 }).execute();
        await db.transaction(async () => {
          await db.kysely.insertInto('thing_log').values({ id: 'a' }).execute();
        });
        await db.kysely.insertInto('things').values({ id: 'b', n: -1 }).execute(); // CHECK fails
      });
      await expectCode(failed, 'VIGIL_INPUT_INVALID');
      expect(await count('things')).toBe(0);
      expect(await count('thing_log')).toBe(1);
    });

    it('translates a unique violation into VIGIL_CONFLICT, inside and outside transactions', async () => {
      await db.kysely.insertInto('things').values({ id: 'a', n: 1 }).execute();
      await expectCode(db.kysely.insertInto('things').values({ id: 'a', n: 2 }).execute(), 'VIGIL_CONFLICT');
      await expectCode(
        db.transaction(() => db.kysely.insertInto('things').values({ id: 'a', n: 2 }).execute()),
        'VIGIL_CONFLICT',
      );
    });

    it('serialises concurrent transactions so none sees another half-done', async () => {
      await db.kysely.insertInto('things').values({ id: 'x', n: 0 }).execute();
      const increment = () =>
        db.transaction(async (conn) => {
          await conn.lockWrites('things');
          const [row] = await conn.all<{ n: number }>(`SELECT n FROM things WHERE id = ${db.placeholder(1)}`, ['x']);
          await conn.run(`UPDATE things SET n = ${db.placeholder(1)} WHERE id = ${db.placeholder(2)}`, [
            Number(row.n) + 1,
            'x',
          ]);
        });
      await Promise.all(Array.from({ length: 8 }, increment));
      const [row] = await db.rows<{ n: number }>('SELECT n FROM things');
      expect(Number(row.n)).toBe(8);
    });

    it('bulk-inserts in order, skips conflicts, and names the row a constraint rejected', async () => {
      const rows = [
        ['a', 1],
        ['b', 2],
        ['a', 3],
      ];
      const inserted = await db.transaction((conn) =>
        conn.bulkInsert({ table: 'things', columns: ['id', 'n'], rows, conflictColumn: 'id' }),
      );
      expect(inserted).toEqual([2]);
      const bad = db.transaction((conn) =>
        conn.bulkInsert({
          table: 'things',
          columns: ['id', 'n'],
          rows: [
            ['c', 1],
            ['d', -1],
          ],
          conflictColumn: 'id',
          describeRow: (i) => `thing ${i + 1}`,
        }),
      );
      const error = await expectCode(bad, 'VIGIL_INPUT_INVALID');
      expect(error.message).toContain('thing 2');
      expect(await count('things')).toBe(2);
    });

    it("counts a group commit's bulk insert per slice, a duplicate of an earlier slice's row as not inserted", async () => {
      const ids = ['p', 'q', 'p', 'q', 'seeded', 'r'];
      const inserted = await db.transaction((conn) =>
        conn.bulkInsert({
          table: 'thing_log',
          columns: ['id'],
          rows: ids.map((id) => [id]),
          conflictColumn: 'id',
          orderColumn: 'seq',
          slices: [3, 0, 2, 1],
        }),
      );
      expect(inserted).toEqual([2, 0, 0, 1]);
      const log = await db.kysely.selectFrom('thing_log').select('id').orderBy('seq').execute();
      expect(log.map((r) => r.id)).toEqual(['seeded', 'p', 'q', 'r']);
      await expectCode(
        db.transaction((conn) =>
          conn.bulkInsert({ table: 'thing_log', columns: ['id'], rows: [['s']], conflictColumn: 'id', slices: [2] }),
        ),
        'VIGIL_INTERNAL',
      );
    });

    it('reads rows as arrays in column order', async () => {
      await db.kysely.insertInto('things').values({ id: 'a', n: 1 }).execute();
      expect(await db.rows('SELECT id, n FROM things', [], { rowMode: 'array' })).toEqual([['a', 1]]);
    });

    it('is unavailable once closed, and close is idempotent', async () => {
      await db.close();
      await db.close();
      await expectCode(db.rows('SELECT 1'), 'VIGIL_STORE_UNAVAILABLE');
      await expectCode(
        db.transaction(async () => {}),
        'VIGIL_STORE_UNAVAILABLE',
      );
      await expectCode(db.kysely.selectFrom('things').selectAll().execute(), 'VIGIL_STORE_UNAVAILABLE');
    });
  });
}
