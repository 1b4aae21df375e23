// Crash safety: a process is SIGKILLed after committing an alert but before its delivery finished; a fresh process delivers it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dailyCounts, steady } from '../../test/support/analysis-fixtures.js';
import { PACKAGE_ROOT } from '../app/paths.js';
import { openObservationStore } from '../storage/open-store.js';
import type { NotificationEnvelope } from './notification.js';
import { waitFor } from './notifier.contract.js';
import { startHook } from './receivers/receiving-ends.contract.js';
import { openAlertStore } from './open-alert-store.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-outbox-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const src = (path: string) => JSON.stringify(pathToFileURL(join(PACKAGE_ROOT, path)).href);

/** The child's whole setup: the real engine, dispatcher and webhook notifier over the shared database file. */
const PRELUDE = `
import { dailyCounts, testPack } from ${src('test/support/analysis-fixtures.ts')};
import { openObservationStore } from ${src('src/storage/open-store.ts')};
import { openAlertStore } from ${src('src/alerting/open-alert-store.ts')};
import { createAlertingEngine } from ${src('src/alerting/alerting-engine.ts')};
import { createAssessmentService } from ${src('src/app/assessment-service.ts')};
import { createOutboxDispatcher } from ${src('src/alerting/outbox-dispatcher.ts')};
import { createNotifiers } from ${src('src/alerting/receivers/create-notifiers.ts')};
import { alertingConfig } from ${src('src/alerting/fixtures.contract.ts')};
const [db, url, now] = process.argv.slice(2);
const config = alertingConfig({
  receivers: [{ name: 'hook', type: 'webhook', url, secret: 'test-secret-0123456789', timeout: '10m' }],
  route: { receiver: 'hook', group_by: ['theatre'], group_wait: '0s' },
});
const store = openObservationStore(db);
const alertStore = openAlertStore(db);
await alertStore.migrate();
const clock = () => new Date(now);
const dispatcher = createOutboxDispatcher({ store: alertStore, notifiers: createNotifiers(config.receivers, { env: {} }), clock, leaseMs: 60_000 });
`;

const ENQUEUE = `${PRELUDE}
const engine = createAlertingEngine({
  store,
  alertStore,
  pack: testPack(),
  config,
  dispatcher,
  clock,
  assessments: createAssessmentService(store, testPack(), { now: clock }),
});
const spike = [...dailyCounts('test.aircraft', '2024-04-30', [75]), ...dailyCounts('test.ships', '2024-04-30', [30])];
await store.putObservations(spike, now);
await engine.observationsAccepted(spike);
process.stdout.write('committed\\n');
setInterval(() => {}, 1000);
`;

const DELIVER = `${PRELUDE}
await dispatcher.dispatchDue();
process.stdout.write(JSON.stringify(await alertStore.listOutbox()) + '\\n');
await alertStore.close();
await store.close();
`;

function run(
  script: string,
  args: string[],
): { child: ChildProcess; stdout: () => string; exited: Promise<{ code: number | null; signal: string | null }> } {
  const file = join(dir, `${children.length}.mts`);
  writeFileSync(file, script);
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => (err ? `${out}\n${err}` : out), exited };
}

describe('outbox crash safety', () => {
  it('loses nothing when the process dies between "alert fired" and "delivered"', async () => {
    const db = join(dir, 'vigil.db');
    const store = openObservationStore(db);
    await store.migrate();
    await store.putObservations(
      [
        ...dailyCounts('test.aircraft', '2024-03-01', steady(60, 20, 3)),
        ...dailyCounts('test.ships', '2024-03-01', steady(60, 5, 1)),
      ],
      '2024-05-01T00:00:00.000Z',
    );
    await store.close();

    // The receiver takes the request and never answers: the sender is mid-delivery when it is killed.
    const seen: string[] = [];
    const hanging = http.createServer((req) => seen.push(String(req.headers['idempotency-key'])));
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    const hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`;
    try {
      const a = run(ENQUEUE, [db, hangingUrl, '2024-05-01T02:00:00.000Z']);
      await waitFor(() => (a.stdout().includes('committed') ? seen : []), 1, 15_000);
      a.child.kill('SIGKILL');
      expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await new Promise<void>((r) => {
        hanging.closeAllConnections();
        hanging.close(() => r());
      });
    }

    const alertStore = openAlertStore(db);
    const pending = await alertStore.listOutbox();
    expect(pending.map((e) => [e.id, e.status, e.attempts])).toEqual([[seen[0], 'pending', 1]]);

    // A fresh process, after the dead one's lease ran out, delivers from the outbox.
    const hook = await startHook();
    try {
      const b = run(DELIVER, [db, hook.url, '2024-05-01T02:01:30.000Z']);
      expect((await b.exited).code).toBe(0);
      expect(hook.deliveries.map((d) => [d.idempotencyKey, d.signed])).toEqual([[seen[0], true]]);
      const envelope = JSON.parse(hook.deliveries[0].body) as NotificationEnvelope;
      expect(envelope.alerts.map((x) => x.labels.alertname).sort()).toEqual(['HypothesisH1', 'LevelAlert']);
      expect(envelope.attempt).toBe(2);
      expect((await alertStore.listOutbox()).map((e) => [e.status, e.attempts])).toEqual([['delivered', 2]]);
    } finally {
      await hook.close();
      await alertStore.close();
    }
  });
});
