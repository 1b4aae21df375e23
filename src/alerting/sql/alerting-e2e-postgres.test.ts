// Alerting end to end on PostgreSQL: observations and alerts in one schema (opened by URL, as `vigil --db` does), the
// real engine fires, the outbox delivers to a real webhook (after one failed attempt), and an analyst acknowledges.
import { afterEach, describe, expect, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../../test/support/analysis-fixtures.js';
import { openObservationStore } from '../../storage/open-store.js';
import { dropSchema, freshSchemaName, pgSkipReason, schemaUrl } from '../../storage/postgres/pg-test-support.js';
import { acknowledge } from '../acknowledgement.js';
import { createAlertingEngine } from '../alerting-engine.js';
import { createAssessmentService } from '../../app/assessment-service.js';
import { alertingConfig } from '../fixtures.contract.js';
import type { NotificationEnvelope } from '../notification.js';
import { waitFor } from '../notifier.contract.js';
import { openAlertStore } from '../open-alert-store.js';
import { createOutboxDispatcher } from '../outbox-dispatcher.js';
import { createNotifiers } from '../receivers/create-notifiers.js';
import { startHook, WEBHOOK_TEST_SECRET } from '../receivers/receiving-ends.contract.js';

const skip = await pgSkipReason();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe.skipIf(skip !== undefined)(skip ?? 'alerting end to end on PostgreSQL', () => {
  it('fires on a spike, retries a failed delivery through the outbox, delivers once, and records one acknowledgement', async () => {
    const schema = freshSchemaName('vigil_alerting_e2e');
    const url = schemaUrl(schema);
    cleanups.push(() => dropSchema(schema));
    const store = openObservationStore(url, { max: 2 });
    cleanups.push(() => store.close());
    await store.migrate();
    await store.putObservations(
      [
        ...dailyCounts('test.aircraft', '2024-03-01', steady(60, 20, 3)),
        ...dailyCounts('test.ships', '2024-03-01', steady(60, 5, 1)),
      ],
      '2024-05-01T00:00:00.000Z',
    );
    const alertStore = openAlertStore(url);
    cleanups.push(() => alertStore.close());
    expect(alertStore.dialect).toBe('postgres');
    await alertStore.migrate();

    const hook = await startHook();
    cleanups.push(() => hook.close());
    const config = alertingConfig({
      receivers: [{ name: 'hook', type: 'webhook', url: hook.url, secret: WEBHOOK_TEST_SECRET }],
      route: {
        receiver: 'hook',
        group_by: ['theatre'],
        group_wait: '0s',
        group_interval: '1m',
        repeat_interval: '24h',
      },
    });
    const clock = { now: Date.parse('2024-05-01T02:00:00.000Z') };
    const notifiers = createNotifiers(config.receivers, { env: {} });
    cleanups.push(async () => {
      for (const n of notifiers.values()) await n.close();
    });
    const dispatcher = createOutboxDispatcher({ store: alertStore, notifiers, clock: () => new Date(clock.now) });
    const engine = createAlertingEngine({
      store,
      alertStore,
      pack: testPack(),
      config,
      dispatcher,
      clock: () => new Date(clock.now),
      assessments: createAssessmentService(store, testPack(), { now: () => new Date(clock.now) }),
    });

    await engine.tick();
    expect(await alertStore.listAlerts({ status: ['firing'] })).toEqual([]);

    // A day far above baseline; the webhook is down for the first attempt.
    hook.status = 503;
    const spike = [
      ...dailyCounts('test.aircraft', '2024-04-30', [75]),
      ...dailyCounts('test.ships', '2024-04-30', [30]),
    ];
    await store.putObservations(spike, new Date(clock.now).toISOString());
    await engine.observationsAccepted(spike);
    await dispatcher.dispatchDue();
    expect(hook.deliveries).toHaveLength(1);
    const [failed] = await alertStore.receiverHealth();
    expect(failed).toMatchObject({ receiver: 'hook', attempts: 1 });
    expect(failed.lastError).toContain('503');

    // Back up; the retry is due after the backoff and goes out under the same idempotency key.
    hook.status = 204;
    clock.now += 60_000;
    await engine.tick();
    await dispatcher.dispatchDue();
    const deliveries = await waitFor(() => hook.deliveries, 2);
    expect(deliveries[1].idempotencyKey).toBe(deliveries[0].idempotencyKey);
    expect(deliveries[1].signed).toBe(true);
    const envelope = JSON.parse(deliveries[1].body) as NotificationEnvelope;
    expect(envelope).toMatchObject({ status: 'firing', groupLabels: { theatre: 'test' }, receiver: 'hook' });
    expect(envelope.alerts.map((a) => a.labels.alertname).sort()).toEqual(['HypothesisH1', 'LevelAlert']);
    expect(await alertStore.receiverHealth()).toEqual([]);
    const outbox = await alertStore.listOutbox();
    expect(outbox.map((e) => [e.receiver, e.status, e.attempts])).toEqual([['hook', 'delivered', 2]]);
    expect((await alertStore.listNotifications()).map((n) => n.id)).toEqual([outbox[0].notificationId]);

    // Acknowledge by a unique id prefix, once: a second acknowledgement is a conflict.
    const firing = await alertStore.listAlerts({ status: ['firing'] });
    const level = firing.find((a) => a.rule === 'LevelAlert')!;
    expect((await alertStore.findAlert(level.id.slice(0, 8)))?.id).toBe(level.id);
    await alertStore.addAcknowledgement(acknowledge(level, 'lin', 'on it', new Date(clock.now).toISOString()));
    await expect(
      alertStore.addAcknowledgement(acknowledge(level, 'wu', '', new Date(clock.now).toISOString())),
    ).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
    expect((await alertStore.listAcknowledgements([level.id])).map((a) => [a.by, a.timeToAckMs])).toEqual([
      ['lin', 60_000],
    ]);
    expect((await alertStore.listTransitions({ alertId: level.id })).map((t) => [t.from, t.to])).toEqual([
      ['new', 'firing'],
    ]);

    // Nothing more to send: the next cycle sees the ack and the delivered group.
    clock.now += 5 * 60_000;
    await engine.tick();
    await dispatcher.dispatchDue();
    expect(hook.deliveries).toHaveLength(2);
    expect((await alertStore.loadSnapshot(new Date(clock.now).toISOString())).acks.map((a) => a.by)).toEqual(['lin']);
  });
});
