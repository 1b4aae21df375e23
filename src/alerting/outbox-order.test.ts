// Order per alert group across an outage: a receiver that is down, then up, ends with each group's latest state,
// never `firing` after `resolved`, and gets every notification once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertStore } from './alert-store.js';
import type { Notification } from './notification.js';
import { sampleNotification } from './notifier.contract.js';
import { createOutboxDispatcher } from './outbox-dispatcher.js';
import { startHook, WEBHOOK_TEST_SECRET, type Hook } from './receivers/receiving-ends.contract.js';
import { createWebhookNotifier } from './receivers/webhook-notifier.js';
import { openAlertStore } from './open-alert-store.js';

const T0 = Date.parse('2024-05-23T16:00:00.000Z');
let store: AlertStore;
let h: Hook;
beforeEach(async () => {
  store = openAlertStore(':memory:');
  await store.migrate();
  h = await startHook();
});
afterEach(async () => {
  await h.close();
  await store.close();
});

const note = (id: string, group: string, status: Notification['status'], atMs: number): Notification => ({
  ...sampleNotification(id),
  groupKey: `root.0|${group}`,
  receivers: ['hook'],
  status,
  createdAt: new Date(T0 + atMs).toISOString(),
});
const queue = (n: Notification) =>
  store.commitCycle({ alerts: [], transitions: [], groups: [], deletedGroups: [], notifications: [n] });

describe('delivery order per alert group after an outage', () => {
  it('holds a later state of a group behind an earlier one that failed, and ends every group at its last state', async () => {
    const clock = { now: T0 };
    const notifier = createWebhookNotifier({
      receiver: 'hook',
      url: h.url,
      secret: WEBHOOK_TEST_SECRET,
      timeoutMs: 2_000,
    });
    const dispatcher = createOutboxDispatcher({
      store,
      notifiers: new Map([['hook', notifier]]),
      clock: () => new Date(clock.now),
      backoff: { initialMs: 10_000, factor: 2, maxMs: 60_000 },
    });
    const at = async (ms: number) => {
      clock.now = T0 + ms;
      await dispatcher.dispatchDue();
    };
    try {
      h.status = 503;
      await queue(note('a1', 'a', 'firing', 0));
      await at(0);
      await queue(note('b1', 'b', 'firing', 1_000));
      await queue(note('a2', 'a', 'resolved', 2_000));
      await at(2_000); // still down: b1 fails; a2 is held behind a1 (not sent: it would overtake it)
      h.status = 204;
      await queue(note('b2', 'b', 'resolved', 3_000));
      await at(3_000); // up, but a1 and b1 are not due yet: a2 and b2 wait behind them
      for (let ms = 4_000; ms <= 120_000; ms += 1_000) await at(ms);
      // What the receiver accepted (2xx), in order: a delivery is accepted when it is the last attempt of its key.
      const accepted = h.deliveries.filter(
        (d, i) => !h.deliveries.slice(i + 1).some((later) => later.idempotencyKey === d.idempotencyKey),
      );
      expect(accepted.map((d) => d.idempotencyKey).sort()).toEqual(['a1.hook', 'a2.hook', 'b1.hook', 'b2.hook']);
      const received = accepted.map((d) => JSON.parse(d.body) as Notification);
      const byGroup = (g: string) =>
        received.filter((n) => n.groupKey === `root.0|${g}`).map((n) => `${n.id}:${n.status}`);
      expect(byGroup('a')).toEqual(['a1:firing', 'a2:resolved']);
      expect(byGroup('b')).toEqual(['b1:firing', 'b2:resolved']);
      expect((await store.listOutbox()).every((e) => e.status === 'delivered')).toBe(true);
    } finally {
      await notifier.close();
    }
  });

  it('checks a claim against the entries waiting, not the whole backlog: a large backlog is read a batch at a time', async () => {
    const notifier = createWebhookNotifier({
      receiver: 'hook',
      url: h.url,
      secret: WEBHOOK_TEST_SECRET,
      timeoutMs: 2_000,
    });
    const read: number[] = [];
    const counted: AlertStore = {
      ...store,
      listOutbox: async (q) => {
        const entries = await store.listOutbox(q);
        read.push(entries.length);
        return entries;
      },
    };
    const dispatcher = createOutboxDispatcher({
      store: counted,
      notifiers: new Map([['hook', notifier]]),
      clock: () => new Date(T0 + 1_000),
      batch: 10,
    });
    try {
      for (let i = 0; i < 60; i++) await queue(note(`n${String(i).padStart(2, '0')}`, `g${i % 7}`, 'firing', i));
      await dispatcher.dispatchDue();
      expect(h.deliveries.map((d) => d.idempotencyKey)).toEqual(
        Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, '0')}.hook`),
      );
      // Each claim of 10 is checked against what no lane could claim: at most the 10 it leased itself.
      expect(read.length).toBeGreaterThan(0);
      expect(Math.max(...read)).toBeLessThanOrEqual(10);
    } finally {
      await notifier.close();
    }
  });
});
