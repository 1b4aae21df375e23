// The one contract every Bus adapter passes: each adapter's test file calls runBusContract with a factory.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vigilError } from '../errors/index.js';
import type { Bus, BusMessage } from './bus.js';

/** One isolated broker: connect() is what another process would get; dispose() removes every trace. */
export interface BusWorld {
  connect(): Promise<Bus>;
  dispose(): Promise<void>;
}

export interface BusContractOptions {
  /** Test name → the written reason this adapter cannot pass it (yet). */
  skip?: Record<string, string>;
}

const WORK = 'vigil.observations.contract';
const OTHER = 'vigil.observations.contract-other';
const NEWS = 'vigil.assessments.contract';

/** Polls until `check` holds, failing after `timeoutMs`: every wait in this suite is bounded. */
async function eventually(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function runBusContract(
  name: string,
  createWorld: () => Promise<BusWorld>,
  options: BusContractOptions = {},
): void {
  describe(`Bus contract: ${name}`, () => {
    let world: BusWorld | undefined;
    let connections: Bus[] = [];
    const connect = async () => {
      const bus = await world!.connect();
      connections.push(bus);
      return bus;
    };
    const test = (testName: string, fn: () => Promise<void>) => {
      const reason = options.skip?.[testName];
      if (reason === undefined) it(testName, fn);
      else it.skip(`${testName} (skipped: ${reason})`, fn);
    };
    beforeEach(async () => {
      world = await createWorld();
    });
    afterEach(async () => {
      for (const bus of connections) await bus.close();
      connections = [];
      await world?.dispose();
      world = undefined;
    });

    test('a worker gets what was published, payload and id intact, on first delivery', async () => {
      const bus = await connect();
      const got: BusMessage[] = [];
      await bus.work(WORK, { group: 'g' }, async (m) => void got.push(m));
      const payload = { file: 'mnd-daily.csv', rows: [1, 2.5, null], text: 'tab\there "quoted" — ünïcode' };
      expect(await bus.publish(WORK, payload, { id: 'm-1' })).toEqual({ duplicate: false });
      await eventually(() => got.length === 1, 5000, 'delivery');
      expect(got[0]).toMatchObject({ id: 'm-1', subject: WORK, payload, deliveryCount: 1 });
    });

    test('messages published before any worker wait for the group', async () => {
      const bus = await connect();
      for (let i = 0; i < 3; i++) await bus.publish(WORK, { i }, { id: `early-${i}` });
      const got: number[] = [];
      await bus.work<{ i: number }>(WORK, { group: 'late' }, async (m) => void got.push(m.payload.i));
      await eventually(() => got.length === 3, 5000, 'backlog');
      expect(got).toEqual([0, 1, 2]);
    });

    test('workers of one group in different processes share the work, each message handled once', async () => {
      const [a, b] = [await connect(), await connect()];
      const seen = new Map<string, number[]>([
        ['a', []],
        ['b', []],
      ]);
      const slow = (who: string) => async (m: BusMessage<{ i: number }>) => {
        seen.get(who)!.push(m.payload.i);
        await sleep(15);
      };
      await a.work(WORK, { group: 'shared' }, slow('a'));
      await b.work(WORK, { group: 'shared' }, slow('b'));
      for (let i = 0; i < 20; i++) await a.publish(WORK, { i }, { id: `w-${i}` });
      await eventually(() => seen.get('a')!.length + seen.get('b')!.length >= 20, 8000, '20 deliveries');
      await sleep(100);
      const all = [...seen.get('a')!, ...seen.get('b')!].sort((x, y) => x - y);
      expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
      expect(seen.get('a')!.length).toBeGreaterThan(0);
      expect(seen.get('b')!.length).toBeGreaterThan(0);
    });

    test('every group gets every message; other subjects stay apart', async () => {
      const bus = await connect();
      const got = { one: [] as number[], two: [] as number[], other: [] as number[] };
      await bus.work<{ i: number }>(WORK, { group: 'one' }, async (m) => void got.one.push(m.payload.i));
      await bus.work<{ i: number }>(WORK, { group: 'two' }, async (m) => void got.two.push(m.payload.i));
      await bus.work<{ i: number }>(OTHER, { group: 'one' }, async (m) => void got.other.push(m.payload.i));
      for (let i = 0; i < 4; i++) await bus.publish(WORK, { i }, { id: `g-${i}` });
      await bus.publish(OTHER, { i: 99 }, { id: 'o-1' });
      await eventually(() => got.one.length === 4 && got.two.length === 4 && got.other.length === 1, 5000, 'fan-out');
      expect(got).toEqual({ one: [0, 1, 2, 3], two: [0, 1, 2, 3], other: [99] });
    });

    test('a failing handler gets the message again (nak), then acks it', async () => {
      const bus = await connect();
      const counts: number[] = [];
      const errors: unknown[] = [];
      await bus.work(WORK, { group: 'retry', retryDelayMs: 50, onError: (e) => errors.push(e) }, async (m) => {
        counts.push(m.deliveryCount);
        if (m.deliveryCount < 3) throw vigilError('VIGIL_STORE_UNAVAILABLE', 'database briefly down');
      });
      await bus.publish(WORK, { x: 1 }, { id: 'flaky' });
      await eventually(() => counts.length === 3, 5000, 'two redeliveries');
      await sleep(200);
      expect(counts).toEqual([1, 2, 3]);
      expect(errors).toHaveLength(2);
    });

    test('a permanent error (bad input) drops the message instead of retrying it', async () => {
      const bus = await connect();
      const counts: number[] = [];
      const permanent: boolean[] = [];
      await bus.work(
        WORK,
        { group: 'poison', retryDelayMs: 20, onError: (_e, _m, p) => permanent.push(p) },
        async (m) => {
          counts.push(m.deliveryCount);
          throw vigilError('VIGIL_INPUT_INVALID', 'poison: row 3: value: not a number');
        },
      );
      await bus.publish(WORK, { x: 1 }, { id: 'poison' });
      await eventually(() => counts.length === 1, 5000, 'delivery');
      await sleep(300);
      expect(counts).toEqual([1]);
      expect(permanent).toEqual([true]);
    });

    test("a dead worker's unacknowledged message goes to another worker after the ack wait", async () => {
      const [doomed, survivor] = [await connect(), await connect()];
      let release: () => void = () => {};
      const held = new Promise<void>((r) => (release = r));
      const taken: string[] = [];
      await doomed.work(WORK, { group: 'crash', ackWaitMs: 600 }, async (m) => {
        taken.push(`doomed:${m.deliveryCount}`);
        await held;
      });
      await doomed.publish(WORK, { job: 1 }, { id: 'job-1' });
      await eventually(() => taken.length === 1, 5000, 'first delivery');
      await survivor.work(
        WORK,
        { group: 'crash', ackWaitMs: 600 },
        async (m) => void taken.push(`survivor:${m.deliveryCount}`),
      );
      await doomed.close(); // the process dies holding the message
      release();
      await eventually(() => taken.length === 2, 5000, 'redelivery');
      await sleep(800);
      expect(taken).toEqual(['doomed:1', 'survivor:2']);
    });

    test('working() keeps a slow message from being redelivered', async () => {
      const bus = await connect();
      const deliveries: number[] = [];
      await bus.work(WORK, { group: 'slow', ackWaitMs: 400 }, async (m) => {
        deliveries.push(m.deliveryCount);
        for (let i = 0; i < 6; i++) {
          await sleep(150);
          m.working();
        }
      });
      await bus.publish(WORK, {}, { id: 'slow-1' });
      await eventually(() => deliveries.length === 1, 5000, 'delivery');
      await sleep(1300);
      expect(deliveries).toEqual([1]);
    });

    test('a duplicate id is accepted once', async () => {
      const bus = await connect();
      const got: unknown[] = [];
      await bus.work(WORK, { group: 'dedup' }, async (m) => void got.push(m.payload));
      expect(await bus.publish(WORK, { v: 1 }, { id: 'same' })).toEqual({ duplicate: false });
      expect(await bus.publish(WORK, { v: 2 }, { id: 'same' })).toEqual({ duplicate: true });
      await bus.publish(WORK, { v: 3 }, { id: 'other' });
      await eventually(() => got.length === 2, 5000, 'two deliveries');
      await sleep(100);
      expect(got).toEqual([{ v: 1 }, { v: 3 }]);
    });

    test('maxInFlight 1 makes a group handle one message at a time across all its workers', async () => {
      const [a, b] = [await connect(), await connect()];
      let running = 0;
      let peak = 0;
      let done = 0;
      const handler = async () => {
        running += 1;
        peak = Math.max(peak, running);
        await sleep(20);
        running -= 1;
        done += 1;
      };
      await a.work(WORK, { group: 'exclusive', maxInFlight: 1 }, handler);
      await b.work(WORK, { group: 'exclusive', maxInFlight: 1 }, handler);
      for (let i = 0; i < 8; i++) await a.publish(WORK, { i }, { id: `x-${i}` });
      await eventually(() => done === 8, 8000, 'eight messages');
      expect(peak).toBe(1);
    });

    test('subscribe broadcasts to every live subscriber, from the moment it subscribed', async () => {
      const [a, b] = [await connect(), await connect()];
      await a.publish(NEWS, { n: 0 }, { id: 'before' });
      const gotA: unknown[] = [];
      const gotB: string[] = [];
      await a.subscribe(NEWS, (m) => void gotA.push(m.payload));
      await b.subscribe('vigil.assessments.*', (m) => void gotB.push(`${m.subject}:${m.id}`));
      await a.publish(NEWS, { n: 1 }, { id: 'n-1' });
      await a.publish(NEWS, { n: 1 }, { id: 'n-1' });
      await b.publish(`${NEWS}-2`, { n: 2 }, { id: 'n-2' });
      await eventually(() => gotA.length === 1 && gotB.length === 2, 5000, 'broadcast');
      await sleep(100);
      expect(gotA).toEqual([{ n: 1 }]);
      expect(gotB).toEqual([`${NEWS}:n-1`, `${NEWS}-2:n-2`]);
    });

    test('stop() waits for the running handler, and the group keeps the rest for later', async () => {
      const bus = await connect();
      const got: number[] = [];
      const sub = await bus.work<{ i: number }>(WORK, { group: 'stopper' }, async (m) => {
        await sleep(100);
        got.push(m.payload.i);
      });
      await bus.publish(WORK, { i: 1 }, { id: 's-1' });
      await sleep(50); // the handler is now running
      await sub.stop();
      expect(got).toEqual([1]);
      await bus.publish(WORK, { i: 2 }, { id: 's-2' });
      await sleep(100);
      expect(got).toEqual([1]);
      await bus.work<{ i: number }>(WORK, { group: 'stopper' }, async (m) => void got.push(m.payload.i));
      await eventually(() => got.length === 2, 5000, 'the kept message');
      expect(got).toEqual([1, 2]);
    });

    test('subjects outside the streams, wildcards, bad groups and oversized payloads are refused', async () => {
      const bus = await connect();
      await expect(bus.publish('orders.new', {}, { id: 'x' })).rejects.toMatchObject({ code: 'VIGIL_CONFIG_INVALID' });
      await expect(bus.publish('vigil.observations.*', {}, { id: 'x' })).rejects.toMatchObject({
        code: 'VIGIL_CONFIG_INVALID',
      });
      await expect(bus.work(WORK, { group: 'Bad Group' }, async () => {})).rejects.toMatchObject({
        code: 'VIGIL_CONFIG_INVALID',
      });
      await expect(bus.subscribe('vigil.>', () => {})).rejects.toMatchObject({ code: 'VIGIL_CONFIG_INVALID' });
      await expect(bus.publish(WORK, { big: 'x'.repeat(1024 * 1024) }, { id: 'big' })).rejects.toMatchObject({
        code: 'VIGIL_PAYLOAD_TOO_LARGE',
      });
      await expect(bus.publish(WORK, {}, { id: '' })).rejects.toMatchObject({ code: 'VIGIL_INPUT_INVALID' });
    });

    test('close is idempotent and later calls fail as unavailable', async () => {
      const bus = await connect();
      await bus.close();
      await bus.close();
      await expect(bus.publish(WORK, {}, { id: 'late' })).rejects.toMatchObject({
        code: 'VIGIL_BUS_UNAVAILABLE',
        retryable: true,
      });
      await expect(bus.work(WORK, { group: 'g' }, async () => {})).rejects.toMatchObject({
        code: 'VIGIL_BUS_UNAVAILABLE',
      });
    });
  });
}
