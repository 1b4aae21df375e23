// `vigil pack check <file>`: validate a scenario pack and report the path of the first offending field.
import type { Command } from 'commander';
import { loadPack } from '../../packs/pack-loader.js';

export function registerPack(program: Command): void {
  const pack = program.command('pack').description('work with scenario packs');
  pack
    .command('check')
    .description('validate a scenario pack file')
    .argument('<file>', 'pack file (YAML or JSON)')
    .action((file: string) => {
      const p = loadPack(file);
      console.log(
        `${file}: valid pack ${p.id} ${p.version} — ${p.hypotheses.length} hypotheses, ${p.indicators.length} indicators`,
      );
    });
}
