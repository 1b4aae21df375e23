// `vigil backtest`: replay a date range day by day with only what was known each day, and score it.
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Command } from 'commander';
import { crossValidate } from '../../backtest/cross-validate.js';
import { loadEpisodes } from '../../backtest/episodes.js';
import { renderHtmlReport } from '../../backtest/render-html-report.js';
import { renderLevelRuns } from '../../backtest/level-runs.js';
import { renderCrossValidation } from '../../backtest/render-cross-validation.js';
import { renderScores } from '../../backtest/render-scores.js';
import { loadBacktestObservations, runBacktest } from '../../backtest/run-backtest.js';
import { score } from '../../backtest/scoring.js';
import { vigilError } from '../../errors/index.js';
import { loadPack } from '../../packs/pack-loader.js';
import { parseDay } from '../../time/zone.js';
import { withContext } from '../context.js';
import { checkOutFile, writeOutFile } from '../output-file.js';
import { createProgress } from '../progress.js';

interface BacktestOptions {
  from: string;
  to: string;
  episodes?: string;
  format: string;
  out?: string;
  cv?: boolean;
  judgement?: string;
}

/** What `vigil calibrate` fits with: three pseudo-episodes of shrinkage, ridge 1, buffer = the horizon. */
const CV_FIT = { priorEpisodes: 3, ridge: 1, hypothesis: 'H1', bufferDays: 7 };

/** A generated pack names its source `judgement.yaml`; refit that, never the already-fitted pack. */
function judgementBeside(packFile: string): string {
  const candidate = join(dirname(packFile), 'judgement.yaml');
  return existsSync(candidate) ? candidate : packFile;
}

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description(
      'replay every day in a range with only what was published by its end, and score it against labelled episodes',
    )
    .requiredOption('--from <date>', 'first local day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last local day (YYYY-MM-DD)')
    .option('--episodes <file>', 'labelled episodes CSV (id,name,kind,start,end) to score against')
    .option('--format <format>', 'table, jsonl (one record per day) or html', 'table')
    .option('--out <file>', 'write to this file instead of standard output')
    .option(
      '--cv',
      'also score leave-one-episode-out cross-validation (needs --episodes): refit the judgement pack without each episode',
    )
    .option(
      '--judgement <file>',
      'with --cv: the hand-set pack to refit (default: judgement.yaml beside the pack, else the pack)',
    )
    .action(async (opts: BacktestOptions, cmd: Command) => {
      if (opts.out) checkOutFile(opts.out);
      if (!['table', 'jsonl', 'html'].includes(opts.format))
        throw vigilError('VIGIL_UNKNOWN_KIND', `unknown --format "${opts.format}": expected table, jsonl or html`);
      const from = parseDay(opts.from, '--from date');
      const to = parseDay(opts.to, '--to date');
      if (to < from) throw vigilError('VIGIL_DATE_INVALID', `--to ${opts.to} is before --from ${opts.from}`);
      const episodes = opts.episodes ? loadEpisodes(opts.episodes) : undefined;
      if (opts.cv && !episodes)
        throw vigilError(
          'VIGIL_INPUT_INVALID',
          '--cv needs --episodes FILE: cross-validation holds out labelled episodes',
        );
      if (opts.cv && opts.format !== 'table')
        throw vigilError('VIGIL_INPUT_INVALID', `--cv prints a table: use --format table, not ${opts.format}`);
      await withContext(cmd.optsWithGlobals(), async ({ store, pack }) => {
        const observations = await loadBacktestObservations(store, pack);
        const progress = process.stdout.isTTY || opts.out ? createProgress('backtest') : undefined;
        const result = runBacktest(pack, observations, from, to, episodes, progress?.update);
        progress?.stop();
        let output: string;
        if (opts.format === 'jsonl') {
          output =
            result.records
              .map(({ date, level, pEvent7d, hypotheses, top }) =>
                JSON.stringify({ date, level, pEvent7d, hypotheses, top }),
              )
              .join('\n') + '\n';
        } else if (opts.format === 'html') {
          output = renderHtmlReport(`Vigil backtest — ${pack.name}`, result, episodes ?? []);
        } else {
          output = result.scores
            ? `${renderScores(result.scores)}\n`
            : `${result.records.length} days replayed; give --episodes FILE to score them, or --format jsonl for the records.\n`;
          output += `${renderLevelRuns(result.stability)}\n`;
          if (opts.cv && result.scores && episodes) {
            const judgement = loadPack(opts.judgement ?? judgementBeside(pack.file));
            const cvObservations =
              judgement.file === pack.file ? observations : await loadBacktestObservations(store, judgement);
            const cross = crossValidate(judgement, cvObservations, episodes, { from, to, ...CV_FIT });
            const cvScores = score(cross.records, episodes, { horizonDays: judgement.horizonDays });
            output += `\n${renderCrossValidation(result.scores.pack, cvScores, cross, relative(process.cwd(), judgement.file))}\n`;
          }
        }
        if (opts.out) writeOutFile(opts.out, output);
        else process.stdout.write(output);
      });
    });
}
