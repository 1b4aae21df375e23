// Reliability: `vigil serve` on the bundled data under 200 single-observation POSTs a second for five minutes
// (`--soak-seconds` for a shorter try), with two dashboard readers polling the board, the latest assessment and the
// indicators. The ingest p99 of the first and of the last 30 s window (goal: last ≤ 2× first and ≤ 100 ms) and the
// server's largest resident set (sampled every second).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFiles } from '../../app/ingest-files.js';
import { DEFAULT_PACK } from '../../app/paths.js';
import { loadPack, packPath } from '../../packs/pack-loader.js';
import { openStore } from '../../storage/open-store.js';
import type { BenchFigure, BenchOptions } from '../bench-types.js';
import { probeObservation, prepareUsers } from './kill-reliability.js';
import { reliabilityDb } from './reliability-db.js';
import { keepAliveClient } from './keep-alive-client.js';
import { startServe } from './server-process.js';

const RATE = 200;
const WINDOW_MS = 30_000;

function p99(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] * 10) / 10;
}

const maxMb = (xs: { mb: number }[]) => xs.reduce((m, r) => Math.max(m, r.mb), 0);

export async function runSoakReliability(options: BenchOptions): Promise<BenchFigure[]> {
  const seconds = options.soakSeconds ?? 300;
  const dir = mkdtempSync(join(tmpdir(), 'vigil-soak-'));
  const db = await reliabilityDb(options, dir, 'soak');
  try {
    const token = await prepareUsers(db.url);
    const pack = loadPack(DEFAULT_PACK);
    const store = await openStore(db.url);
    for (const file of pack.data)
      await ingestFiles(store, file.kind, [packPath(pack, file.path)], { now: new Date().toISOString() });
    await store.close();
    const server = await startServe(db.url, db.args, {}, options.cpuProfDir);
    const samples: { at: number; ms: number; ok: boolean }[] = [];
    let rssMax = server.rssMb();
    const cpuAtStart = server.cpuMs();
    const errors = new Map<string, number>();
    const failed = (kind: string) => errors.set(kind, (errors.get(kind) ?? 0) + 1);
    let readerErrors = 0;
    const started = performance.now();
    const endAt = started + seconds * 1000;
    // Keep-alive, as a collector or a dashboard holds its connection; 64 ingest connections are plenty at 200/s.
    const ingest = keepAliveClient(server.url, token, 64);
    const dashboard = keepAliveClient(server.url, token, 2);
    const inflight = new Set<Promise<void>>();
    let n = 1_000_000;
    const reader = async () => {
      while (performance.now() < endAt) {
        for (const path of ['/api/v1/board', '/api/v1/assessments/latest', '/api/v1/indicators']) {
          const res = await dashboard.request('GET', path).catch(() => undefined);
          if (res?.status !== 200) readerErrors++;
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
    };
    const readers = [reader(), reader()];
    const rssSamples: { at: number; mb: number }[] = [];
    const rss = setInterval(() => {
      const mb = server.rssMb();
      rssMax = Math.max(rssMax, mb);
      rssSamples.push({ at: performance.now() - started, mb });
    }, 1000);
    // Open loop: one POST every 5 ms on schedule, whatever the answers take (a slow server is not given a breather).
    for (let i = 0; started + (i * 1000) / RATE < endAt; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const { id: _id, ...o } = probeObservation(n++, 'reliability.soak');
      const t0 = performance.now();
      const p = ingest
        .request('POST', '/api/v1/observations', JSON.stringify([o]))
        .then((res) => {
          samples.push({ at: t0 - started, ms: performance.now() - t0, ok: res.status === 200 });
          if (res.status !== 200) failed(`HTTP ${res.status}`);
        })
        .catch((error: Error) => {
          samples.push({ at: t0 - started, ms: performance.now() - t0, ok: false });
          failed(error.message);
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    await Promise.all(readers);
    clearInterval(rss);
    ingest.close();
    dashboard.close();
    const cpuMs = server.cpuMs() - cpuAtStart;
    for (const [kind, n] of errors) process.stderr.write(`soak: ${n} ingests failed: ${kind}\n`);
    await server.stop();
    const windowMs = Math.min(WINDOW_MS, (seconds * 1000) / 3);
    const first = samples.filter((s) => s.at < windowMs).map((s) => s.ms);
    const last = samples.filter((s) => s.at >= seconds * 1000 - windowMs).map((s) => s.ms);
    return [
      { name: 'soak.seconds', value: seconds, unit: 's' },
      { name: 'soak.ingests', value: samples.length, unit: 'requests' },
      { name: 'soak.ingest_errors', value: samples.filter((s) => !s.ok).length, unit: 'requests' },
      { name: 'soak.reader_errors', value: readerErrors, unit: 'requests' },
      { name: 'soak.ingest_p99_ms_first', value: p99(first), unit: 'ms' },
      { name: 'soak.ingest_p99_ms_last', value: p99(last), unit: 'ms' },
      { name: 'soak.rss_mb_max', value: Math.round(rssMax), unit: 'MiB' },
      // Flat means the last window's resident set is about the first one's (after start-up), not still climbing.
      { name: 'soak.rss_mb_first', value: Math.round(maxMb(rssSamples.filter((r) => r.at < windowMs))), unit: 'MiB' },
      {
        name: 'soak.rss_mb_last',
        value: Math.round(maxMb(rssSamples.filter((r) => r.at >= seconds * 1000 - windowMs))),
        unit: 'MiB',
      },
      // The server's own CPU per ingest (readers included): what the rate costs it, whatever else shares the machine.
      { name: 'soak.server_cpu_ms_per_ingest', value: Math.round((cpuMs / samples.length) * 100) / 100, unit: 'ms' },
    ];
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
