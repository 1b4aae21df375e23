// `npm run bench -- --scale`: ingest throughput of 1 and 2 worker processes over PostgreSQL and NATS JetStream,
// against a raw COPY of the same rows, and the adapter's COPY write path against multi-row INSERT (needs both
// services; see docs/deployment.md).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK, PACKAGE_ROOT } from '../app/paths.js';
import { createNatsBus } from '../bus/nats/nats-bus.js';
import { deleteNamespace, freshNamespace, namespaceUrl } from '../bus/nats/nats-test-support.js';
import { SUBJECTS } from '../bus/subjects.js';
import { withId, type Observation } from '../model/index.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { batchWork, publishWork, type QueuedWork } from '../roles/ingest-work.js';
import { OBSERVATION_COLUMNS } from '../storage/sql/observation-sql.js';
import { observationParams } from '../storage/sql/row-mapping.js';
import { copyRow } from '../storage/database/pg-copy-format.js';
import type { Connection } from '../storage/database/database.js';
import { openDatabase } from '../storage/database/open-database.js';
import { OBSERVATION_MIGRATIONS } from '../storage/observation-migrations.js';
import { openObservationStore } from '../storage/open-store.js';
import { dropSchema, freshSchemaName, schemaUrl } from '../storage/postgres/pg-test-support.js';
import { parsePgUrl } from '../storage/database/pg-url.js';
import { medianOf, type BenchFigure, type BenchOptions } from './bench-types.js';

const PG_URL = process.env.VIGIL_BENCH_PG_URL ?? 'postgres://127.0.0.1:5432/test';
const NATS_URL = process.env.VIGIL_BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';
/** Copies of the bundled observations (5,607 each), series renamed so every copy is new to the store. */
const COPIES = Number(process.env.VIGIL_BENCH_SCALE_COPIES ?? 8);
const BATCH = 500;
const ROUNDS = 5;

export async function runScaleBench(options: BenchOptions): Promise<BenchFigure[]> {
  if (!options.scale) return [];
  const pack = loadPack(DEFAULT_PACK);
  const bundled = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
  const rows = replicate(bundled, COPIES);
  const work = batchWork(pack.id, 'bench', rows, { batchSize: BATCH });
  // Interleaved rounds, medians: the machine is shared, and drift should not favour one side.
  const one: number[] = [];
  const two: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    one.push(await ingestRate(1, work, rows.length, pack.id));
    two.push(await ingestRate(2, work, rows.length, pack.id));
  }
  const copy = await rawCopyRate(rows);
  const viaCopy = await writerRate(rows, copyWrite);
  const viaValues = await writerRate(rows, valuesWrite);
  const [w1, w2] = [medianOf(one), medianOf(two)];
  return [
    { name: 'scale.ingest_1w_obs_per_s', value: Math.round(w1), unit: 'obs/s' },
    { name: 'scale.ingest_2w_obs_per_s', value: Math.round(w2), unit: 'obs/s' },
    { name: 'scale.ingest_2v1_ratio', value: Math.round((w2 / w1) * 1000) / 1000, unit: 'ratio' },
    { name: 'scale.pg_raw_copy_rows_per_s', value: Math.round(copy), unit: 'rows/s' },
    // The adapter's write path (COPY to a temp table + INSERT … ON CONFLICT) against multi-row INSERT … VALUES.
    { name: 'scale.pg_copy_upsert_rows_per_s', value: Math.round(viaCopy), unit: 'rows/s' },
    { name: 'scale.pg_values_upsert_rows_per_s', value: Math.round(viaValues), unit: 'rows/s' },
  ];
}

/**
 * Observations/s from the first work item published to the last commit announced, with `workers` ingest processes
 * already started and idle, each in a fresh schema and NATS namespace.
 */
async function ingestRate(
  workers: number,
  work: readonly QueuedWork[],
  total: number,
  packId: string,
): Promise<number> {
  const schema = freshSchemaName('vigil_bench');
  const namespace = freshNamespace('vigil_bench');
  const env = { VIGIL_DB: schemaUrl(schema, PG_URL), VIGIL_BUS: namespaceUrl(namespace, NATS_URL) };
  const store = openObservationStore(env.VIGIL_DB);
  await store.migrate(); // before the workers, so they do not race to create it
  await store.close();
  const procs = Array.from({ length: workers }, () => startWorker(env));
  const bus = await createNatsBus({ url: env.VIGIL_BUS });
  try {
    await Promise.all(procs.map((p) => p.ready));
    const done = new Set<string>();
    let finished: () => void = () => {};
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    await bus.subscribe<{ workId: string }>(SUBJECTS.stored(packId), (m) => {
      done.add(m.payload.workId);
      if (done.size === work.length) finished();
    });
    const t0 = performance.now();
    await publishWork(bus, work);
    await withTimeout(allDone, 300_000, 'the ingest workers');
    const seconds = (performance.now() - t0) / 1000;
    const stored = await countRows(schema);
    if (stored !== total) throw new Error(`scale bench: ${stored} rows stored, expected ${total}`);
    return total / seconds;
  } finally {
    await bus.close();
    await Promise.all(procs.map((p) => p.stop()));
    await dropSchema(schema, PG_URL);
    await deleteNamespace(namespace, NATS_URL);
  }
}

