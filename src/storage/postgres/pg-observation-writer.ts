// Writes one batch of observation rows inside the caller's transaction: COPY into a session temp table, then one
// INSERT … SELECT … ON CONFLICT (id) DO NOTHING, so duplicates are skipped and everything else is all-or-nothing.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OBSERVATION_COLUMNS } from '../sql/observation-sql.js';
import { copyRow } from './pg-copy-format.js';
import type { PgClient } from './pg-driver.js';

const COLUMNS = OBSERVATION_COLUMNS.join(', ');
const INCOMING = 'pg_temp.vigil_incoming';
/** Sessions (pooled connections) that already hold the temp table; reset when the schema changes. */
let prepared = new WeakSet<object>();

export function forgetIncomingTables(): void {
  prepared = new WeakSet<object>();
}

/** Rows (OBSERVATION_COLUMNS order) → inserted count. Must run inside a transaction (ON COMMIT DELETE ROWS). */
export async function copyObservations(client: PgClient, rows: readonly (readonly unknown[])[], lockKey: string): Promise<number> {
  if (!prepared.has(client.session)) {
    // LIKE … INCLUDING CONSTRAINTS copies NOT NULL and CHECK, so a bad row fails during COPY, which names its line.
    // seq is a plain bigint here (identity is not copied) and carries the row's position in the batch.
    await client.query(
      `CREATE TEMP TABLE IF NOT EXISTS vigil_incoming (LIKE observations INCLUDING DEFAULTS INCLUDING CONSTRAINTS) ON COMMIT DELETE ROWS`,
    );
    prepared.add(client.session);
  }
  try {
    await pipeline(Readable.from(copyChunks(rows)), client.copyFrom(`COPY ${INCOMING} (seq, ${COLUMNS}) FROM STDIN`));
    await takeWriteLock(client, lockKey);
    const result = await client.query(`INSERT INTO observations (${COLUMNS}) SELECT ${COLUMNS} FROM ${INCOMING} ORDER BY seq ON CONFLICT (id) DO NOTHING`);
    return result.rowCount ?? 0;
  } catch (error) {
    // The caller rolls back, which also undoes a CREATE TEMP TABLE made in this transaction.
    prepared.delete(client.session);
    throw error;
  }
}

/** COPY text in chunks of about 64 kB: one write per row would cost a stream callback each. */
function* copyChunks(rows: readonly (readonly unknown[])[]): Generator<string> {
  let chunk = '';
  for (let i = 0; i < rows.length; i++) {
    chunk += `${i + 1}\t${copyRow(rows[i])}`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** Rows per multi-row INSERT: 20 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
const VALUES_ROWS = 1000;

/**
 * The alternative the scale bench measures against COPY (scale.pg_values_upsert_rows_per_s, docs/deployment.md):
 * multi-row INSERT … VALUES, 1,000 rows a statement. Not used by the adapter: COPY was faster.
 */
export async function insertObservationValues(client: PgClient, rows: readonly (readonly unknown[])[], lockKey: string): Promise<number> {
  await takeWriteLock(client, lockKey);
  let inserted = 0;
  const width = OBSERVATION_COLUMNS.length;
  for (let start = 0; start < rows.length; start += VALUES_ROWS) {
    const slice = rows.slice(start, start + VALUES_ROWS);
    const values: unknown[] = [];
    const tuples = slice.map((row, r) => {
      values.push(...row);
      return `(${row.map((_, c) => `$${r * width + c + 1}`).join(', ')})`;
    });
    const result = await client.query({
      text: `INSERT INTO observations (${COLUMNS}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
      values,
    });
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** Serialises writers from here to COMMIT (see createPgStore: seq order must be commit order). */
async function takeWriteLock(client: PgClient, lockKey: string): Promise<void> {
  await client.query({ text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [lockKey] });
}
