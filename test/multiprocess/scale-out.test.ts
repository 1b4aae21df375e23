// Scale-out over the real PostgreSQL and NATS: two ingest processes and one assessor reproduce the single-process
// SQLite assessments, and a worker killed with SIGKILL mid-stream loses and duplicates nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessAt } from '../../src/app/assess-at.js';
import { ingestFiles, parseFile } from '../../src/app/ingest-files.js';
import { DEFAULT_PACK } from '../../src/app/paths.js';
import type { Bus } from '../../src/bus/bus.js';
import { createNatsBus } from '../../src/bus/nats/nats-bus.js';
import { deleteNamespace, freshNamespace, namespaceUrl, natsSkipReason } from '../../src/bus/nats/nats-test-support.js';
import { SUBJECTS } from '../../src/bus/subjects.js';
import { assessmentJson } from '../../src/cli/commands/assess.js';
import type { Assessment } from '../../src/model/index.js';
import { loadPack, packPath } from '../../src/packs/pack-loader.js';
import { packDataWork, publishWork } from '../../src/roles/ingest-work.js';
import { openObservationStore } from '../../src/storage/open-store.js';
import {
  dropSchema,
  freshSchemaName,
  PG_TEST_URL,
  pgSkipReason,
  schemaUrl,
} from '../../src/storage/postgres/pg-test-support.js';
import { parsePgUrl } from '../../src/storage/database/pg-url.js';
import type { Store } from '../../src/storage/store.js';
import { parseDay } from '../../src/time/zone.js';
import { killAll, runVigil, spawnVigil } from './vigil-process.js';

const DATES = ['2023-04-10', '2024-05-24', '2026-08-22'];
const pack = loadPack(DEFAULT_PACK);
const expectedIds = new Set(pack.data.flatMap((f) => parseFile(f.kind, packPath(pack, f.path)).map((o) => o.id)));

const skip = (await pgSkipReason()) ?? (await natsSkipReason());

/** One isolated deployment: its own PostgreSQL schema and NATS namespace. */
function deployment(prefix: string) {
  const schema = freshSchemaName(prefix);
  const namespace = freshNamespace(prefix);
  const env = { VIGIL_DB: schemaUrl(schema), VIGIL_BUS: namespaceUrl(namespace) };
  return { schema, namespace, env, cleanup: async () => Promise.all([dropSchema(schema), deleteNamespace(namespace)]) };
}

