// Benchmark of the daily brief: one brief from the store to a PDF (two assessments, the HTML, Chromium's print), as a
// median, against printing a blank A4 page through the same Chromium in the same run (the raw baseline).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { briefInputAt } from '../app/brief-at.js';
import { parseFile } from '../app/ingest-files.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { printHtmlToPdf } from '../app/print-pdf.js';
import { renderBriefHtml } from '../brief/render-brief-html.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { openStore } from '../storage/open-store.js';
import { parseDay } from '../time/zone.js';
import { medianOf, type BenchFigure } from './bench-types.js';

const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = 5;

export async function runBriefBench(): Promise<BenchFigure[]> {
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`brief.pdf_ms skipped: ${CHROMIUM} is missing (apt-get install -y chromium)\n`);
    return [];
  }
  const pack = loadPack(DEFAULT_PACK);
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-brief-'));
  const store = await openStore(join(dir, 'brief.db'));
  try {
    await store.migrate();
    await store.putObservations(
      pack.data.flatMap((d) => parseFile(d.kind, packPath(pack, d.path))),
      new Date(0).toISOString(),
    );
    const day = parseDay('2023-04-10');
    const brief: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      const { pages } = await printHtmlToPdf(
        renderBriefHtml(await briefInputAt(store, pack, day, new Date()), i % 2 ? 'zh' : 'en'),
        CHROMIUM,
      );
      brief.push(performance.now() - t0);
      if (pages !== 1) throw new Error(`brief bench: the brief printed to ${pages} pages`);
      const t1 = performance.now();
      await printHtmlToPdf('<!doctype html><p>blank</p>', CHROMIUM);
      blank.push(performance.now() - t1);
    }
    // The first run pays for loading Chromium from disk; the median of the rest is the steady figure.
    const briefMs = medianOf(brief.slice(1));
    const blankMs = medianOf(blank.slice(1));
    return [
      { name: 'brief.pdf_ms', value: Math.round(briefMs), unit: 'ms' },
      { name: 'brief.blank_pdf_ms', value: Math.round(blankMs), unit: 'ms' },
      { name: 'brief.pdf_ratio_vs_blank', value: Math.round((briefMs / blankMs) * 100) / 100, unit: 'ratio' },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
