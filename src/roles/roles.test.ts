// The ingest and assess roles over the in-process bus and SQLite: the default single-process deployment.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessAt, latestDataDay, packSeries } from '../app/assess-at.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import type { Bus } from '../bus/bus.js';
import { createInProcessHub } from '../bus/in-process/in-process-bus.js';
import type { StoredNotice } from '../bus/messages.js';
import { SUBJECTS } from '../bus/subjects.js';
import type { Assessment } from '../model/index.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import { refuseInserts } from '../storage/database/refuse-inserts-test-support.js';
import { observation } from '../storage/store-contract-fixtures.js';
import type { Store } from '../storage/store.js';
import { batchWork, observationsOf, packDataWork, publishWork } from './ingest-work.js';
import { resolveRoles, ROLES, type RunningRole } from './index.js';

const pack = loadPack(DEFAULT_PACK);

async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('roles', () => {
  it('resolves all, lists and unknown roles', () => {
    expect(resolveRoles('all')).toEqual(['ingest', 'assess', 'api', 'brief']);
    expect(resolveRoles('assess, ingest')).toEqual(['ingest', 'assess']);
    expect(resolveRoles('assess')).toEqual(['assess']);
    expect(() => resolveRoles('ingest,api2')).toThrow(expect.objectContaining({ code: 'VIGIL_UNKNOWN_KIND' }));
  });
});

