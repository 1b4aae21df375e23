// `vigil warning scorecard`: hits, misses, false alarms, lead time, Brier and a reliability diagram of the machine
// level over any window, replayed with only what was known each day (the backtest's replay and scoring).
import type { Command } from 'commander';
import { loadEpisodes } from '../../backtest/episodes.js';
import { replay } from '../../backtest/replay.js';
import { loadBacktestObservations } from '../../backtest/run-backtest.js';
import { vigilError } from '../../errors/index.js';
import { machineScorecard } from '../../scorecard/machine-scorecard.js';
import { scoreStoredWarnings } from '../../app/warning-service.js';
import { renderIssuedWarningScores, renderMachineScorecard } from '../../scorecard/render-scorecard.js';
import { renderReliabilitySvg } from '../../scorecard/render-reliability-svg.js';
import { parseDay } from '../../time/zone.js';
import { withContext } from '../context.js';
import { checkOutFile, writeOutFile } from '../output-file.js';

interface ScorecardFlags {
  from: string;
  to: string;
  episodes: string;
  svg?: string;
  issuedSvg?: string;
  json?: boolean;
}

export function registerWarningScorecard(warning: Command): void {
  warning
    .command('scorecard')
    .description(
      "score the machine level and the issued warnings over a window against labelled episodes (and analysts' rulings): hits, misses, false alarms, lead, Brier, reliability",
    )
    .requiredOption('--from <date>', 'first local day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last local day (YYYY-MM-DD)')
    .requiredOption('--episodes <file>', 'labelled episodes CSV (id,name,kind,start,end)')
    .option('--svg <file>', "also write the machine level's reliability diagram as SVG")
    .option('--issued-svg <file>', "also write the issued warnings' reliability diagram as SVG")
    .option('--json', 'print the scorecard as JSON')
    .action(async (opts: ScorecardFlags, cmd: Command) => {
      const from = parseDay(opts.from, '--from date');
      const to = parseDay(opts.to, '--to date');
      if (to < from) throw vigilError('VIGIL_DATE_INVALID', `--to ${opts.to} is before --from ${opts.from}`);
      const episodes = loadEpisodes(opts.episodes);
      if (opts.svg) checkOutFile(opts.svg, '--svg');
      if (opts.issuedSvg) checkOutFile(opts.issuedSvg, '--issued-svg');
      await withContext(cmd.optsWithGlobals(), async ({ store, pack, vigil }) => {
        const records = replay(pack, await loadBacktestObservations(store, pack), from, to);
        const card = machineScorecard(records, episodes, { horizonDays: pack.horizonDays });
        const issued = await scoreStoredWarnings(vigil, { from, to, episodes });
        if (opts.issuedSvg)
          writeOutFile(
            opts.issuedSvg,
            renderReliabilitySvg(
              issued.reliability,
              'Reliability of issued warnings (midpoint of the ICD 203 range)',
              `${pack.name}, ${opts.from} → ${opts.to}`,
            ),
          );
        if (opts.svg)
          writeOutFile(
            opts.svg,
            renderReliabilitySvg(
              card.reliability,
              `Reliability of P(episode within ${pack.horizonDays} d)`,
              `${pack.name}, ${opts.from} → ${opts.to}`,
            ),
            '--svg',
          );
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ ...card, issuedWarnings: issued }, null, 2)}\n`
            : `${renderMachineScorecard(card)}\n\n${renderIssuedWarningScores(issued)}\n`,
        );
      });
    });
}