async function storedCounts(schema: string): Promise<{ rows: number; distinct: number }> {
  const client = new pg.Client({ connectionString: parsePgUrl(PG_TEST_URL).connectionString });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS rows, count(DISTINCT id)::int AS distinct FROM ${schema}.observations`,
    );
    return rows[0] as { rows: number; distinct: number };
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return { rows: 0, distinct: 0 }; // not migrated yet
    throw error;
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip !== undefined)(skip ?? 'scale-out on PostgreSQL and NATS JetStream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-scale-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  let reference: Store;

  beforeAll(async () => {
    // The single-process reference: the default SQLite store, the bundled data imported in one process.
    reference = openObservationStore(join(dir, 'reference.db'));
    await reference.migrate();
    for (const file of pack.data)
      await ingestFiles(reference, file.kind, [packPath(pack, file.path)], { now: new Date().toISOString() });
  });

  afterAll(async () => {
    await killAll();
    await reference?.close();
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('two ingest processes and one assessor reproduce the single-process SQLite assessments', async () => {
    const d = deployment('vigil_mp');
    cleanups.push(d.cleanup);
    const workers = [
      spawnVigil(['serve', '--role', 'ingest'], d.env),
      spawnVigil(['serve', '--role', 'ingest'], d.env),
    ];
    const assessor = spawnVigil(['serve', '--role', 'assess'], d.env);
    await Promise.all([...workers, assessor].map((p) => p.waitFor(/serve: ready/)));

    const bus: Bus = await createNatsBus({ url: d.env.VIGIL_BUS });
    const published: Assessment[] = [];
    await bus.subscribe<Assessment>(SUBJECTS.assessment(pack.id), (m) => void published.push(m.payload));
    const work = packDataWork(pack);
    expect((await publishWork(bus, work)).queued).toBe(work.length);

    const latest = assessmentJson(await assessAt(reference, pack, parseDay('2026-08-22')));
    await until(
      async () => (await storedCounts(d.schema)).rows === expectedIds.size,
      30_000,
      'every observation stored',
    );
    await until(
      async () => published.length > 0 && JSON.stringify(assessmentJson(published.at(-1)!)) === JSON.stringify(latest),
      15_000,
      'the final assessment',
    );
    await bus.close();
    // Both workers took part.
    for (const w of workers) expect(w.lines.some((l) => l.includes('ingest: committed'))).toBe(true);

    const store = openObservationStore(d.env.VIGIL_DB);
    try {
      for (const date of DATES) {
        const day = parseDay(date);
        expect(assessmentJson(await assessAt(store, pack, day)), date).toEqual(
          assessmentJson(await assessAt(reference, pack, day)),
        );
      }
    } finally {
      await store.close();
    }
    // And through the CLI, as an operator would check it.
    const cli = await runVigil(['assess', '--json', '--at', '2024-05-24'], d.env);
    expect(cli.code, cli.log).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(assessmentJson(await assessAt(reference, pack, parseDay('2024-05-24'))));

    for (const p of [...workers, assessor]) p.child.kill('SIGTERM');
    expect(await Promise.all([...workers, assessor].map((p) => p.exited))).toEqual([0, 0, 0]);
  }, 60_000);

  it('kill -9 of an ingest worker mid-stream loses no acknowledged observation and duplicates none', async () => {
    const d = deployment('vigil_kill');
    cleanups.push(d.cleanup);
    const args = ['serve', '--role', 'ingest', '--ack-wait-ms', '1500'];
    const [victim, survivor] = [spawnVigil(args, d.env), spawnVigil(args, d.env)];
    await Promise.all([victim, survivor].map((p) => p.waitFor(/serve: ready/)));

    const bus = await createNatsBus({ url: d.env.VIGIL_BUS });
    const work = packDataWork(pack, { batchSize: 250 });
    await publishWork(bus, work);
    await bus.close();

    // Mid-stream: the victim has committed (and acknowledged) two items and is a few milliseconds into the next,
    // inside its transaction.
    await victim.waitFor(/ingest: committed/, 20_000, 2);
    await new Promise((r) => setTimeout(r, 8));
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    const acknowledgedByVictim = victim.lines.filter((l) => l.includes('ingest: committed')).length;
    const atKill = await storedCounts(d.schema);
    expect(atKill.rows).toBeLessThan(expectedIds.size);

    await until(async () => (await storedCounts(d.schema)).rows >= expectedIds.size, 30_000, 'the survivor to finish');
    await new Promise((r) => setTimeout(r, 2000)); // longer than the ack wait: any late redelivery has happened
    const after = await storedCounts(d.schema);
    expect(after).toEqual({ rows: expectedIds.size, distinct: expectedIds.size });

    // Every observation, so every acknowledged one, is there exactly once (the victim's included).
    const store = openObservationStore(d.env.VIGIL_DB);
    try {
      const ids = new Set((await store.queryObservations({ allRevisions: true })).map((o) => o.id));
      expect(ids).toEqual(expectedIds);
    } finally {
      await store.close();
    }
    expect(acknowledgedByVictim).toBeGreaterThanOrEqual(2);
    // The item the victim held was redelivered to the survivor.
    expect(
      survivor.lines.some((l) => /\(delivery [2-9]\)/.test(l)),
      survivor.lines.join('\n'),
    ).toBe(true);
    survivor.child.kill('SIGTERM');
    expect(await survivor.exited).toBe(0);
  }, 60_000);
});
