// End to end on the live path: observations stored → engine → outbox → a real webhook server and a real SMTP server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../test/support/analysis-fixtures.js';
import type { Observation } from '../model/index.js';
import { openObservationStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { acknowledge } from './acknowledgement.js';
import type { AlertStore } from './alert-store.js';
import { createAlertingEngine, type AlertingEngine } from './alerting-engine.js';
import { createAssessmentService } from '../app/assessment-service.js';
import { alertingConfig } from './fixtures.contract.js';
import type { NotificationEnvelope } from './notification.js';
import { waitFor } from './notifier.contract.js';
import { createOutboxDispatcher, type OutboxDispatcher } from './outbox-dispatcher.js';
import { createNotifiers } from './receivers/create-notifiers.js';
import {
  startHook,
  startSmtpSink,
  WEBHOOK_TEST_SECRET,
  type Hook,
  type SmtpSink,
} from './receivers/receiving-ends.contract.js';
import { createSilence } from './silences.js';
import { openAlertStore } from './open-alert-store.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-alerting-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

interface World {
  store: Store;
  alertStore: AlertStore;
  engine: AlertingEngine;
  dispatcher: OutboxDispatcher;
  hook: Hook;
  pager: Hook;
  smtp: SmtpSink;
  clock: { now: number };
  spike: Observation[];
  close(): Promise<void>;
}

const worlds: World[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.close();
});

/** 60 quiet days of the test theatre, then a day with aircraft and ships far above baseline (published 2024-05-01 01:00Z). */
async function world(): Promise<World> {
  const path = join(dir, `e2e-${++files}.db`);
  const store = openObservationStore(path);
  await store.migrate();
  await store.putObservations(
    [
      ...dailyCounts('test.aircraft', '2024-03-01', steady(60, 20, 3)),
      ...dailyCounts('test.ships', '2024-03-01', steady(60, 5, 1)),
    ],
    '2024-05-01T00:00:00.000Z',
  );
  const alertStore = openAlertStore(path);
  await alertStore.migrate();
  const [hook, pager, smtp] = await Promise.all([startHook(), startHook(), startSmtpSink()]);
  const config = alertingConfig({
    receivers: [
      { name: 'hook', type: 'webhook', url: hook.url, secret: WEBHOOK_TEST_SECRET },
      { name: 'pager', type: 'webhook', url: pager.url, secret: WEBHOOK_TEST_SECRET },
      {
        name: 'mail',
        type: 'email',
        host: '127.0.0.1',
        port: smtp.port,
        from: 'vigil@example.org',
        to: ['duty@example.org'],
      },
    ],
    route: {
      receiver: 'hook',
      group_by: ['theatre'],
      group_wait: '0s',
      group_interval: '1m',
      repeat_interval: '24h',
      routes: [
        { matchers: ['severity="high"'], receiver: 'hook', escalate_after: '15m', escalation: ['mail', 'pager'] },
      ],
    },
  });
  const clock = { now: Date.parse('2024-05-01T02:00:00.000Z') };
  const notifiers = createNotifiers(config.receivers, { env: {} });
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
  const spike = [...dailyCounts('test.aircraft', '2024-04-30', [75]), ...dailyCounts('test.ships', '2024-04-30', [30])];
  const w: World = {
    store,
    alertStore,
    engine,
    dispatcher,
    hook,
    pager,
    smtp,
    clock,
    spike,
    async close() {
      for (const n of notifiers.values()) await n.close();
      await Promise.all([hook.close(), pager.close(), smtp.close()]);
      await alertStore.close();
      await store.close();
    },
  };
  worlds.push(w);
  return w;
}

async function accept(w: World, observations: Observation[]) {
  await w.store.putObservations(observations, new Date(w.clock.now).toISOString());
  await w.engine.observationsAccepted(observations);
  await w.dispatcher.dispatchDue();
}

