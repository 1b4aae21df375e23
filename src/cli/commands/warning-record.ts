// `vigil warning draft|dissent|coordinate|issue|withdraw|list|show`: the formal warning record. Every step and every
// dissent is written with its audit entry in one transaction (the write services); the drafter cannot issue.
import type { Command } from 'commander';
import { vigilError } from '../../errors/index.js';
import { formatProbability } from '../../model/probability-format.js';
import {
  LIKELIHOODS,
  parseConfidence,
  parseHorizonDays,
  parseLikelihood,
  YARDSTICK,
} from '../../warnings/likelihood-yardstick.js';
import { adjudicateWarning, draftWarning, recordDissent, stepWarning } from '../../app/warning-service.js';
import {
  OUTCOMES,
  type Outcome,
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
          const w = await draftWarning(ctx.vigil, {
            at: opts.at,
            keyJudgement: opts.judgement,
            likelihood,
            confidence,
            horizonDays,
            drafter: personOf(ctx, opts.by),
            actor: ctx.actor,
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
    .option('--alternative', 'an alternative view (another reading of the evidence) rather than a dissent')
    .action(async (id: string, opts: { by: string; text: string; alternative?: boolean }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        await recordDissent(ctx.vigil, {
          id,
          by: opts.by,
          text: opts.text,
          kind: opts.alternative ? 'alternative-view' : 'dissent',
          actor: ctx.actor,
        });
      });
    });

  warning
    .command('adjudicate <id>')
    .description('record whether what an issued warning spoke of happened (the scorecard prefers it to the episodes)')
    .requiredOption('--outcome <outcome>', OUTCOMES.join(' or '))
    .requiredOption('--by <name>', 'the analyst who rules')
    .requiredOption('--note <text>', 'what the ruling rests on')
    .option('--on <date>', 'with --outcome occurred: the local day it began (gives the lead time)')
    .action(async (id: string, opts: { outcome: string; by: string; note: string; on?: string }, cmd: Command) => {
      if (!(OUTCOMES as readonly string[]).includes(opts.outcome))
        throw vigilError(
          'VIGIL_UNKNOWN_KIND',
          `invalid --outcome: ${JSON.stringify(opts.outcome)} (expected ${OUTCOMES.join(' or ')})`,
        );
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const w = await adjudicateWarning(ctx.vigil, {
          id,
          outcome: opts.outcome as Outcome,
          by: opts.by,
          note: opts.note,
          ...(opts.on ? { occurredOn: opts.on } : {}),
          actor: ctx.actor,
        });
        console.log(`${w.id} adjudicated: ${w.adjudication!.outcome}`);
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
  const w = await stepWarning(ctx.vigil, { id, step, by, actor: ctx.actor, reason });
  const shared = step === 'issue' || (step === 'withdraw' && w.issuedAt !== undefined);
  console.log(`${w.id} ${w.status}${shared ? ' (published to partner collections that share assessments)' : ''}`);
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
    ...w.dissents.map(
      (d) =>
        `  ${d.kind === 'alternative-view' ? 'alternative view' : 'dissent'} (${d.by}, ${d.at.slice(0, 10)}): ${d.text}`,
    ),
    ...(w.adjudication
      ? [
          `  adjudicated ${w.adjudication.outcome}${w.adjudication.occurredOn ? ` (began ${w.adjudication.occurredOn})` : ''} by ${w.adjudication.by}: ${w.adjudication.note}`,
        ]
      : []),
  ].join('\n');
}
