// `vigil warning draft|dissent|coordinate|issue|withdraw|list|show`: the formal warning record. Every step and every
// dissent is written with its audit entry in one transaction (the write services); the drafter cannot issue.
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { resolveAssessDay, assessAt } from '../../app/assess-at.js';
import { vigilError } from '../../errors/index.js';
import { formatProbability } from '../../model/probability-format.js';
import {
  LIKELIHOODS,
  parseConfidence,
  parseHorizonDays,
  parseLikelihood,
  YARDSTICK,
} from '../../warnings/likelihood-yardstick.js';
import {
  addDissent,
  applyStep,
  snapshotOf,
  type WarningRecord,
  type WarningStatus,
  type WarningStep,
} from '../../warnings/warning-record.js';
import { withContext, type CommandContext } from '../context.js';

const STATUSES: readonly WarningStatus[] = ['draft', 'coordination', 'issued', 'withdrawn'];

export function registerWarningRecord(warning: Command): void {
  warning
    .command('draft')
    .description(`draft a formal warning against the machine assessment of a day (likelihood in ${YARDSTICK} words)`)
    .option('--at <date>', 'local day the warning speaks from (default: the latest data day)')
    .requiredOption('--judgement <text>', 'the key judgement')
    .requiredOption('--likelihood <term>', `${YARDSTICK} term: ${Object.keys(LIKELIHOODS).join(', ')}`)
    .requiredOption('--confidence <level>', 'low, moderate or high')
    .requiredOption('--horizon <days>', 'how far ahead it speaks: 7d, 72h or a number of days (1–90)')
    .option('--by <name>', 'the drafter (default: the login running the command)')
    .action(
      async (
        opts: { at?: string; judgement: string; likelihood: string; confidence: string; horizon: string; by?: string },
        cmd: Command,
      ) => {
        const likelihood = parseLikelihood(opts.likelihood);
        const confidence = parseConfidence(opts.confidence);
        const horizonDays = parseHorizonDays(opts.horizon);
        if (!opts.judgement.trim())
          throw vigilError('VIGIL_INPUT_INVALID', 'invalid --judgement: the key judgement is empty');
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const now = ctx.now();
          const a = await assessAt(
            ctx.store,
            ctx.pack,
            await resolveAssessDay(ctx.store, ctx.pack, opts.at, now.getTime()),
          );
          const w: WarningRecord = {
            id: `W-${a.day}-${randomBytes(3).toString('hex')}`,
            status: 'draft',
            keyJudgement: opts.judgement.trim(),
            likelihood,
            confidence,
            horizonDays,
            day: a.day,
            madeAgainst: snapshotOf(a),
            drafter: personOf(ctx, opts.by),
            createdAt: now.toISOString(),
            dissents: [],
          };
          await ctx.writes.audited({
            actor: ctx.actor,
            action: 'warning.draft',
            target: w.id,
            write: () => ctx.vigil.warnings.insert(w, w.createdAt),
            details: () => ({ by: w.drafter, likelihood, confidence, horizonDays, level: a.level }),
          });
          console.log(w.id);
        });
      },
    );

  warning
    .command('dissent <id>')
    .description('record a dissent or alternative view on a warning before it is issued')
    .requiredOption('--by <name>', 'who dissents')
    .requiredOption('--text <text>', 'the dissent')
    .action(async (id: string, opts: { by: string; text: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const at = ctx.now().toISOString();
        await ctx.writes.audited({
          actor: ctx.actor,
          action: 'warning.dissent',
          target: id,
          write: () => ctx.vigil.warnings.update(id, at, (w) => addDissent(w, opts.by, opts.text, at)),
          details: () => ({ by: opts.by, text: opts.text.trim() }),
        });
      });
    });

  for (const [step, description] of [
    ['coordinate', 'send a draft to coordination'],
    ['issue', 'issue a warning in coordination (by a reviewer who is not its drafter)'],
    ['withdraw', 'withdraw a warning, before or after issue (with --reason)'],
  ] as const) {
    const command = warning.command(`${step} <id>`).description(description);
    if (step === 'issue') command.requiredOption('--by <name>', 'the reviewer who issues it (not the drafter)');
    else command.option('--by <name>', 'who takes the step (default: the login running the command)');
    if (step === 'withdraw') command.requiredOption('--reason <text>', 'why it is withdrawn');
    command.action(async (id: string, opts: { by?: string; reason?: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) =>
        transition(ctx, id, step, personOf(ctx, opts.by), opts.reason),
      );
    });
  }

  warning
    .command('list')
    .description('list formal warnings, newest day first')
    .option('--status <status>', STATUSES.join(', '))
    .option('--json', 'print the records as JSON')
    .action(async (opts: { status?: string; json?: boolean }, cmd: Command) => {
      if (opts.status && !(STATUSES as readonly string[]).includes(opts.status))
        throw vigilError(
          'VIGIL_UNKNOWN_KIND',
          `invalid --status: ${JSON.stringify(opts.status)} (expected ${STATUSES.join(', ')})`,
        );
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const records = await ctx.vigil.warnings.list(opts.status ? { status: opts.status as WarningStatus } : {});
        console.log(opts.json ? JSON.stringify(records, null, 2) : records.map(renderLine).join('\n') || 'no warnings');
      });
    });
}

async function transition(
  ctx: CommandContext,
  id: string,
  step: WarningStep,
  by: string,
  reason?: string,
): Promise<void> {
  const at = ctx.now().toISOString();
  const w = await ctx.writes.audited({
    actor: ctx.actor,
    action: `warning.${step}`,
    target: id,
    write: () => ctx.vigil.warnings.update(id, at, (current) => applyStep(current, step, by, at, reason)),
    details: (next) => ({ by, status: next.status, ...(reason ? { reason } : {}) }),
  });
  console.log(`${w.id} ${w.status}`);
}

function personOf(ctx: CommandContext, by: string | undefined): string {
  const name = by?.trim();
  return name ? name : ctx.actor;
}

export function renderLine(w: WarningRecord): string {
  const l = LIKELIHOODS[w.likelihood];
  const m = w.madeAgainst;
  return [
    `${w.id}  ${w.status.toUpperCase()}  ${w.day} +${w.horizonDays} d  ${l.words} (${Math.round(l.low * 100)}–${Math.round(l.high * 100)} %), ${w.confidence} confidence`,
    `  ${w.keyJudgement}`,
    `  against the machine assessment of ${m.day}: ${m.levelName}${m.knowledge === 'ok' ? '' : ` (knowledge ${m.knowledge})`}, P(event) ${formatProbability(m.pEvent, true)}; drafted by ${w.drafter}${w.issuedBy ? `, issued by ${w.issuedBy}` : ''}${w.withdrawnBy ? `, withdrawn by ${w.withdrawnBy}: ${w.withdrawReason}` : ''}`,
    ...w.dissents.map((d) => `  dissent (${d.by}, ${d.at.slice(0, 10)}): ${d.text}`),
  ].join('\n');
}
