// `vigil init`: create the database and import the pack's bundled data (idempotent).
import type { Command } from 'commander';
import { ingestFiles, type FileIngestResult } from '../../app/ingest-files.js';
import { packPath, type LoadedPack } from '../../packs/pack-loader.js';
import type { ObservationWriter } from '../../app/write-services.js';
import { withContext } from '../context.js';
import { createProgress } from '../progress.js';

/** Imports every data file the pack bundles (through the audited writer: one entry per file); stored files are a no-op. */
export async function importPackData(
  store: ObservationWriter,
  pack: LoadedPack,
  now: string,
): Promise<FileIngestResult[]> {
  const progress = createProgress(`loading ${pack.name} data`);
  const results: FileIngestResult[] = [];
  try {
    let offset = 0;
    const totals: number[] = [];
    for (const file of pack.data) {
      const before = offset;
      const res = await ingestFiles(store, file.kind, [packPath(pack, file.path)], {
        now,
        onProgress: (done, total) => {
          totals[pack.data.indexOf(file)] = total;
          progress.update(before + done, Math.max(before + total, ...totals.filter(Boolean)));
        },
      });
      offset += res[0].observations;
      results.push(...res);
    }
  } finally {
    progress.stop();
  }
  return results;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description("create the database (default ./vigil.db) and import the pack's bundled data")
    .action(async (_opts, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ writes, actor, pack, now }) => {
        const results = await importPackData(writes.observations(actor), pack, now().toISOString());
        for (const r of results)
          console.log(`${r.file} (${r.kind}): ${r.observations} observations, ${r.inserted} new`);
      });
    });
}
