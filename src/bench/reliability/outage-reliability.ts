// Reliability: a webhook receiver that goes down for a while, then comes back, while alert groups keep changing state
// (firing ↔ resolved). Delivery runs through the outbox dispatcher and the real webhook notifier on a simulated clock
// (retries with the default backoff). Counted at the receiver, from the deliveries it accepted (2xx): notifications
// never accepted (lost), accepted twice (duplicates), and per group a state accepted after a later one (inversions);
// a group whose last accepted state is not its last state also counts as an inversion.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchFigure } from '../bench-types.js';
import type { Notification } from '../../alerting/notification.js';
import { createOutboxDispatcher } from '../../alerting/outbox-dispatcher.js';
import { createWebhookNotifier } from '../../alerting/receivers/webhook-notifier.js';
import { openAlertStore } from '../../alerting/open-alert-store.js';
import type { BenchOptions } from '../bench-types.js';
import { reliabilityDb } from './reliability-db.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GROUPS = 25;
const STEPS = 6;
const T0 = Date.parse('2026-09-01T00:00:00.000Z');

export async function runOutageReliability(options: BenchOptions): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-outage-'));
  const db = await reliabilityDb(options, dir, 'outage');
  const accepted: { key: string; group: string; step: number }[] = [];
  let up = true;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!up) return void res.writeHead(503).end();
      const n = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Notification & { idempotencyKey: string };
      accepted.push({
        key: String(req.headers['idempotency-key']),
        group: n.groupKey,
        step: Number(n.id.split('.').at(-1)),
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  // The outbox in the same kind of database as `vigil serve` would use: a SQLite file, or PostgreSQL with --scale.
  const store = openAlertStore(db.url);
  await store.migrate();
  const notifier = createWebhookNotifier({ receiver: 'hook', url, secret: 'outage-bench-secret', timeoutMs: 2_000 });
  const clock = { ms: T0 };
  const dispatcher = createOutboxDispatcher({
    store,
    notifiers: new Map([['hook', notifier]]),
    clock: () => new Date(clock.ms),
  });
  const total = GROUPS * STEPS;
  try {
    // Every 10 simulated seconds some group changes state; the receiver is down from minute 2 to minute 5 (180 s).
    let queued = 0;
    for (let second = 0; queued < total || second < 3_600; second++) {
      clock.ms = T0 + second * 1_000;
      up = !(second >= 120 && second < 300);
      if (second % 10 === 0 && queued < total) {
        const group = queued % GROUPS;
        const step = Math.floor(queued / GROUPS);
        const n: Notification = {
          id: `g${group}.${step}`,
          groupKey: `root|g${group}`,
          routeId: 'root',
          groupLabels: { g: String(group) },
          commonLabels: {},
          receivers: ['hook'],
          status: step % 2 === 0 ? 'firing' : 'resolved',
          mode: 'realtime',
          escalation: null,
          alerts: [],
          createdAt: new Date(clock.ms).toISOString(),
        };
        await store.commitCycle({ alerts: [], transitions: [], groups: [], deletedGroups: [], notifications: [n] });
        queued++;
      }
      await dispatcher.dispatchDue();
      if (queued === total && (await store.listOutbox({ status: 'pending' })).length === 0) break;
    }
  } finally {
    await notifier.close();
    await store.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  const keys = new Map<string, number>();
  for (const a of accepted) keys.set(a.key, (keys.get(a.key) ?? 0) + 1);
  let inversions = 0;
  for (let g = 0; g < GROUPS; g++) {
    const steps = accepted.filter((a) => a.group === `root|g${g}`).map((a) => a.step);
    for (let i = 1; i < steps.length; i++) if (steps[i] < steps[i - 1]) inversions++;
    if (steps.at(-1) !== STEPS - 1) inversions++;
  }
  return [
    { name: 'outage.notifications', value: total, unit: 'notifications' },
    { name: 'outage.lost', value: total - keys.size, unit: 'notifications' },
    { name: 'outage.duplicates', value: [...keys.values()].reduce((s, n) => s + n - 1, 0), unit: 'deliveries' },
    { name: 'outage.order_inversions', value: inversions, unit: 'inversions' },
  ];
}
