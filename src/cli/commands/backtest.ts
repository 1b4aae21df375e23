// `vigil backtest`: replay a date range day by day with only what was known each day, and score it.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadEpisodes } from '../../backtest/episodes.js';
import { renderHtmlReport } from '../../backtest/render-html-report.js';
import { renderLevelRuns } from '../../backtest/level-runs.js';
import { renderScores } from '../../backtest/render-scores.js';
import { loadBacktestObservations, runBacktest } from '../../backtest/run-backtest.js';
import { vigilError } from '../../errors/index.js';
import { parseDay } from '../../time/zone.js';
import { withContext } from '../context.js';
import { createProgress } from '../progress.js';

interface BacktestOptions {
  from: string;
  to: string;
  episodes?: string;
  format: string;
  out?: string;
}

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('replay every day in a range with only what was published by its end, and score it against labelled episodes')
    .requiredOption('--from <date>', 'first local day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last local day (YYYY-MM-DD)')
    .option('--episodes <file>', 'labelled episodes CSV (id,name,kind,start,end) to score against')
    .option('--format <format>', 'table, jsonl (one record per day) or html', 'table')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: BacktestOptions, cmd: Command) => {
      if (!['table', 'jsonl', 'html'].includes(opts.format)) throw vigilError('VIGIL_UNKNOWN_KIND', `unknown --format "${opts.format}": expected table, jsonl or html`);
      const from = parseDay(opts.from, '--from date');
      const to = parseDay(opts.to, '--to date');
      if (to < from) throw vigilError('VIGIL_DATE_INVALID', `--to ${opts.to} is before --from ${opts.from}`);
      const episodes = opts.episodes ? loadEpisodes(opts.episodes) : undefined;
      await withContext(cmd.optsWithGlobals(), async ({ store, pack }) => {
        const observations = await loadBacktestObservations(store, pack);
        const progress = process.stdout.isTTY || opts.out ? createProgress('backtest') : undefined;
        const result = runBacktest(pack, observations, from, to, episodes, progress?.update);
        progress?.stop();
        let output: string;
        if (opts.format === 'jsonl') {
          output = result.records.map(({ date, level, pEvent7d, hypotheses, top }) => JSON.stringify({ date, level, pEvent7d, hypotheses, top })).join('\n') + '\n';
        } else if (opts.format === 'html') {
          output = renderHtmlReport(`Vigil backtest — ${pack.name}`, result, episodes ?? []);
        } else {
          output = result.scores ? `${renderScores(result.scores)}\n` : `${result.records.length} days replayed; give --episodes FILE to score them, or --format jsonl for the records.\n`;
          output += `${renderLevelRuns(result.stability)}\n`;
        }
        if (opts.out) writeFileSync(opts.out, output);
        else process.stdout.write(output);
      });
    });
}
