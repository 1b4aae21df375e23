// Benchmark of the what-if: one recompute of one day's assessment on an edited pack (what the dashboard does in the
// browser on every change, here in Node on the same code), the first one of a session (every detector run), the tornado
// around it, and the size of the inputs served.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tornado } from '../analysis/sensitivity.js';
import { whatIfInputsFromJson, whatIfInputsToJson, whatIfSession } from '../analysis/what-if.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { whatIfInputs } from '../app/what-if-inputs.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { openStore } from '../storage/open-store.js';
import { parseDay } from '../time/zone.js';
import { medianOf, type BenchFigure } from './bench-types.js';

/** Days across the data: quiet, an episode under way (Joint Sword), the latest. */
const DAYS = ['2022-11-15', '2023-04-10', '2024-05-24', '2025-04-02', '2026-08-22'];

export async function runWhatIfBench(): Promise<BenchFigure[]> {
  const pack = loadPack(DEFAULT_PACK);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-whatif-'));
  const store = await openStore(join(dir, 'whatif.db'));
  try {
    await store.migrate();
    await store.putObservations(
      pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path))),
      new Date(0).toISOString(),
    );
    const recompute: number[] = [];
    const first: number[] = [];
    const tornadoMs: number[] = [];
    const sizes: number[] = [];
    for (const date of DAYS) {
      const json = JSON.stringify(whatIfInputsToJson(await whatIfInputs(store, pack, parseDay(date))));
      sizes.push(gzipSync(json).length / 1024);
      const session = whatIfSession(pack, whatIfInputsFromJson(JSON.parse(json)));
      for (let i = 0; i < 12; i++) {
        const overrides = { likelihoods: [{ indicator: 'air.total', state: 'high', hypothesis: 'H1', ratio: 2 + i }] };
        const t0 = performance.now();
        const a = session.assess(overrides);
        // The first runs every detector over the look-back (the page's first what-if); later ones reuse the readings.
        if (i === 0) first.push(performance.now() - t0);
        if (i >= 2) recompute.push(performance.now() - t0); // the first two also warm the JIT
        if (i === 11) {
          const t1 = performance.now();
          tornado(pack, session, overrides, a);
          tornadoMs.push(performance.now() - t1);
        }
      }
    }
    return [
      { name: 'whatif.recompute_ms', value: round(medianOf(recompute)), unit: 'ms' },
      { name: 'whatif.first_ms', value: round(medianOf(first)), unit: 'ms' },
      { name: 'whatif.recompute_p95_ms', value: round(p95(recompute)), unit: 'ms' },
      { name: 'whatif.tornado_ms', value: round(medianOf(tornadoMs)), unit: 'ms' },
      { name: 'whatif.inputs_gz_kb', value: round(Math.max(...sizes)), unit: 'kB' },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
const p95 = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