describe('ingest work items', () => {
  it('splits observations into batches identified by their content', () => {
    const obs = Array.from({ length: 1200 }, (_, i) => observation({ series: `test.s${i}` }));
    const items = batchWork('p', 'f.csv', obs);
    expect(items.map((w) => (w.work.type === 'batch' ? w.work.observations.length : 0))).toEqual([500, 500, 200]);
    expect(items.map((w) => (w.work.type === 'batch' ? w.work.label : ''))).toEqual(['f.csv#1', 'f.csv#2', 'f.csv#3']);
    expect(batchWork('p', 'other-name.csv', obs).map((w) => w.id)).toEqual(items.map((w) => w.id));
    expect(new Set(items.map((w) => w.id)).size).toBe(3);
  });

  it('keeps batches under the bus payload limit', () => {
    const long = Array.from({ length: 20 }, (_, i) => observation({ series: `test.s${i}`, text: 'x'.repeat(100_000) }));
    const items = batchWork('p', 'f', long);
    expect(items.length).toBeGreaterThan(2);
    for (const item of items) expect(Buffer.byteLength(JSON.stringify(item.work))).toBeLessThan(1024 * 1024);
    expect(items.flatMap((w) => (w.work.type === 'batch' ? w.work.observations : []))).toHaveLength(20);
  });

  it('recomputes ids from content and names the line of a bad observation', () => {
    const [item] = batchWork('p', 'f.csv', [observation({ series: 'test.a' }), observation({ series: 'test.b' })]);
    const { observations } = observationsOf(JSON.parse(JSON.stringify(item.work)), item.id);
    expect(observations.map((o) => o.id)).toEqual([
      observation({ series: 'test.a' }).id,
      observation({ series: 'test.b' }).id,
    ]);
    const bad = {
      ...item.work,
      observations: [
        { ...observation(), id: undefined },
        { series: 'test.c', value: 'ten' },
      ],
    };
    expect(() => observationsOf(JSON.parse(JSON.stringify(bad)), item.id)).toThrow(/f\.csv#1:2: /);
    expect(() => observationsOf({ type: 'batch', packId: 'p' }, 'm-1')).toThrow(
      expect.objectContaining({ code: 'VIGIL_INPUT_INVALID', message: expect.stringContaining('work item m-1') }),
    );
  });
});

describe('ingest and assess roles in one process', () => {
  let vigil: Vigil | undefined;
  let store: Store | undefined;
  let buses: Bus[] = [];
  let running: RunningRole[] = [];
  afterEach(async () => {
    for (const role of running) await role.stop();
    for (const bus of buses) await bus.close();
    await vigil?.close();
    [vigil, store, buses, running] = [undefined, undefined, [], []];
  });

  it('stores the bundled data once and publishes the assessment of the latest day', async () => {
    vigil = await openVigil({ databaseUrl: ':memory:', pack }, () => new Date('2026-09-01T00:00:00Z'));
    store = vigil.store;
    const hub = createInProcessHub();
    const [serving, client] = [hub.connect(), hub.connect()];
    buses = [serving, client];
    const log: string[] = [];
    const ctx = { vigil, bus: serving, log: (l: string) => void log.push(l), ackWaitMs: 30_000 };
    for (const role of resolveRoles('ingest,assess')) running.push(await ROLES[role](ctx));
    const published: Assessment[] = [];
    await client.subscribe<Assessment>(SUBJECTS.assessment(pack.id), (m) => void published.push(m.payload));

    const work = packDataWork(pack);
    expect(await publishWork(client, work)).toEqual({ queued: work.length, duplicates: 0 });
    expect(await publishWork(client, work)).toEqual({ queued: 0, duplicates: work.length });
    const expected = pack.data.reduce((n, f) => n + parseFile(f.kind, packPath(pack, f.path)).length, 0);
    await eventually(
      async () => (await store!.queryObservations({ allRevisions: true })).length === expected,
      'every observation',
    );
    const latest = await assessAt(store, pack, (await latestDataDay(store, pack))!);
    await eventually(
      () => published.at(-1)?.day === latest.day && JSON.stringify(published.at(-1)) === JSON.stringify(latest),
      'the latest assessment',
    );
    expect(log.filter((l) => l.startsWith('ingest: committed'))).toHaveLength(work.length);
    // One audit entry per work item, each in the transaction of its observations.
    const audit = await vigil.users.listAudit({ action: 'observations.ingest' });
    expect(audit).toHaveLength(work.length);
    expect(new Set(audit.map((e) => e.actor))).toEqual(new Set(['role:ingest']));

    // The same items again under new ids (as after a lost ack): nothing new is stored.
    log.length = 0;
    await publishWork(
      client,
      work.map((w) => ({ ...w, id: `again-${w.id}` })),
    );
    await eventually(
      () => log.filter((l) => l.startsWith('ingest: committed')).length === work.length,
      'the repeated items',
    );
    expect(log.every((l) => !l.startsWith('ingest: committed') || / 0 new, /.test(l))).toBe(true);
    expect(await store.queryObservations({ allRevisions: true })).toHaveLength(expected);
  });

  it('stores nothing of a work item whose audit entry cannot be written, and goes on with the next', async () => {
    vigil = await openVigil({ databaseUrl: ':memory:', pack }, () => new Date('2026-09-01T00:00:00Z'));
    store = vigil.store;
    const bus = createInProcessHub().connect();
    buses = [bus];
    const log: string[] = [];
    await refuseInserts(vigil.db, 'users_audit');
    running.push(await ROLES.ingest({ vigil, bus, log: (l) => void log.push(l), ackWaitMs: 30_000 }));
    await publishWork(bus, batchWork(pack.id, 'refused', [observation()]));
    await eventually(() => log.some((l) => /users_audit refused/.test(l)), 'the refused item');
    expect(await store.queryObservations({ allRevisions: true })).toEqual([]);
    expect(await vigil.users.listAudit()).toEqual([]);
    await vigil.db.raw((conn) => conn.exec('DROP TRIGGER refuse_users_audit'));
    await publishWork(bus, batchWork(pack.id, 'good', [observation({ value: 11 })]));
    await eventually(() => log.some((l) => l.startsWith('ingest: committed good')), 'the next item');
    expect(await store.queryObservations({ allRevisions: true })).toHaveLength(1);
    expect((await vigil.users.listAudit()).map((e) => [e.actor, e.action])).toEqual([
      ['role:ingest', 'observations.ingest'],
    ]);
  });

  it('passes over commits of series the pack does not read, and notices queued behind one catch-up share its assessment', async () => {
    vigil = await openVigil({ databaseUrl: ':memory:', pack }, () => new Date('2026-09-01T00:00:00Z'));
    store = vigil.store;
    const hub = createInProcessHub();
    const [serving, client] = [hub.connect(), hub.connect()];
    buses = [serving, client];
    const ctx = { vigil, bus: serving, log: () => {}, ackWaitMs: 30_000 };
    running.push(await ROLES.assess(ctx));
    const published: Assessment[] = [];
    await client.subscribe<Assessment>(SUBJECTS.assessment(pack.id), (m) => void published.push(m.payload));
    const series = packSeries(pack)[0];
    await store.putObservations([observation({ series })], '2026-09-01T00:00:00.000Z');
    const queries = vi.spyOn(store, 'queryObservations');
    const notice = (workId: string, names: string[]): StoredNotice => ({
      packId: pack.id,
      workId,
      inserted: 1,
      unchanged: 0,
      series: names,
    });
    // Handled in order (one at a time): by the time the pack's commit is assessed, the other one was handled.
    for (let i = 0; i < 5; i++)
      await client.publish(SUBJECTS.stored(pack.id), notice(`soak-${i}`, ['reliability.soak']), { id: `s${i}` });
    await client.publish(SUBJECTS.stored(pack.id), notice('pack', ['reliability.soak', series]), { id: 'p' });
    await eventually(() => published.length === 1, 'the assessment after the pack commit');
    // One query in all: the first build of the assessment index, for the pack's commit; none for the other five.
    expect(queries).toHaveBeenCalledTimes(1);
    expect(queries.mock.calls[0][0]).not.toHaveProperty('afterSeq');

    // Notices that queued up behind an assessment whose catch-up already read their commit share it: one assessment.
    const assess = vi.spyOn(vigil.assessments.all(), 'assess');
    await store.putObservations([observation({ series, value: 11 })], '2026-09-01T00:00:00.000Z');
    for (let i = 0; i < 3; i++)
      await client.publish(SUBJECTS.stored(pack.id), notice(`burst-${i}`, [series]), { id: `b${i}` });
    await eventually(() => published.length === 2, 'the assessment after the burst');
    expect(assess).toHaveBeenCalledTimes(1);
  });

  it('rejects a malformed work item without stopping the queue', async () => {
    vigil = await openVigil({ databaseUrl: ':memory:', pack }, () => new Date());
    store = vigil.store;
    const bus = createInProcessHub().connect();
    buses = [bus];
    const log: string[] = [];
    running.push(await ROLES.ingest({ vigil, bus, log: (l) => void log.push(l), ackWaitMs: 30_000 }));
    await bus.publish(
      SUBJECTS.ingestWork,
      { type: 'batch', packId: pack.id, label: 'bad.jsonl', observations: [{ series: 'Not A Series' }] },
      { id: 'bad' },
    );
    await publishWork(bus, batchWork(pack.id, 'good', [observation()]));
    await eventually(() => log.some((l) => l.startsWith('ingest: committed good#1')), 'the good item');
    expect(log.find((l) => l.includes('work bad rejected'))).toMatch(/bad\.jsonl:1: /);
    expect(await store.queryObservations()).toHaveLength(1);
  });
});
