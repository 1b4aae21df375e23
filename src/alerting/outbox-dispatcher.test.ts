// The outbox: at-least-once delivery with exponential backoff on the injected clock, idempotency keys, independent receiver lanes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertStore } from './alert-store.js';
import { runAlertingCycle } from './alerting-pipeline.js';
import { backoffDelay } from './backoff.js';
import { alertingConfig, assessment } from './fixtures.contract.js';
import type { Notifier } from './notifier.js';
import { sampleNotification, waitFor } from './notifier.contract.js';
import { createOutboxDispatcher, type DeliveryResult } from './outbox-dispatcher.js';
import { startHook, WEBHOOK_TEST_SECRET, type Hook } from './receivers/receiving-ends.contract.js';
import { createWebhookNotifier } from './receivers/webhook-notifier.js';
import { openAlertStore } from './open-alert-store.js';

const T0 = Date.parse('2024-05-23T16:00:00.000Z');
let store: AlertStore;
const cleanup: (() => Promise<void>)[] = [];
beforeEach(async () => {
  store = openAlertStore(':memory:');
  await store.migrate();
});
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
  await store.close();
});

function webhook(receiver: string, url: string, timeoutMs = 2_000): Notifier {
  const n = createWebhookNotifier({ receiver, url, secret: WEBHOOK_TEST_SECRET, timeoutMs });
  cleanup.push(() => n.close());
  return n;
}

async function hook(): Promise<Hook> {
  const h = await startHook();
  cleanup.push(() => h.close());
  return h;
}

describe('outbox dispatcher', () => {
  it('retries with exponential backoff on the injected clock until the receiver takes it, with one idempotency key', async () => {
    const h = await hook();
    h.status = 503;
    await store.commitCycle({
      alerts: [],
      transitions: [],
      groups: [],
      deletedGroups: [],
      notifications: [{ ...sampleNotification('n1'), receivers: ['hook'] }],
    });
    const clock = { now: T0 };
    const results: DeliveryResult[] = [];
    const dispatcher = createOutboxDispatcher({
      store,
      notifiers: new Map([['hook', webhook('hook', h.url)]]),
      clock: () => new Date(clock.now),
      backoff: { initialMs: 1_000, factor: 2, maxMs: 60_000 },
      onResult: (r) => results.push(r),
    });
    const attemptAt = async (ms: number) => {
      clock.now = T0 + ms;
      await dispatcher.dispatchDue();
    };
    await attemptAt(0);
    await attemptAt(999);
    await attemptAt(1_000);
    await attemptAt(2_999);
    await attemptAt(3_000);
    h.status = 204;
    await attemptAt(6_999);
    await attemptAt(7_000);
    await attemptAt(60_000);
    expect(results.map((r) => [r.ok, r.retryAt ?? null])).toEqual([
      [false, new Date(T0 + 1_000).toISOString()],
      [false, new Date(T0 + 3_000).toISOString()],
      [false, new Date(T0 + 7_000).toISOString()],
      [true, null],
    ]);
    expect(h.deliveries.map((d) => d.idempotencyKey)).toEqual(['n1.hook', 'n1.hook', 'n1.hook', 'n1.hook']);
    expect(h.deliveries.map((d) => d.deliveryId)).toEqual(['n1.hook#1', 'n1.hook#2', 'n1.hook#3', 'n1.hook#4']);
    expect((await store.listOutbox())[0]).toMatchObject({
      status: 'delivered',
      attempts: 4,
      deliveredAt: new Date(T0 + 7_000).toISOString(),
    });
    expect([1, 2, 3, 20].map((n) => backoffDelay({ initialMs: 1_000, factor: 2, maxMs: 60_000 }, n))).toEqual([
      1_000, 2_000, 4_000, 60_000,
    ]);
  });

  it('never lets a hanging or refusing receiver hold up another, and reports the failing one as an alert', async () => {
    const good = await hook();
    const hanging = http.createServer(() => {});
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    cleanup.push(
      () =>
        new Promise<void>((r) => {
          hanging.closeAllConnections();
          hanging.close(() => r());
        }),
    );
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
    const refused = await hook();
    const refusedUrl = refused.url;
    await refused.close();

    const notifications = Array.from({ length: 3 }, (_, i) => ({
      ...sampleNotification(`n${i}`),
      receivers: ['slow', 'gone', 'hook'],
    }));
    await store.commitCycle({ alerts: [], transitions: [], groups: [], deletedGroups: [], notifications });
    const clock = { now: T0 };
    const results: DeliveryResult[] = [];
    const dispatcher = createOutboxDispatcher({
      store,
      clock: () => new Date(clock.now),
      onResult: (r) => results.push(r),
      notifiers: new Map([
        ['slow', webhook('slow', hangingUrl, 250)],
        ['gone', webhook('gone', refusedUrl)],
        ['hook', webhook('hook', good.url)],
      ]),
    });
    dispatcher.kick();
    await waitFor(() => good.deliveries, 3);
    await dispatcher.dispatchDue();
    // The working receiver had everything before the hanging one had timed out even once.
    const order = results.map((r) => r.entry.receiver);
    expect(order.lastIndexOf('hook')).toBeLessThan(order.indexOf('slow'));
    for (let i = 0; i < 2; i++) {
      clock.now += 10 * 60_000;
      await dispatcher.dispatchDue();
    }
    const health = await store.receiverHealth();
    expect(health.map((r) => [r.receiver, r.attempts >= 3])).toEqual([
      ['gone', true],
      ['slow', true],
    ]);

    // The notifier watching itself: a receiver-health rule turns that into an alert routed to a working receiver.
    const config = alertingConfig({
      rules: [{ name: 'ReceiverFailing', kind: 'receiver-health', after_attempts: 3, labels: { severity: 'high' } }],
      route: { receiver: 'term', group_by: ['receiver'], group_wait: '0s' },
    });
    const now = new Date(clock.now).toISOString();
    const cycle = runAlertingCycle(
      config,
      await store.loadSnapshot(now),
      { theatre: 'test', receivers: health, assessment: assessment('2024-05-23', 1, 0.05) },
      now,
    );
    expect(
      cycle.notifications.map((n) => [
        n.receivers.join(),
        n.alerts[0].labels.receiver,
        n.alerts[0].annotations.summary.split(':')[0],
      ]),
    ).toEqual([
      ['term', 'gone', 'receiver gone failing'],
      ['term', 'slow', 'receiver slow failing'],
    ]);
  });
});