describe('alerting end to end', () => {
  it('a webhook and an SMTP server receive a grouped, signed notification naming the hypothesis that moved and its evidence; ack stops escalation', async () => {
    const w = await world();
    await accept(w, w.spike);
    const [delivery] = await waitFor(() => w.hook.deliveries, 1);
    expect(delivery.signed).toBe(true);
    const envelope = JSON.parse(delivery.body) as NotificationEnvelope;
    expect(envelope).toMatchObject({
      version: 'vigil.alert-notification/1',
      status: 'firing',
      groupLabels: { theatre: 'test' },
      receiver: 'hook',
    });
    expect(envelope.alerts.map((a) => a.labels.alertname).sort()).toEqual(['HypothesisH1', 'LevelAlert']);
    const h1 = envelope.alerts.find((a) => a.labels.alertname === 'HypothesisH1')!;
    expect(h1.explanation?.moved?.id).toBe('H1');
    expect(h1.explanation!.moved!.from).toBeLessThan(0.1);
    expect(h1.explanation!.moved!.to).toBeGreaterThan(0.5);
    const shipsId = w.spike.find((o) => o.series === 'test.ships')!.id;
    expect(h1.explanation?.evidence.flatMap((e) => e.observationIds)).toContain(shipsId);
    expect(envelope.alerts.find((a) => a.labels.alertname === 'LevelAlert')?.playbook?.title).toBe('Theatre at ALERT');

    // Unacknowledged for escalate_after: the next receiver of the chain, by e-mail over real SMTP.
    w.clock.now += 15 * 60_000;
    await w.engine.tick();
    await w.dispatcher.dispatchDue();
    const [mail] = await waitFor(() => w.smtp.messages, 1);
    expect(w.smtp.messages).toHaveLength(1);
    expect(mail.subject).toBe('[VIGIL FIRING:2 ESCALATION 1/2] LevelAlert, HypothesisH1 · test');
    for (const text of [
      'moved: H1 Exercise 4.8 % → 83.7 %',
      'evidence: Ships high 30',
      shipsId,
      'Brief the duty director',
      'acknowledge: vigil alerts ack',
    ]) {
      expect(mail.content).toContain(text);
    }

    // Acknowledged: the chain stops before the pager.
    for (const a of await w.alertStore.listAlerts({ status: ['firing'] })) {
      await w.alertStore.addAcknowledgement(
        acknowledge(a, 'lin', 'on it', new Date(w.clock.now + 60_000).toISOString()),
      );
    }
    for (const minutes of [15, 30, 45]) {
      w.clock.now += minutes * 60_000;
      await w.engine.tick();
      await w.dispatcher.dispatchDue();
    }
    expect(w.pager.deliveries).toEqual([]);
    // Time to acknowledge is recorded (three firing alerts: the inhibited ShipsHigh is firing too, only muted).
    expect((await w.alertStore.listAcknowledgements()).map((a) => a.timeToAckMs)).toEqual([
      16 * 60_000,
      16 * 60_000,
      16 * 60_000,
    ]);
  });

  it('a silence suppresses what it matches end to end, and inhibition keeps the explained indicator alert out', async () => {
    const w = await world();
    const now = new Date(w.clock.now).toISOString();
    await w.alertStore.addSilence(
      createSilence(
        {
          matchers: ['alertname="HypothesisH1"'],
          startsAt: now,
          endsAt: new Date(w.clock.now + 3_600_000).toISOString(),
          createdBy: 'lin',
          comment: 'drill',
        },
        now,
      ),
    );
    await accept(w, w.spike);
    const [delivery] = await waitFor(() => w.hook.deliveries, 1);
    const envelope = JSON.parse(delivery.body) as NotificationEnvelope;
    expect(envelope.alerts.map((a) => a.labels.alertname)).toEqual(['LevelAlert']);
    const firing = (await w.alertStore.listAlerts({ status: ['firing'] })).map((a) => a.rule).sort();
    expect(firing).toEqual(['HypothesisH1', 'LevelAlert', 'ShipsHigh']);
  });
});
