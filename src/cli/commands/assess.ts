// `vigil assess`, `vigil board` and `vigil explain`: the assessment as known at the end of a local day.
import type { Command } from 'commander';
import { whatIfSession } from '../../analysis/what-if.js';
import { sourceReadiness, type StaleSource } from '../../app/source-readiness.js';
import { readWhatIfFile, whatIfInputs } from '../../app/what-if-inputs.js';
import type { Assessment } from '../../model/index.js';
import { withContext, type CommandContext } from '../context.js';
import { renderBoard } from '../render-board.js';
import { renderExplanation } from '../render-explain.js';

/** Sources past their cadence now, when the board shows the latest data (a past day says nothing about now). */
export async function staleNow(ctx: CommandContext, at: string | undefined): Promise<StaleSource[]> {
  if (at !== undefined) return [];
  return (await sourceReadiness(ctx.store, ctx.pack, ctx.now().getTime())).staleSources;
}

/**
 * The one assessment service (openVigil), on every observation: `--at` or the latest data day. With `whatIf` (a file of
 * overrides) the pack as the what-if edits it, assessed by the code the dashboard's what-if runs; nothing is stored.
 */
export async function assessFromFlags(
  ctx: CommandContext,
  at: string | undefined,
  whatIf?: string,
): Promise<Assessment> {
  const service = ctx.vigil.assessments.all();
  const overrides = whatIf === undefined ? undefined : readWhatIfFile(whatIf);
  const day = await service.resolveDay(at, '--at');
  if (overrides === undefined) return service.assess(day);
  return whatIfSession(ctx.pack, await whatIfInputs(ctx.store, ctx.pack, day)).assess(overrides);
}

const WHAT_IF_HELP =
  'assess with the overrides of a what-if file (JSON: off, force, likelihoods, priors, thresholds; docs/cli.md); nothing is stored';
const whatIfNote = (file: string | undefined) =>
  file === undefined ? '' : `WHAT-IF (${file}): not the assessment of record\n`;

/** The JSON shape of `vigil assess --json` (the documented, stable subset). */
export function assessmentJson(a: Assessment) {
  return {
    asOf: a.asOf,
    day: a.day,
    level: a.level,
    levelName: a.levelName,
    pEvent7d: round(a.pEvent7d),
    knowledge: a.knowledge,
    ...(a.episode
      ? {
          episode: {
            ...a.episode,
            hypothesis: { ...a.episode.hypothesis, probability: round(a.episode.hypothesis.probability) },
          },
        }
      : {}),
    hypotheses: a.hypotheses.map((h) => ({ id: h.id, name: h.name, probability: round(h.probability) })),
    indicators: a.indicators.map((i) => ({
      id: i.id,
      domain: i.domain,
      state: i.state,
      value: i.value,
      baseline: i.baseline,
      contribution: round(i.contribution),
      ...(i.reason ? { reason: i.reason } : {}),
    })),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const AT_HELP =
  'local date YYYY-MM-DD: use what was known at the end of that day in the pack time zone (default: the latest data)';

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('assess the courses of action as known at the end of a local day')
    .option('--at <date>', AT_HELP)
    .option('--json', 'print JSON instead of the board')
    .option('--what-if <file>', WHAT_IF_HELP)
    .action(async (opts: { at?: string; json?: boolean; whatIf?: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const a = await assessFromFlags(ctx, opts.at, opts.whatIf);
        console.log(
          opts.json
            ? JSON.stringify(assessmentJson(a), null, 2)
            : whatIfNote(opts.whatIf) +
                renderBoard(a, {
                  colour: ctx.colour,
                  packName: ctx.pack.name,
                  timeZone: ctx.pack.timeZone,
                  staleSources: await staleNow(ctx, opts.at),
                }),
        );
      });
    });

  program
    .command('board')
    .description('print the warning board as known at the end of a local day')
    .option('--at <date>', AT_HELP)
    .action(async (opts: { at?: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const a = await assessFromFlags(ctx, opts.at);
        console.log(
          renderBoard(a, {
            colour: ctx.colour,
            packName: ctx.pack.name,
            timeZone: ctx.pack.timeZone,
            staleSources: await staleNow(ctx, opts.at),
          }),
        );
      });
    });

  program
    .command('explain')
    .description('show which evidence moved which hypothesis, and by how much')
    .option('--at <date>', AT_HELP)
    .option('--json', 'print the full assessment with per-indicator, per-hypothesis contributions as JSON')
    .option('--what-if <file>', WHAT_IF_HELP)
    .action(async (opts: { at?: string; json?: boolean; whatIf?: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const a = await assessFromFlags(ctx, opts.at, opts.whatIf);
        console.log(opts.json ? JSON.stringify(a, null, 2) : whatIfNote(opts.whatIf) + renderExplanation(a));
      });
    });
}
