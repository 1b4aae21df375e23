// Benchmarks of the source importers: GDELT export reading (byte stream, the `vigil ingest` path, and whole-text) against awk
// splitting the same file in the same run, and MND bulletin ingestion (parse + store) per bulletin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileObservations } from '../app/ingest-files.js';
import { withId } from '../model/index.js';
import { parseGdeltEvents, readGdeltFile } from '../sources/gdelt-events/parse-gdelt-events.js';
import { parseMndBulletinG0v } from '../sources/mnd-bulletin-g0v/parse-mnd-bulletin-g0v.js';
import { openObservationStore } from '../storage/open-store.js';
import { medianOf, type BenchFigure } from './bench-types.js';

const GDELT_ROWS = 100_000;
const BULLETINS = 2_000;
const RUNS = 5;

export async function runSourcesBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-sources-bench-'));
  try {
    const path = join(dir, 'export.CSV');
    writeFileSync(path, gdeltExport(GDELT_ROWS));
    // Every side reads the file from disk in every run; the first run of each warms the page cache and the JIT.
    const ours = await timedAsync(async () => {
      const totals = await readGdeltFile(path);
      if (totals.rows !== GDELT_ROWS || totals.matched === 0) throw new Error('benchmark export misread');
    });
    // The `vigil ingest gdelt-events` path up to the store: the streaming reader, then content-hash ids.
    const ingest = await timedAsync(async () => {
      if ((await readFileObservations('gdelt-events', path)).length === 0)
        throw new Error('benchmark export matched no dyad');
    });
    // The whole file decoded to one string first, then parsed (what `vigil ingest` did before it streamed).
    const text = timed(() => {
      if (parseGdeltEvents(readFileSync(path, 'utf8'), { file: path }).length === 0)
        throw new Error('benchmark export matched no dyad');
    });
    const awk = timed(() => {
      const result = spawnSync('awk', ['-F', '\t', '{n++} END{print n}', path], { encoding: 'utf8' });
      if (result.status !== 0 || Number(result.stdout.trim()) !== GDELT_ROWS)
        throw new Error(`awk failed: ${result.stderr || result.stdout}`);
    });
    const bulletins = await bulletinsPerSecond();
    const gdeltRate = GDELT_ROWS / ours;
    const awkRate = GDELT_ROWS / awk;
    return [
      { name: 'gdelt.rows_per_s', value: Math.round(gdeltRate), unit: 'rows/s' },
      { name: 'gdelt.awk_rows_per_s', value: Math.round(awkRate), unit: 'rows/s' },
      { name: 'gdelt.ingest_rows_per_s', value: Math.round(GDELT_ROWS / ingest), unit: 'rows/s' },
      { name: 'gdelt.text_rows_per_s', value: Math.round(GDELT_ROWS / text), unit: 'rows/s' },
      { name: 'gdelt.awk_over_vigil', value: Math.round((awkRate / gdeltRate) * 100) / 100, unit: 'ratio (goal ≤ 3)' },
      { name: 'ingest.bulletins_per_s', value: Math.round(bulletins), unit: 'bulletins/s' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median seconds of RUNS runs after one warm-up. */
function timed(run: () => void): number {
  run();
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    run();
    seconds.push((performance.now() - t) / 1000);
  }
  return medianOf(seconds);
}

async function timedAsync(run: () => Promise<void>): Promise<number> {
  await run();
  const seconds: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    seconds.push((performance.now() - t) / 1000);
  }
  return medianOf(seconds);
}

/** Old-format MND announcements (JSONL) parsed and stored in SQLite, per announcement. */
async function bulletinsPerSecond(): Promise<number> {
  const text = announcements(BULLETINS);
  const rates: number[] = [];
  for (let run = 0; run < RUNS + 1; run++) {
    const store = openObservationStore(':memory:');
    await store.migrate();
    const t = performance.now();
    const observations = parseMndBulletinG0v(text, { file: 'bench.jsonl' }).map(withId);
    await store.putObservations(observations, '2030-01-01T00:00:00.000Z');
    const seconds = (performance.now() - t) / 1000;
    await store.close();
    if (run > 0) rates.push(BULLETINS / seconds);
  }
  return medianOf(rates);
}

/** A deterministic export in the 61-column layout: a third of the rows in the CHN–TWN/USA/JPN dyads. */
function gdeltExport(rows: number): string {
  const countries = ['CHN', 'TWN', 'USA', 'JPN', 'FRA', 'RUS', 'IND', 'GBR'];
  const lines: string[] = [];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < rows; i++) {
    const cols = Array.from({ length: 61 }, () => '');
    const day = 1 + (next() % 28);
    const a1 = countries[next() % countries.length];
    const a2 = countries[next() % countries.length];
    cols[0] = String(1_100_000_000 + i);
    cols[1] = `203004${String(day).padStart(2, '0')}`;
    cols[2] = '203004';
    cols[3] = '2030';
    cols[4] = '2030.2548';
    cols[5] = `${a1}GOV`;
    cols[6] = `${a1} GOVERNMENT`;
    cols[7] = a1;
    cols[15] = `${a2}MIL`;
    cols[16] = `${a2} MILITARY`;
    cols[17] = a2;
    cols[25] = '1';
    cols[26] = '190';
    cols[27] = '190';
    cols[28] = '19';
    cols[29] = String(1 + (next() % 4));
    cols[30] = (-10 + (next() % 201) / 10).toFixed(1);
    cols[31] = '10';
    cols[32] = '2';
    cols[33] = '10';
    cols[34] = '-4.21052631578947';
    for (const base of [35, 43, 51]) {
      cols[base] = '4';
      cols[base + 1] = "Taipei, T'ai-pei, Taiwan";
      cols[base + 2] = 'TW';
      cols[base + 3] = 'TW03';
      cols[base + 4] = '';
      cols[base + 5] = '25.0392';
      cols[base + 6] = '121.525';
      cols[base + 7] = '-2637824';
    }
    cols[59] = `203004${String(day).padStart(2, '0')}${String(next() % 24).padStart(2, '0')}1500`;
    cols[60] = `https://news.example.org/2030/04/${day}/article-${i}.html`;
    lines.push(cols.join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

/** Synthetic old-format announcements, one per day, with a few aircraft types each. */
function announcements(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2000, 0, 1 + i));
    const [y, m, day] = [d.getUTCFullYear() - 1911, d.getUTCMonth() + 1, d.getUTCDate()];
    const roc = `${y}/${String(m).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
    const text = `${roc}\n我西南空域空情動態\n一、日期Date:\n中華民國${y}年${m}月${day}日（星期一）\n二、機型Aircraft Type:\n殲-16機 ${1 + (i % 9)}架次(J-16)\n運-8反潛機 1架次(One Y-8 ASW)\n空警-500機 ${1 + (i % 2)}架次\n三、活動概要Activity Area:\n活動示意圖`;
    lines.push(
      JSON.stringify({
        p: 100_000 + i,
        url: `https://example.org/mnd/${i}`,
        publishedAt: roc,
        title: '我西南空域空情動態',
        text,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
