// Alert path benchmark: API ingest → alert at a loopback webhook through the server's alert loop (p50/p99 at a sustained
// rate), and a webhook outage lost nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAlertingEngine } from '../alerting/alerting-engine.js';
import { createAssessmentService } from '../app/assessment-service.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import { defaultAlertingPath, validateAlertingConfig } from '../alerting/load-alerting-config.js';
import type { NotificationEnvelope } from '../alerting/notification.js';
import { createOutboxDispatcher } from '../alerting/outbox-dispatcher.js';
import { createNotifiers } from '../alerting/receivers/create-notifiers.js';
import { openAlertStore } from '../alerting/open-alert-store.js';
import { assessAt } from '../app/assess-at.js';
import { recordRun } from '../collectors/collector-health.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { withId, type Observation } from '../model/index.js';
import { loadPack, packPath, type LoadedPack } from '../packs/pack-loader.js';
import { openVigil } from '../app/open-vigil.js';
import { DEFAULT_BUS_URL, openBus } from '../bus/open-bus.js';
import { resolveRoles, ROLES, type RunningRole } from '../roles/index.js';
import { freePort } from './reliability/server-process.js';
import { openObservationStore } from '../storage/open-store.js';
import type { Store } from '../storage/store.js';
import { createUser, issueToken } from '../users/user-accounts.js';
import { getZone } from '../time/zone.js';
import { Worker } from 'node:worker_threads';
import { performance as hooks } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AlertLoadCommand, AlertLoadEvent, AlertLoadSetup } from './alert-load.js';
import type { BenchFigure } from './bench-types.js';

export interface AlertBenchOptions {
  /** Sustained load phase (the benchmark uses 30 s; tests use 1–2 s). */
  durationMs: number;
  /** Observations accepted per second. */
  rate: number;
  /** Simulated receiver outage (the benchmark uses 60 s of simulated time). */
  outageMs: number;
}

const DEFAULTS: AlertBenchOptions = { durationMs: 30_000, rate: 200, outageMs: 60_000 };
const SECRET = 'bench-secret-0123456789';
const SERIES = 'mnd.ships.plan';
/** Cheap password hashing: the bench signs in with a token, never a password. */
const BENCH_SCRYPT = { N: 1024, r: 8, p: 1 };

