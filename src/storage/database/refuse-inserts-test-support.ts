// For tests that prove a write is all or nothing: makes every insert into one table fail, as a full disk or a broken
// constraint would, on either engine.
import type { Database } from './database.js';

export async function refuseInserts(db: Database, table: string): Promise<void> {
  const name = `refuse_${table}`;
  const sql =
    db.dialect === 'sqlite'
      ? `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${table} refused'); END`
      : `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} refused'; END $$;
         CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`;
  await db.raw((conn) => conn.exec(sql));
}
