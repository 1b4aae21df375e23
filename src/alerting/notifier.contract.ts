// The Notifier contract: every receiver (webhook, e-mail, SSE, terminal) runs this one suite against a real receiving end.
import { afterEach, describe, expect, it } from 'vitest';
import { envelopeFor, type Notifier } from './notifier.js';
import type { OutboxEntry } from './alert-store.js';
import type { Notification, NotifiedAlert } from './notification.js';

/** What the receiving end saw for one delivery. */
export interface ReceivedDelivery {
  idempotencyKey: string;
  deliveryId: string;
  /** The delivered content as the person or program reading it gets it (JSON body, mail text, printed lines). */
  content: string;
}

export interface NotifierHarness {
  notifier: Notifier;
  /** Waits (bounded) until at least `count` deliveries arrived; returns all of them in arrival order. */
  received(count: number): Promise<ReceivedDelivery[]>;
  /** Takes the receiving end away, for receivers that have one that can fail. */
  breakEndpoint?(): Promise<void>;
  close(): Promise<void>;
}

export function runNotifierContract(
  name: string,
  setup: () => Promise<NotifierHarness>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`Notifier contract: ${name}`, () => {
    let harness: NotifierHarness | undefined;
    const open = async () => (harness = await setup());
    afterEach(async () => {
      await harness?.notifier.close();
      await harness?.close();
      harness = undefined;
    });

    it('delivers a grouped notification that names the hypothesis that moved and the evidence, with observation links', async () => {
      const h = await open();
      const entry = sampleOutboxEntry(h.notifier.receiver);
      await h.notifier.send(envelopeFor(entry, '2024-05-23T16:00:01.000Z'));
      const [got] = await h.received(1);
      expect(got.idempotencyKey).toBe(entry.id);
      for (const text of [
        'LevelAlert',
        'HypothesisH1',
        'H1',
        'Major coercive exercise or surge',
        '8.4 %',
        '45.2 %',
        'PLA Navy ships around Taiwan',
        'obs-5f3a9c',
        'Brief the duty director',
      ]) {
        expect(got.content).toContain(text);
      }
    });

    it('sends the same idempotency key on every attempt and a new delivery id, so the receiver can drop duplicates', async () => {
      const h = await open();
      await h.notifier.send(envelopeFor(sampleOutboxEntry(h.notifier.receiver, 1), '2024-05-23T16:00:01.000Z'));
      await h.notifier.send(envelopeFor(sampleOutboxEntry(h.notifier.receiver, 2), '2024-05-23T16:00:09.000Z'));
      const got = await h.received(2);
      expect(got.map((d) => d.idempotencyKey)).toEqual([
        `n-sample.${h.notifier.receiver}`,
        `n-sample.${h.notifier.receiver}`,
      ]);
      expect(new Set(got.map((d) => d.deliveryId)).size).toBe(2);
      expect(new Set(got.map((d) => d.idempotencyKey)).size).toBe(1);
    });

    it('rejects with a retryable VIGIL_DELIVERY_FAILED when the receiving end is gone', async (ctx) => {
      const h = await open();
      if (!h.breakEndpoint) ctx.skip();
      await h.breakEndpoint!();
      await expect(
        h.notifier.send(envelopeFor(sampleOutboxEntry(h.notifier.receiver), '2024-05-23T16:00:01.000Z')),
      ).rejects.toMatchObject({
        code: 'VIGIL_DELIVERY_FAILED',
        retryable: true,
      });
    });
  });
}

/** Polls `get` until it returns at least `count` items or `timeoutMs` passes. */
export async function waitFor<T>(get: () => T[], count: number, timeoutMs = 5_000): Promise<T[]> {
  const until = Date.now() + timeoutMs;
  while (get().length < count) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${count} deliveries (have ${get().length})`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return get();
}

// A realistic grouped notification (two alerts, the hypothesis that moved, evidence with observation ids) for receiver tests.

const T = '2024-05-23T15:59:59.999Z';

function alert(id: string, rule: string, summary: string, extra: Record<string, string>): NotifiedAlert {
  return {
    id,
    fingerprint: `fp-${id}`,
    status: 'firing',
    labels: { alertname: rule, severity: 'high', theatre: 'taiwan-strait', ...extra },
    annotations: { summary, description: 'see evidence' },
    explanation: {
      day: '2024-05-23',
      asOf: '2024-05-23T16:00:00.000Z',
      level: { from: 2, to: 4, name: 'ALERT' },
      moved: { id: 'H1', name: 'Major coercive exercise or surge', from: 0.084, to: 0.452, delta: 0.368 },
      hypotheses: [
        { id: 'H0', name: 'Routine gray-zone pressure', from: 0.9, to: 0.52, delta: -0.38 },
        { id: 'H1', name: 'Major coercive exercise or surge', from: 0.084, to: 0.452, delta: 0.368 },
      ],
      evidence: [
        {
          indicator: 'sea.plan',
          name: 'PLA Navy ships around Taiwan',
          state: 'high',
          value: 27,
          baseline: 9,
          dataDay: '2024-05-23',
          contribution: 1.79,
          observationIds: ['obs-5f3a9c'],
        },
        {
          indicator: 'pol.domestic',
          name: 'Inauguration, election or major speech in Taiwan',
          state: 'fresh',
          value: 1.7,
          baseline: null,
          dataDay: '2024-05-23',
          contribution: 0.69,
          observationIds: ['obs-77e1d0'],
        },
      ],
    },
    startsAt: T,
    firedAt: T,
    endsAt: null,
    acknowledged: null,
    playbook: {
      id: 'alert',
      title: 'Theatre at ALERT',
      steps: [{ id: 'brief', text: 'Brief the duty director', tickedBy: null, tickedAt: null }],
    },
  };
}

export function sampleNotification(id = 'n-sample'): Notification {
  const alerts = [
    alert('a11111111111', 'LevelAlert', 'taiwan-strait at ALERT (4) on 2024-05-23 (previous day WATCH (2))', {
      kind: 'level',
    }),
    alert(
      'a22222222222',
      'HypothesisH1',
      'H1 Major coercive exercise or surge 8.4 % → 45.2 % (threshold ≥ 30.0 %) on 2024-05-23',
      { kind: 'hypothesis', hypothesis: 'H1' },
    ),
  ];
  return {
    id,
    groupKey: 'root.0|theatre',
    routeId: 'root.0',
    groupLabels: { theatre: 'taiwan-strait' },
    commonLabels: { severity: 'high', theatre: 'taiwan-strait' },
    receivers: ['r'],
    status: 'firing',
    mode: 'realtime',
    escalation: null,
    alerts,
    createdAt: T,
  };
}

export function sampleOutboxEntry(receiver: string, attempts = 1, notification = sampleNotification()): OutboxEntry {
  return {
    id: `${notification.id}.${receiver}`,
    notificationId: notification.id,
    receiver,
    notification,
    status: 'pending',
    attempts,
    nextAttemptAt: T,
    leasedUntil: null,
    lastError: null,
    createdAt: T,
    deliveredAt: null,
  };
}
