// Bulk insert on PostgreSQL, inside the caller's transaction: COPY into a session staging table, then one
// INSERT … SELECT … ON CONFLICT DO NOTHING, so duplicates are skipped and everything else is all-or-nothing.
// Measured against multi-row INSERT … VALUES by the scale bench (docs/deployment.md): COPY was faster.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { VigilError } from '../../errors/index.js';
import { countInsertedPerSlice, sliceOwners } from './bulk-insert-slices.js';
import type { BulkInsert } from './database.js';
import { copyErrorLine, copyRow } from './pg-copy-format.js';

/** Sessions (pooled connections) → tables whose staging table they already hold; reset when the schema changes. */
let prepared = new WeakMap<object, Set<string>>();

export function forgetStagingTables(): void {
  prepared = new WeakMap();
}

export async function copyInsert(
  client: pg.PoolClient,
  spec: BulkInsert,
  translate: (error: unknown, context?: string) => VigilError,
): Promise<number[]> {
  const owners = sliceOwners(spec.rows.length, spec.slices);
  const slices = spec.slices?.length ?? 1;
  if (spec.rows.length === 0) return new Array<number>(slices).fill(0);
  const staging = `vigil_incoming_${spec.table}`;
  const columns = spec.columns.join(', ');
  const tables = prepared.get(client) ?? new Set<string>();
  prepared.set(client, tables);
  try {
    if (!tables.has(spec.table)) {
      // LIKE … INCLUDING CONSTRAINTS copies NOT NULL and CHECK, so a bad row fails during COPY, which names its line.
      // The order column is a plain column here (identity is not copied) and carries the row's position.
      await client.query(
        `CREATE TEMP TABLE IF NOT EXISTS ${staging} (LIKE ${spec.table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DELETE ROWS`,
      );
      tables.add(spec.table);
    }
    const copyColumns = spec.orderColumn === undefined ? columns : `${spec.orderColumn}, ${columns}`;
    const chunks = copyChunks(spec.rows, spec.orderColumn !== undefined);
    await pipeline(
      Readable.from(chunks),
      client.query(copyFrom(`COPY pg_temp.${staging} (${copyColumns}) FROM STDIN`)),
    );
    if (spec.serialiseOn !== undefined)
      await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [spec.serialiseOn] });
    const order = spec.orderColumn === undefined ? '' : ` ORDER BY ${spec.orderColumn}`;
    // One slice needs only the count; several name the rows inserted, each credited to the slice of its first row.
    const returning = slices > 1 ? ` RETURNING ${spec.conflictColumn}` : '';
    const result = await client.query<unknown[]>({
      text: `INSERT INTO ${spec.table} (${columns}) SELECT ${columns} FROM pg_temp.${staging}${order} ON CONFLICT (${spec.conflictColumn}) DO NOTHING${returning}`,
      rowMode: 'array',
    });
    if (slices === 1) return [result.rowCount ?? 0];
    const inserted = new Set(result.rows.map((row) => row[0]));
    return countInsertedPerSlice(spec.rows, spec.columns.indexOf(spec.conflictColumn), owners, slices, inserted);
  } catch (error) {
    // The caller rolls back, which also undoes a CREATE TEMP TABLE made in this transaction.
    tables.delete(spec.table);
    const line = copyErrorLine(error);
    throw translate(error, line === undefined ? undefined : spec.describeRow?.(line - 1));
  }
}

/** COPY text in chunks of about 64 kB: one write per row would cost a stream callback each. */
function* copyChunks(rows: readonly (readonly unknown[])[], numbered: boolean): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    chunk += numbered ? `${i + 1}\t${copyRow(rows[i])}` : copyRow(rows[i]);
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
