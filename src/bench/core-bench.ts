// Benchmarks of the core loop: ingest throughput against raw better-sqlite3, one day's assessment, the full backtest
// replay, and the cross-validated backtest.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { assessAt } from '../app/assess-at.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { crossValidate } from '../backtest/cross-validate.js';
import { loadEpisodes } from '../backtest/episodes.js';
import { loadBacktestObservations } from '../backtest/run-backtest.js';
import { replay } from '../backtest/replay.js';
import { withId, type Observation } from '../model/index.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { openObservationStore } from '../storage/open-store.js';
import { OBSERVATION_MIGRATIONS } from '../storage/observation-migrations.js';
import { tlpRank } from '../model/grading.js';
import { parseDay } from '../time/zone.js';
import { medianOf, type BenchFigure } from './bench-types.js';

const INGEST_ROWS = 200_000;

export async function runCoreBench(): Promise<BenchFigure[]> {
  const pack = loadPack(DEFAULT_PACK);
  const bundled = pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path)));
  const rows = replicate(bundled, INGEST_ROWS);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  try {
    const raw = rawInsertRate(join(dir, 'raw.db'), rows);
    const store = openObservationStore(join(dir, 'vigil.db'));
    await store.migrate();
    const t0 = performance.now();
    await store.putObservations(rows, new Date(0).toISOString());
    const vigil = rows.length / ((performance.now() - t0) / 1000);
    await store.close();

    const assessStore = openObservationStore(join(dir, 'assess.db'));
    await assessStore.migrate();
    await assessStore.putObservations(bundled, new Date(0).toISOString());
    const days = Array.from({ length: 40 }, (_, i) => parseDay('2022-09-01') + i * 37);
    for (const day of days) await assessAt(assessStore, pack, day); // warm-up: measure steady state, not the JIT
    const timings: number[] = [];
    for (const day of days) {
      const t = performance.now();
      await assessAt(assessStore, pack, day);
      timings.push(performance.now() - t);
    }
    const tb = performance.now();
    const observations = await loadBacktestObservations(assessStore, pack);
    const records = replay(pack, observations, parseDay('2020-09-01'), parseDay('2026-08-22'));
    const backtestS = (performance.now() - tb) / 1000;
    const cv = crossValidationSeconds(observations);
    await assessStore.close();
    return [
      { name: 'ingest.obs_per_s', value: Math.round(vigil), unit: 'obs/s' },
      { name: 'ingest.raw_per_s', value: Math.round(raw), unit: 'rows/s' },
      { name: 'ingest.ratio_vs_raw', value: round(vigil / raw), unit: 'ratio' },
      { name: 'assess.day_ms', value: round(medianOf(timings)), unit: 'ms' },
      { name: 'backtest.full_s', value: round(backtestS), unit: 's' },
      { name: 'backtest.days', value: records.length, unit: 'days' },
      ...(cv === undefined ? [] : [{ name: 'backtest.cv_s', value: round(cv), unit: 's' }]),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `vigil backtest --cv` on 2021–2023: six folds, each refitting the judgement pack. Needs the labels in
 * ../shared/data/labels (not shipped); without them the figure is left out and stderr says why.
 */
function crossValidationSeconds(observations: readonly Observation[]): number | undefined {
  const labels = resolve('../shared/data/labels/episodes-2021-2023.csv');
  if (!existsSync(labels)) {
    process.stderr.write(`bench: backtest.cv_s skipped: no labels at ${labels}\n`);
    return undefined;
  }
  const judgement = loadPack(join(dirname(DEFAULT_PACK), 'judgement.yaml'));
  const t = performance.now();
  crossValidate(judgement, observations, loadEpisodes(labels), {
    from: parseDay('2021-01-01'),
    to: parseDay('2023-12-31'),
    priorEpisodes: 3,
    ridge: 1,
    hypothesis: 'H1',
    bufferDays: 7,
  });
  return (performance.now() - t) / 1000;
}

/** Distinct observations (own content hash) by renaming the series of copies of the bundled rows. */
function replicate(base: readonly Observation[], n: number): Observation[] {
  const out: Observation[] = [];
  for (let copy = 0; out.length < n; copy++) {
    for (const o of base) {
      if (out.length >= n) break;
      const { id: _id, ...input } = o;
      out.push(withId({ ...input, series: `${o.series}.b${copy}` }));
    }
  }
  return out;
}

/** The baseline: the same rows into the same schema with one prepared INSERT in one transaction, no Vigil code. */
function rawInsertRate(path: string, rows: readonly Observation[]): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const m of OBSERVATION_MIGRATIONS.steps) db.exec(typeof m.sql === 'string' ? m.sql : m.sql.sqlite);
  const insert =
    db.prepare(`INSERT OR IGNORE INTO observations (id, series, subject, value, missing_reason, unit, text, geometry, period_start,
    period_end, published_at, retrieved_at, source, source_ref, reliability, credibility, tlp, tlp_rank, attributes, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Serialisation is part of any insert of these rows, so the baseline does it too, before the clock starts.
  const values = rows.map((o) => [
    o.id,
    o.series,
    o.subject ?? '',
    o.value,
    o.missingReason ?? null,
    o.unit,
    o.text ?? null,
    o.geometry ? JSON.stringify(o.geometry) : null,
    o.periodStart,
    o.periodEnd,
    o.publishedAt,
    o.retrievedAt ?? null,
    o.source,
    o.sourceRef ?? null,
    o.reliability,
    o.credibility,
    o.tlp,
    tlpRank(o.tlp),
    o.attributes ? JSON.stringify(o.attributes) : null,
    new Date(0).toISOString(),
  ]);
  const t0 = performance.now();
  db.transaction(() => {
    for (const v of values) insert.run(...v);
  })();
  const rate = rows.length / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