/** The ceiling: the same rows, already in COPY text, into a fresh observations table over one connection. */
async function rawCopyRate(rows: readonly Observation[]): Promise<number> {
  const schema = freshSchemaName('vigil_bench');
  const store = openObservationStore(schemaUrl(schema, PG_URL));
  await store.migrate();
  await store.close();
  const at = new Date(0).toISOString();
  const text = rows.map((o) => copyRow(observationParams(o, at)));
  const client = new pg.Client({ connectionString: parsePgUrl(PG_URL).connectionString });
  await client.connect();
  try {
    const t0 = performance.now();
    await client.query('BEGIN');
    await pipeline(
      Readable.from(chunks(text)),
      client.query(copyFrom(`COPY ${schema}.observations (${OBSERVATION_COLUMNS.join(', ')}) FROM STDIN`)),
    );
    await client.query('COMMIT');
    return rows.length / ((performance.now() - t0) / 1000);
  } finally {
    await client.end();
    await dropSchema(schema, PG_URL);
  }
}

type Writer = (conn: Connection, rows: readonly (readonly unknown[])[]) => Promise<number>;

/** The adapter's path: the bulk-insert capability (COPY to a staging table + INSERT … SELECT … ON CONFLICT). */
const copyWrite: Writer = async (conn, rows) => {
  const [inserted] = await conn.bulkInsert({
    table: 'observations',
    columns: OBSERVATION_COLUMNS,
    rows,
    conflictColumn: 'id',
    orderColumn: 'seq',
    serialiseOn: 'vigil.bench',
  });
  return inserted;
};

/** Rows per multi-row INSERT: 20 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
const VALUES_ROWS = 1000;

/** The alternative measured against COPY: multi-row INSERT … VALUES, 1,000 rows a statement. */
const valuesWrite: Writer = async (conn, rows) => {
  await conn.lockWrites('vigil.bench');
  let inserted = 0;
  const width = OBSERVATION_COLUMNS.length;
  for (let start = 0; start < rows.length; start += VALUES_ROWS) {
    const slice = rows.slice(start, start + VALUES_ROWS);
    const tuples = slice.map((row, r) => `(${row.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
    inserted += await conn.run(
      `INSERT INTO observations (${OBSERVATION_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (id) DO NOTHING`,
      slice.flat(),
    );
  }
  return inserted;
};

/** One connection, transactions of BATCH rows, through one of the two write paths (no bus, no validation). */
async function writerRate(rows: readonly Observation[], write: Writer): Promise<number> {
  const schema = freshSchemaName('vigil_bench');
  const db = openDatabase(schemaUrl(schema, PG_URL), { max: 1 });
  const at = new Date(0).toISOString();
  const params = rows.map((o) => observationParams(o, at));
  try {
    await db.migrate(OBSERVATION_MIGRATIONS);
    const t0 = performance.now();
    for (let i = 0; i < params.length; i += BATCH)
      await db.transaction((conn) => write(conn, params.slice(i, i + BATCH)));
    return rows.length / ((performance.now() - t0) / 1000);
  } finally {
    await db.close();
    await dropSchema(schema, PG_URL);
  }
}

function* chunks(lines: readonly string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 500) yield lines.slice(i, i + 500).join('');
}

async function countRows(schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: parsePgUrl(PG_URL).connectionString });
  await client.connect();
  try {
    return (await client.query(`SELECT count(*)::int AS n FROM ${schema}.observations`)).rows[0].n as number;
  } finally {
    await client.end();
  }
}

/** `vigil serve --role ingest`: compiled (bin/vigil.js) when the bench runs from dist, from source under tsx. */
function startWorker(env: Record<string, string>): { ready: Promise<void>; stop: () => Promise<void> } {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  const entry = fromSource
    ? ['--import', 'tsx', join(PACKAGE_ROOT, 'test', 'multiprocess', 'vigil-cli.ts')]
    : [join(PACKAGE_ROOT, 'bin', 'vigil.js')];
  if (!fromSource && !existsSync(join(PACKAGE_ROOT, 'dist', 'cli', 'main.js')))
    throw new Error('scale bench: run `npm run build` first');
  const child: ChildProcess = spawn(process.execPath, [...entry, 'serve', '--role', 'ingest'], {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-4000);
      if (log.includes('serve: ready')) resolve();
    });
    void exited.then(() => reject(new Error(`scale bench: worker exited before it was ready:\n${log}`)));
  });
  return {
    ready: withTimeout(ready, 30_000, 'a worker to start'),
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function replicate(base: readonly Observation[], copies: number): Observation[] {
  const out: Observation[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const o of base) {
      const { id: _id, ...input } = o;
      out.push(withId({ ...input, series: `${o.series}.b${copy}` }));
    }
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`scale bench: timed out waiting for ${what}`)), ms)),
    ),
  ]);
}
