// `vigil ingest <kind> <path…>`: import files of one kind; a malformed file writes nothing.
import type { Command } from 'commander';
import { ingestFiles } from '../../app/ingest-files.js';
import { sourceParsers } from '../../sources/registry.js';
import { withContext } from '../context.js';
import { createProgress } from '../progress.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(`import observation files of one kind (${Object.keys(sourceParsers).join(', ')})`)
    .argument('<kind>', 'the file format; see docs/data-formats.md')
    .argument('<paths...>', 'files to import')
    .action(async (kind: string, paths: string[], _opts, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ writes, actor, now }) => {
        const progress = createProgress('ingest');
        try {
          const results = await ingestFiles(writes.observations(actor), kind, paths, {
            now: now().toISOString(),
            onProgress: progress.update,
          });
          progress.stop();
          for (const r of results)
            console.log(`${r.file}: ${r.observations} observations, ${r.inserted} new, ${r.unchanged} already stored`);
        } finally {
          progress.stop();
        }
      });
    });
}
