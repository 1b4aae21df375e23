// `vigil silence add|list|expire`: mute alerts matching label matchers for a time window, with author and reason.
import { withAlerts, withContext } from '../context.js';
import type { Command } from 'commander';
import { parseDuration } from '../../alerting/duration.js';
import { createSilence, isSilenceActive, type Silence } from '../../alerting/silences.js';
import { vigilError } from '../../errors/index.js';

interface AddOptions {
  by: string;
  comment: string;
  duration?: string;
  start?: string;
  until?: string;
}

export function registerSilence(program: Command): void {
  const silence = program.command('silence').description('silences: mute alerts that match label matchers for a while');
  silence
    .command('add')
    .description(
      'add a silence, e.g. vigil silence add \'alertname="NavalCountHigh"\' --duration 12h --by lin --comment "announced exercise"',
    )
    .argument('<matchers...>', 'label matchers: name=value, name!=value, name=~regex, name!~regex')
    .requiredOption('--by <name>', 'who is silencing')
    .requiredOption('--comment <text>', 'why')
    .option('--duration <duration>', 'how long, e.g. 2h or 1d (default 2h)')
    .option('--start <instant>', 'ISO 8601 start (default now)')
    .option('--until <instant>', 'ISO 8601 end (instead of --duration)')
    .action(async (matchers: string[], opts: AddOptions, cmd: Command) => {
      const now = new Date();
      const startsAt = opts.start ?? now.toISOString();
      if (opts.duration !== undefined && opts.until !== undefined)
        throw vigilError('VIGIL_CONFIG_INVALID', 'give --duration or --until, not both');
      let endsAt = opts.until;
      if (endsAt === undefined) {
        let ms: number;
        try {
          ms = parseDuration(opts.duration ?? '2h');
        } catch (error) {
          throw vigilError('VIGIL_CONFIG_INVALID', `--duration: ${(error as Error).message}`);
        }
        endsAt = new Date(Date.parse(startsAt) + ms).toISOString();
      }
      const s = createSilence(
        { matchers, startsAt, endsAt, createdBy: opts.by, comment: opts.comment },
        now.toISOString(),
      );
      await withContext(cmd.optsWithGlobals(), (ctx) =>
        ctx.writes.audited({
          actor: ctx.actor,
          action: 'silence.add',
          target: s.id,
          write: () => ctx.vigil.alerts.addSilence(s),
          details: () => ({
            matchers: s.matchers,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            by: s.createdBy,
            comment: s.comment,
          }),
        }),
      );
      console.log(`silence ${s.id} added: ${s.matchers.join(', ')} from ${s.startsAt} until ${s.endsAt}`);
    });

  silence
    .command('list')
    .description('list silences in force or still to come (--all: every silence)')
    .option('--all', 'include expired silences')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; json?: boolean }, cmd: Command) => {
      const now = new Date().toISOString();
      const all = await withAlerts(cmd, (store) => store.listSilences());
      const shown = opts.all ? all : all.filter((s) => !hasEnded(s, now));
      if (opts.json) {
        console.log(JSON.stringify(shown, null, 2));
        return;
      }
      if (shown.length === 0) console.log(opts.all ? 'no silences' : 'no silences in force or pending');
      for (const s of shown)
        console.log(
          `${s.id}  ${state(s, now).padEnd(7)}  ${s.startsAt} → ${s.expiredAt ?? s.endsAt}  ${s.matchers.join(', ')}  by ${s.createdBy}: ${s.comment}`,
        );
    });

  silence
    .command('expire')
    .description('end a silence now')
    .argument('<id>', 'silence id (from vigil silence list)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const s = await withContext(cmd.optsWithGlobals(), (ctx) =>
        ctx.writes.audited({
          actor: ctx.actor,
          action: 'silence.expire',
          target: id,
          write: () => ctx.vigil.alerts.expireSilence(id, ctx.now().toISOString()),
        }),
      );
      console.log(`silence ${s.id} expired at ${s.expiredAt}`);
    });
}

function hasEnded(s: Silence, now: string): boolean {
  return s.endsAt <= now || (s.expiredAt !== null && s.expiredAt <= now);
}

function state(s: Silence, now: string): string {
  if (isSilenceActive(s, now)) return 'active';
  return hasEnded(s, now) ? 'expired' : 'pending';
}