export async function runAlertBench(options: Partial<AlertBenchOptions> = {}): Promise<BenchFigure[]> {
  const o = { ...DEFAULTS, ...options };
  const pack = loadPack(DEFAULT_PACK);
  const bundled = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
  const dir = mkdtempSync(join(tmpdir(), 'vigil-alert-bench-'));
  try {
    const latency = await measureLatency(pack, bundled, join(dir, 'latency.db'), o);
    const outage = await measureOutage(pack, bundled, join(dir, 'outage.db'), o);
    return [
      { name: 'alert.e2e_p50_ms', value: round(quantile(latency.samples, 0.5)), unit: 'ms' },
      { name: 'alert.e2e_p99_ms', value: round(quantile(latency.samples, 0.99)), unit: 'ms' },
      { name: 'alert.e2e_alerts_measured', value: latency.samples.length, unit: 'alerts' },
      // Alerts the store recorded as firing that had not reached the webhook 10 s after the last request was answered.
      { name: 'alert.e2e_alerts_undelivered', value: latency.undelivered, unit: 'alerts' },
      // High counts whose state no cycle saw: revised back to normal before the next cycle read them (a burst shares a
      // cycle), so no alert fired for them; at this rate each cycle normally sees one observation.
      { name: 'alert.e2e_high_counts_coalesced', value: latency.coalesced, unit: 'observations' },
      // Request sent → 200 (stored, audited): the part of the latency before the alert cycle and delivery.
      { name: 'alert.ingest_ack_p99_ms', value: round(quantile(latency.acks, 0.99)), unit: 'ms' },
      { name: 'alert.e2e_observation_rate', value: round(latency.rate), unit: 'obs/s' },
      // CPU of the whole process (server, and the load thread's client and receiver) per observation.
      { name: 'alert.e2e_cpu_ms_per_observation', value: round(latency.cpuMsPerObservation), unit: 'ms' },
      // Share of the load phase the server's event loop was busy (1 = saturated: latency then grows without bound).
      { name: 'alert.server_loop_utilisation', value: round(latency.serverLoopUtilisation), unit: 'ratio' },
      { name: 'alert.webhook_outage_lost', value: outage.lost, unit: 'alerts' },
      { name: 'alert.webhook_outage_delivered', value: outage.delivered, unit: 'alerts' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One indicator rule on naval counts, straight to one webhook: every flip of the state is an alert (firing or resolved). */
function benchAlertingFile(url: string) {
  return {
    schema: 'vigil.alerting/1',
    rules: [
      {
        name: 'NavalCountHigh',
        kind: 'indicator',
        indicators: ['sea.plan'],
        states: ['high'],
        labels: { severity: 'critical' },
      },
    ],
    receivers: [{ name: 'hook', type: 'webhook', url, secret: SECRET }],
    route: {
      receiver: 'hook',
      group_by: ['alertname'],
      group_wait: '0s',
      group_interval: '0s',
      realtime_severities: ['critical'],
    },
  };
}

function benchConfig(pack: LoadedPack, url: string): AlertingConfig {
  return validateAlertingConfig(benchAlertingFile(url), 'alert-bench', pack);
}

interface Setup {
  store: Store;
  alertStore: ReturnType<typeof openAlertStore>;
  /** The first instant after the bundled data, on the day after its last report, and the naval counts to alternate. */
  start: number;
  observation: (value: number, publishedMs: number) => Observation;
  high: number;
  normal: number;
}

async function setUp(pack: LoadedPack, bundled: Observation[], path: string): Promise<Setup> {
  const store = openObservationStore(path);
  await store.migrate();
  await store.putObservations(bundled, new Date(0).toISOString());
  const alertStore = openAlertStore(path);
  await alertStore.migrate();
  const zone = getZone(pack.timeZone);
  const lastPublished = Math.max(...bundled.filter((b) => b.series === SERIES).map((b) => Date.parse(b.publishedAt)));
  // The next MND report covers the local day of the last publication and is published the morning after.
  const reportDay = zone.dayOf(lastPublished);
  const start = zone.startOfDay(reportDay + 1) + 10 * 3_600_000;
  // The live MND collector ran on the report day: the PLAN ship count is covered from then on (learned coverage), as
  // in production, where the bundled files' declared coverage ends with their last day.
  await recordRun(
    store,
    { id: 'mnd-web', kind: 'mnd-bulletin-page', url: 'https://www.mnd.gov.tw/' },
    new Date(zone.startOfDay(reportDay) + 3_600_000).toISOString(),
    { ok: true, observations: 1, inserted: 0 },
  );
  const probe = await assessAt(store, pack, reportDay + 1);
  const baseline = probe.indicators.find((i) => i.id === 'sea.plan')?.baseline ?? 8;
  const periodStart = new Date(zone.startOfDay(reportDay) - 2 * 3_600_000).toISOString();
  const periodEnd = new Date(zone.startOfDay(reportDay + 1) - 2 * 3_600_000).toISOString();
  const observation = (value: number, publishedMs: number) =>
    withId({
      series: SERIES,
      value,
      unit: 'count',
      periodStart,
      periodEnd,
      publishedAt: new Date(publishedMs).toISOString(),
      source: 'bench',
      sourceRef: 'alert-bench',
      reliability: 'A',
      credibility: 2,
      tlp: 'clear',
    });
  return {
    store,
    alertStore,
    start,
    observation,
    high: Math.max(40, Math.round(baseline * 4)),
    normal: Math.max(0, Math.round(baseline)),
  };
}

interface Receiver {
  url: string;
  port: number;
  onEnvelope: (e: NotificationEnvelope) => void;
  listen(port?: number): Promise<void>;
  close(): Promise<void>;
}

async function webhookReceiver(onEnvelope: (e: NotificationEnvelope) => void): Promise<Receiver> {
  let server: http.Server | undefined;
  const r: Receiver = {
    url: '',
    port: 0,
    onEnvelope,
    async listen(port = 0) {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          r.onEnvelope(JSON.parse(Buffer.concat(chunks).toString('utf8')) as NotificationEnvelope);
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((ok) => server!.listen(port, '127.0.0.1', ok));
      r.port = (server.address() as AddressInfo).port;
      r.url = `http://127.0.0.1:${r.port}/vigil`;
    },
    close: () =>
      new Promise<void>((ok) => {
        if (!server) return ok();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
  await r.listen();
  return r;
}

/**
 * The production path end to end: alternating high / normal naval counts POSTed to the API at `rate` per second (one
 * observation per request, an analyst's bearer token, keep-alive) of a server wired as `vigil serve` wires one process
 * (all roles, in-process bus: the assess role re-assesses and publishes after each commit too), stored and audited by
 * the route, handed to the api role's alert loop (AlertingEngine.observationsAccepted), and delivered by it to the
 * webhook named by --alert-receivers. Latency: from the moment the request is sent to the moment the webhook receives
 * the alert. The client and the webhook run on a worker thread (alert-load.ts): their own event loop, as in production
 * they are other processes; this thread's event loop carries the server alone (its utilisation is reported).
 */
async function measureLatency(pack: LoadedPack, bundled: Observation[], path: string, o: AlertBenchOptions) {
  const s = await setUp(pack, bundled, path);
  const total = Math.round((o.durationMs / 1000) * o.rate);
  const { id: _id, value: _v, publishedAt: _p, ...template } = s.observation(0, s.start);
  const load = startLoad({ template, high: s.high, normal: s.normal, total, rate: o.rate });
  const receiverUrl = (await load.next('listening')).url;
  const t0 = performance.now();
  const epoch = performance.timeOrigin + t0;
  const clock = () => new Date(s.start + (performance.now() - t0));
  // The server's process as `vigil serve` runs it on one machine: its own composition root on the same database file,
  // every role (ingest, assess, api with its alert loop) over the in-process bus, the alerting file beside the pack.
  const packDir = join(dirname(path), 'pack');
  mkdirSync(packDir, { recursive: true });
  writeFileSync(defaultAlertingPath(join(packDir, 'pack.yaml')), JSON.stringify(benchAlertingFile(receiverUrl)));
  const served: LoadedPack = { ...pack, file: join(packDir, 'pack.yaml') };
  const vigil = await openVigil({ databaseUrl: path, pack: served }, clock);
  const { user } = await createUser(
    vigil.users,
    { username: 'bench', role: 'analyst', password: 'bench-password-0123456789-xyz' },
    clock().toISOString(),
    { scrypt: BENCH_SCRYPT },
  );
  const { token } = await issueToken(vigil.users, user, 'bench', clock().toISOString());
  const bus = await openBus(DEFAULT_BUS_URL);
  const port = await freePort();
  const roles: RunningRole[] = [];
  try {
    for (const name of resolveRoles('all')) {
      roles.push(
        await ROLES[name]({
          vigil,
          bus,
          log: () => {},
          ackWaitMs: 30_000,
          dbUrl: path,
          http: { host: '127.0.0.1', port, logLevel: 'silent' },
          alertReceivers: ['hook'],
          secrets: {},
        }),
      );
    }
    const cpuAtStart = process.cpuUsage();
    const eluAtStart = hooks.eventLoopUtilization();
    load.post({ type: 'start', serverUrl: `http://127.0.0.1:${port}`, token, simulatedStart: s.start, epoch });
    const sent = await load.next('sent');
    if (sent.failures.length > 0)
      throw new Error(`alert bench: ${sent.failures.length} ingests failed: ${sent.failures[0]}`);
    // CPU of the whole process (server thread and load thread) and how busy the server's event loop was.
    const cpu = process.cpuUsage(cpuAtStart);
    const elu = hooks.eventLoopUtilization(eluAtStart);
    // Wait (up to 10 s) until every alert the store recorded as firing has reached the webhook; count those that did not.
    const fired = async () =>
      new Set((await s.alertStore.listTransitions()).filter((t) => t.to === 'firing').map((t) => t.alertId));
    const until = performance.now() + 10_000;
    let seen: { alertIds: string[]; samples: number[] };
    let undelivered: number;
    for (;;) {
      load.post({ type: 'received?' });
      seen = await load.next('received');
      const received = new Set(seen.alertIds);
      undelivered = [...(await fired())].filter((id) => !received.has(id)).length;
      if (undelivered === 0 || performance.now() > until) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return {
      samples: seen.samples,
      acks: sent.acks,
      rate: sent.rate,
      undelivered,
      coalesced: Math.ceil(total / 2) - (await fired()).size,
      cpuMsPerObservation: (cpu.user + cpu.system) / 1000 / total,
      serverLoopUtilisation: elu.utilization,
    };
  } finally {
    for (const role of roles.reverse()) await role.stop();
    await bus.close();
    await vigil.close();
    await load.close();
    await s.alertStore.close();
    await s.store.close();
  }
}

/** The load thread, with a typed wait for its next event of a kind. */
function startLoad(setup: AlertLoadSetup) {
  const self = fileURLToPath(import.meta.url);
  const ts = self.endsWith('.ts');
  const url = new URL(`./alert-load.${ts ? 'ts' : 'js'}`, import.meta.url);
  // Run from source (the test), the worker registers tsx's loader first: a thread does not inherit the runner's hooks.
  const worker = ts
    ? new Worker(
        `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true, workerData: setup },
      )
    : new Worker(url, { workerData: setup });
  const waiting = new Map<string, (event: AlertLoadEvent) => void>();
  let failure: Error | undefined;
  worker.on('message', (event: AlertLoadEvent) => {
    waiting.get(event.type)?.(event);
    waiting.delete(event.type);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const resolve of waiting.values()) resolve({ type: 'closed' });
  });
  return {
    post: (command: AlertLoadCommand) => worker.postMessage(command),
    next<K extends AlertLoadEvent['type']>(type: K): Promise<Extract<AlertLoadEvent, { type: K }>> {
      return new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.set(type, (event) =>
          failure ? reject(failure) : resolve(event as Extract<AlertLoadEvent, { type: K }>),
        );
      });
    },
    async close() {
      const closed = this.next('closed').catch(() => undefined);
      worker.postMessage({ type: 'close' } satisfies AlertLoadCommand);
      await closed;
      await worker.terminate();
    },
  };
}

/**
 * The receiver is really down (its port closed: connection refused) for `outageMs` of simulated time while alerts keep
 * firing, then back. Timing runs on a simulated clock so retries keep their real backoff schedule (1 s, 2 s, 4 s … up
 * to 5 min) without the benchmark waiting minutes. Counts firing alerts the store recorded that never reached the receiver.
 */
async function measureOutage(pack: LoadedPack, bundled: Observation[], path: string, o: AlertBenchOptions) {
  const s = await setUp(pack, bundled, path);
  const received = new Set<string>();
  const receiver = await webhookReceiver((e) =>
    e.alerts.filter((a) => a.status === 'firing').forEach((a) => received.add(a.id)),
  );
  const port = receiver.port;
  const config = benchConfig(pack, receiver.url);
  await receiver.close();
  const clock = { now: s.start };
  const now = () => new Date(clock.now);
  const notifiers = createNotifiers(config.receivers, { env: {} });
  const dispatcher = createOutboxDispatcher({ store: s.alertStore, notifiers, clock: now });
  const engine = createAlertingEngine({
    store: s.store,
    alertStore: s.alertStore,
    pack,
    config,
    dispatcher,
    clock: now,
    assessments: createAssessmentService(s.store, pack, { now }),
  });
  const stepMs = 1_000;
  const alertEvery = 2_000;
  const steps = Math.ceil(o.outageMs / stepMs);
  let i = 0;
  for (let step = 0; step < steps + 60; step++) {
    if (step === steps) await receiver.listen(port);
    // Alerts keep coming through the outage and for a minute after it.
    if ((step * stepMs) % alertEvery === 0) {
      const obs = s.observation(i++ % 2 === 0 ? s.high : s.normal, clock.now);
      await s.store.putObservations([obs], now().toISOString());
      await engine.observationsAccepted([obs]);
    }
    await dispatcher.dispatchDue();
    clock.now += stepMs;
  }
  // Drain: keep the clock going until the outbox is empty (bounded by ten simulated minutes of backoff).
  for (let k = 0; k < 600 && (await s.alertStore.listOutbox({ status: 'pending', limit: 1 })).length > 0; k++) {
    clock.now += stepMs;
    await dispatcher.dispatchDue();
  }
  const fired = new Set((await s.alertStore.listTransitions()).filter((t) => t.to === 'firing').map((t) => t.alertId));
  for (const n of notifiers.values()) await n.close();
  await receiver.close();
  await s.alertStore.close();
  await s.store.close();
  return {
    lost: [...fired].filter((id) => !received.has(id)).length,
    delivered: [...fired].filter((id) => received.has(id)).length,
  };
}

function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

const round = (x: number) => Math.round(x * 100) / 100;
