// Alert path benchmark: API ingest → alert at a loopback webhook through the server's alert loop (p50/p99 at a sustained
// rate), and a webhook outage lost nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAlertingEngine } from '../alerting/alerting-engine.js';
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
      // CPU of the whole process (client, server, receiver) per observation: what the rate costs, whatever the load.
      { name: 'alert.e2e_cpu_ms_per_observation', value: round(latency.cpuMsPerObservation), unit: 'ms' },
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
 * the alert. The client and the receiver share the process (and its event loop) with the server.
 */
async function measureLatency(pack: LoadedPack, bundled: Observation[], path: string, o: AlertBenchOptions) {
  const s = await setUp(pack, bundled, path);
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  const acks: number[] = [];
  /** Firing alerts whose webhook arrived, by the observation that fired them (the bench's alerts alternate), and by id. */
  const firedBy = new Set<string>();
  const received = new Set<string>();
  const receiver = await webhookReceiver((e) => {
    const now = performance.now();
    for (const a of e.alerts) {
      if (a.status !== 'firing') continue;
      received.add(a.id);
      const ids = a.explanation?.evidence[0]?.observationIds ?? [];
      const id = ids.find((x) => sentAt.has(x));
      if (id === undefined || firedBy.has(id)) continue;
      firedBy.add(id);
      samples.push(now - sentAt.get(id)!);
    }
  });
  const t0 = performance.now();
  const clock = () => new Date(s.start + (performance.now() - t0));
  // The server's process as `vigil serve` runs it on one machine: its own composition root on the same database file,
  // every role (ingest, assess, api with its alert loop) over the in-process bus, the alerting file beside the pack.
  const packDir = join(dirname(path), 'pack');
  mkdirSync(packDir, { recursive: true });
  writeFileSync(defaultAlertingPath(join(packDir, 'pack.yaml')), JSON.stringify(benchAlertingFile(receiver.url)));
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
  const server = { url: `http://127.0.0.1:${port}` };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const post = (obs: Observation) =>
    new Promise<void>((resolve, reject) => {
      const { id: _id, ...input } = obs; // the server derives the same content-hash id
      const body = JSON.stringify({ observations: [input] });
      const req = http.request(
        `${server.url}/api/v1/observations`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`ingest answered ${res.statusCode}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const total = Math.round((o.durationMs / 1000) * o.rate);
  const interval = 1000 / o.rate;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const requests: Promise<void>[] = [];
  try {
    for (let i = 0; i < total; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      await new Promise((r) => (wait > 1 ? setTimeout(r, wait) : setImmediate(r)));
      const obs = s.observation(i % 2 === 0 ? s.high : s.normal, clock().getTime());
      const t = performance.now();
      sentAt.set(obs.id, t);
      requests.push(post(obs).then(() => void acks.push(performance.now() - t)));
      if (requests.length > 64) await Promise.all(requests.splice(0, requests.length - 8));
    }
    const rate = total / ((performance.now() - started) / 1000);
    await Promise.all(requests);
    const cpu = process.cpuUsage(cpuAtStart);
    // Wait (up to 10 s) until every alert the store recorded as firing has reached the webhook; count those that did not.
    const fired = async () =>
      new Set((await s.alertStore.listTransitions()).filter((t) => t.to === 'firing').map((t) => t.alertId));
    const until = performance.now() + 10_000;
    let undelivered = [...(await fired())].filter((id) => !received.has(id)).length;
    while (undelivered > 0 && performance.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      undelivered = [...(await fired())].filter((id) => !received.has(id)).length;
    }
    return {
      samples,
      acks,
      rate,
      undelivered,
      coalesced: Math.ceil(total / 2) - (await fired()).size,
      cpuMsPerObservation: (cpu.user + cpu.system) / 1000 / total,
    };
  } finally {
    agent.destroy();
    for (const role of roles.reverse()) await role.stop();
    await bus.close();
    await vigil.close();
    await receiver.close();
    await s.alertStore.close();
    await s.store.close();
  }
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
