// `vigil calibrate`: fit the pack's likelihood ratios and P(event) model on a training window, never past --train-to.
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { calibrate } from '../../backtest/calibrate.js';
import { loadEpisodes } from '../../backtest/episodes.js';
import { loadBacktestObservations } from '../../backtest/run-backtest.js';
import { calibratedPackYaml } from '../../backtest/write-calibrated-pack.js';
import { vigilError } from '../../errors/index.js';
import { formatDay, getZone, parseDay } from '../../time/zone.js';
import { withContext } from '../context.js';
import { checkOutFile, writeOutFile } from '../output-file.js';

interface CalibrateOptions {
  episodes: string;
  trainFrom: string;
  trainTo: string;
  hypothesis: string;
  out?: string;
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description(
      'fit likelihood ratios (with shrinkage) and the P(event) model on labelled episodes, using only data up to --train-to',
    )
    .requiredOption('--episodes <file>', 'labelled episodes CSV')
    .requiredOption(
      '--train-to <date>',
      'last day of the training window: no data published after it and no label after it is used',
    )
    .option('--train-from <date>', 'first day of the training window', '2021-01-01')
    .option('--hypothesis <id>', 'the hypothesis the labelled episodes belong to', 'H1')
    .option('--out <file>', 'write the calibrated pack here (default: standard output)')
    .action(async (opts: CalibrateOptions, cmd: Command) => {
      if (opts.out) checkOutFile(opts.out);
      const from = parseDay(opts.trainFrom, '--train-from date');
      const to = parseDay(opts.trainTo, '--train-to date');
      if (from > to)
        throw vigilError('VIGIL_LOOKAHEAD', `--train-from ${opts.trainFrom} is after --train-to ${opts.trainTo}`);
      const episodes = loadEpisodes(opts.episodes);
      await withContext(cmd.optsWithGlobals(), async ({ store, pack }) => {
        if (!pack.hypotheses.some((h) => h.id === opts.hypothesis && !h.baseline)) {
          throw vigilError(
            'VIGIL_UNKNOWN_KIND',
            `--hypothesis ${opts.hypothesis} is not a non-baseline hypothesis of pack ${pack.id}`,
          );
        }
        if (to - from < 2 * pack.horizonDays)
          throw vigilError(
            'VIGIL_LOOKAHEAD',
            `the training window ${opts.trainFrom} … ${opts.trainTo} is shorter than twice the horizon`,
          );
        const zone = getZone(pack.timeZone);
        // Point-in-time training: nothing published after the end of --train-to is even loaded.
        const observations = await loadBacktestObservations(store, pack, new Date(zone.endOfDay(to) - 1).toISOString());
        const ignored = episodes.filter((e) => e.start > to);
        const result = calibrate(pack, observations, episodes, {
          from,
          to,
          priorEpisodes: 3,
          ridge: 1,
          hypothesis: opts.hypothesis,
        });
        if (result.episodes === 0)
          throw vigilError('VIGIL_NO_DATA', `no labelled episode starts within ${opts.trainFrom} … ${opts.trainTo}`);
        const yaml = calibratedPackYaml(
          pack,
          result,
          opts.hypothesis,
          opts.out ? dirname(resolve(opts.out)) : process.cwd(),
        );
        if (opts.out) writeOutFile(opts.out, yaml);
        else process.stdout.write(yaml);
        const log = (s: string) => process.stderr.write(`${s}\n`);
        log(
          `trained on ${formatDay(from)} … ${formatDay(to)}: ${result.episodes} episodes, ${result.trainingDays} scored days${ignored.length ? `; ignored ${ignored.length} labelled episodes after --train-to` : ''}`,
        );
        for (const c of result.ratios)
          log(
            `  ${c.indicator} ${c.state} ${opts.hypothesis}: ${c.before} → ${c.after} (${c.episodes} episodes, ${c.positiveDays}/${c.negativeDays} positive/negative days)`,
          );
        log(
          `  eventModel: intercept ${result.eventModel.intercept}, lead ${result.eventModel.lead}, concurrent ${result.eventModel.concurrent}`,
        );
      });
    });
}
