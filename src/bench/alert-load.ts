// The alert benchmark's outside world, on its own thread (its own event loop, as a collector and a receiver are other
// processes in production): the analyst's client POSTing observations on schedule, and the webhook receiving alerts.
// Latency is measured here, send to receipt, on one clock; the server's event loop carries only the server.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import type { NotificationEnvelope } from '../alerting/notification.js';
import { withId, type ObservationInput } from '../model/index.js';

export interface AlertLoadSetup {
  /** Observation fields but value and publishedAt (the claim every request revises). */
  template: Omit<ObservationInput, 'value' | 'publishedAt'>;
  high: number;
  normal: number;
  total: number;
  rate: number;
}

/** Parent → worker. */
export type AlertLoadCommand =
  | { type: 'start'; serverUrl: string; token: string; simulatedStart: number; epoch: number }
  | { type: 'received?' }
  | { type: 'close' };

/** Worker → parent. */
export type AlertLoadEvent =
  | { type: 'listening'; url: string }
  | { type: 'sent'; rate: number; samples: number[]; acks: number[]; failures: string[] }
  | { type: 'received'; alertIds: string[]; samples: number[] }
  | { type: 'closed' };

const setup = workerData as AlertLoadSetup;
const port = parentPort!;
const send = (event: AlertLoadEvent) => port.postMessage(event);
/** Absolute milliseconds, comparable with the parent thread's (performance.now() has a per-thread origin). */
const absolute = () => performance.timeOrigin + performance.now();

const sentAt = new Map<string, number>();
const samples: number[] = [];
const received = new Set<string>();
const firedBy = new Set<string>();

const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const now = absolute();
    const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as NotificationEnvelope;
    for (const a of envelope.alerts) {
      if (a.status !== 'firing') continue;
      received.add(a.id);
      const id = (a.explanation?.evidence[0]?.observationIds ?? []).find((x) => sentAt.has(x));
      if (id === undefined || firedBy.has(id)) continue;
      firedBy.add(id);
      samples.push(now - sentAt.get(id)!);
    }
    res.writeHead(204).end();
  });
});
receiver.listen(0, '127.0.0.1', () =>
  send({ type: 'listening', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/vigil` }),
);

async function run(serverUrl: string, token: string, simulatedStart: number, epoch: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const acks: number[] = [];
  const failures: string[] = [];
  const post = (body: string) =>
    new Promise<void>((resolve) => {
      const req = http.request(
        `${serverUrl}/api/v1/observations`,
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
          res.on('end', () => {
            if (res.statusCode !== 200) failures.push(`ingest answered ${res.statusCode}`);
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        failures.push(error.message);
        resolve();
      });
      req.end(body);
    });
  const interval = 1000 / setup.rate;
  const started = absolute();
  const requests: Promise<void>[] = [];
  for (let i = 0; i < setup.total; i++) {
    const wait = started + i * interval - absolute();
    await new Promise((r) => (wait > 1 ? setTimeout(r, wait) : setImmediate(r)));
    // The server's clock runs from `simulatedStart` at `epoch`: the observation is published "now" on it.
    const publishedAt = new Date(simulatedStart + (absolute() - epoch)).toISOString();
    const input = {
      ...setup.template,
      value: i % 2 === 0 ? setup.high : setup.normal,
      publishedAt,
    } as ObservationInput;
    const body = JSON.stringify({ observations: [input] });
    const t = absolute();
    // The server derives the same content-hash id: the alert's evidence names it.
    sentAt.set(withId(input).id, t);
    requests.push(post(body).then(() => void acks.push(absolute() - t)));
    if (requests.length > 64) await Promise.all(requests.splice(0, requests.length - 8));
  }
  const rate = setup.total / ((absolute() - started) / 1000);
  await Promise.all(requests);
  agent.destroy();
  send({ type: 'sent', rate, samples: [...samples], acks, failures });
}

port.on('message', (command: AlertLoadCommand) => {
  if (command.type === 'start') void run(command.serverUrl, command.token, command.simulatedStart, command.epoch);
  else if (command.type === 'received?') send({ type: 'received', alertIds: [...received], samples: [...samples] });
  else {
    receiver.closeAllConnections();
    receiver.close(() => send({ type: 'closed' }));
  }
});
