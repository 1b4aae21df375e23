// `vigil alerts list|show|ack|tick|watch`: the alerts Vigil raised, acknowledging them, their playbooks, and the live alert loop.
import type { Command } from 'commander';
import { acknowledge } from '../../alerting/acknowledgement.js';
import type { Alert } from '../../alerting/alert.js';
import { describeMove } from '../../alerting/alert-explanation.js';
import { createAlertingEngine } from '../../alerting/alerting-engine.js';
import { formatDuration, parseDuration } from '../../alerting/duration.js';
import { formatLabels } from '../../alerting/labels.js';
import { loadPackAlerting } from '../../alerting/open-alerting.js';
import { createOutboxDispatcher } from '../../alerting/outbox-dispatcher.js';
import { createNotifiers } from '../../alerting/receivers/create-notifiers.js';
import { vigilError } from '../../errors/index.js';
import { formatNumber } from '../../model/number-format.js';
import { loadPack } from '../../packs/pack-loader.js';
import { localMinute } from '../../time/local-text.js';
import { configOf, withAlerts, withContext } from '../context.js';

export function registerAlerts(program: Command): void {
  const alerts = program
    .command('alerts')
    .description('alerts: list, show, acknowledge, tick playbook steps, watch live');

  alerts
    .command('list')
    .description('list pending and firing alerts (--all: resolved ones too)')
    .option('--all', 'include resolved and inactive alerts')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; limit: string; json?: boolean }, cmd: Command) => {
      const limit = positiveInt(opts.limit, '--limit');
      await withAlerts(cmd, async (store) => {
        const list = await store.listAlerts({ ...(opts.all ? {} : { status: ['pending', 'firing'] as const }), limit });
        const acks = new Map((await store.listAcknowledgements(list.map((a) => a.id))).map((a) => [a.alertId, a]));
        if (opts.json) {
          console.log(
            JSON.stringify(
              list.map((a) => ({ ...a, acknowledged: acks.get(a.id) ?? null })),
              null,
              2,
            ),
          );
          return;
        }
        if (list.length === 0) console.log(opts.all ? 'no alerts' : 'no pending or firing alerts');
        const zone = timeZoneOf(cmd);
        for (const a of list) {
          const ack = acks.get(a.id);
          console.log(
            `${a.id}  ${a.status.padEnd(8)} ${(a.labels.severity ?? '').padEnd(8)} ${a.rule.padEnd(16)} ${localMinute(a.firedAt ?? a.activeAt, zone)}  ${a.annotations.summary ?? ''}${ack ? `  (ack ${ack.by})` : ''}`,
          );
        }
        if (list.length > 0) console.log(`\nTimes are local (${zone}); --json gives ISO instants.`);
      });
    });

  alerts
    .command('show')
    .description(
      'show one alert: labels, what moved, evidence with observation ids, history, acknowledgement, playbook',
    )
    .argument('<id>', 'alert id or a unique prefix of at least 4 characters')
    .option('--rules <file>', 'alerting file, for the playbook (default: alerting.yaml beside the pack)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { rules?: string; json?: boolean }, cmd: Command) => {
      await withAlerts(cmd, async (store) => {
        const alert = await mustFind(store, id);
        const [ack] = await store.listAcknowledgements([alert.id]);
        const ticks = await store.listPlaybookTicks([alert.id]);
        const transitions = await store.listTransitions({ alertId: alert.id });
        if (opts.json) {
          console.log(JSON.stringify({ ...alert, acknowledged: ack ?? null, ticks, transitions }, null, 2));
          return;
        }
        console.log(`${alert.id} ${alert.status.toUpperCase()} ${alert.rule} ${formatLabels(alert.labels)}`);
        const zone = timeZoneOf(cmd);
        const local = (iso: string) => localMinute(iso, zone);
        console.log(`  ${alert.annotations.summary ?? ''}`);
        if (alert.annotations.summary_zh) console.log(`  ${alert.annotations.summary_zh}`);
        if (alert.annotations.description) console.log(`  ${alert.annotations.description}`);
        const e = alert.explanation;
        if (e?.moved) console.log(`  moved: ${describeMove(e.moved)}`);
        for (const x of e?.evidence ?? [])
          console.log(
            `  evidence: ${x.name} ${x.state} ${formatNumber(x.value)} (${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)} log-odds) · observations ${x.observationIds.join(', ') || '—'}`,
          );
        for (const t of transitions) console.log(`  ${local(t.at)}  ${t.from} → ${t.to}`);
        if (ack)
          console.log(
            `  acknowledged by ${ack.by} at ${local(ack.at)}${ack.timeToAckMs === null ? '' : ` (${formatDuration(ack.timeToAckMs)} after firing)`}${ack.comment ? `: ${ack.comment}` : ''}`,
          );
        const playbookId = alert.playbook;
        if (playbookId) {
          const playbook = loadConfig(cmd, opts.rules).playbooks[playbookId];
          console.log(`  playbook ${playbookId}: ${playbook?.title ?? '(not in the alerting file any more)'}`);
          for (const s of playbook?.steps ?? []) {
            const t = ticks.find((x) => x.step === s.id);
            console.log(`    [${t ? 'x' : ' '}] ${s.id}: ${s.text}${t ? ` (${t.by}, ${local(t.at)})` : ''}`);
          }
        }
      });
    });

  alerts
    .command('ack')
    .description('acknowledge an alert: stops its escalation and records the time to acknowledge')
    .argument('<id>', 'alert id or a unique prefix')
    .requiredOption('--by <name>', 'who takes it')
    .option('--comment <text>', 'what is being done', '')
    .action(async (id: string, opts: { by: string; comment: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const store = ctx.vigil.alerts;
        const alert = await mustFind(store, id);
        const ack = acknowledge(alert, opts.by, opts.comment, ctx.now().toISOString());
        await ctx.writes.audited({
          actor: ctx.actor,
          action: 'alert.ack',
          target: alert.id,
          write: () => store.addAcknowledgement(ack),
          details: () => ({ by: ack.by, comment: ack.comment }),
        });
        console.log(
          `acknowledged ${alert.id} (${alert.rule}) by ${ack.by}${ack.timeToAckMs === null ? '' : `, ${formatDuration(ack.timeToAckMs)} after it fired`}`,
        );
      });
    });

  alerts
    .command('tick')
    .description("tick a step of an alert's playbook (who did what, when)")
    .argument('<id>', 'alert id or a unique prefix')
    .argument('<step>', 'playbook step id')
    .requiredOption('--by <name>', 'who did it')
    .option('--rules <file>', 'alerting file (default: alerting.yaml beside the pack)')
    .action(async (id: string, step: string, opts: { by: string; rules?: string }, cmd: Command) => {
      const config = loadConfig(cmd, opts.rules);
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const store = ctx.vigil.alerts;
        const alert = await mustFind(store, id);
        if (!alert.playbook) throw vigilError('VIGIL_NOT_FOUND', `alert ${alert.id} has no playbook`);
        const playbook = config.playbooks[alert.playbook];
        if (!playbook?.steps.some((s) => s.id === step)) {
          throw vigilError(
            'VIGIL_NOT_FOUND',
            `playbook ${alert.playbook} has no step "${step}" (steps: ${playbook?.steps.map((s) => s.id).join(', ') ?? 'none'})`,
          );
        }
        const by = opts.by.trim();
        if (by === '') throw vigilError('VIGIL_INPUT_INVALID', 'tick: by: say who did it (--by NAME)');
        // Only the first tick of a step is a write (it stands); it and its audit entry commit together, as in the API.
        const fresh = await ctx.writes.inTransaction(async () => {
          const first = await store.addPlaybookTick({
            alertId: alert.id,
            playbook: alert.playbook!,
            step,
            by,
            at: ctx.now().toISOString(),
          });
          if (first)
            await ctx.writes.audit(ctx.actor, 'alert.playbook-tick', alert.id, { playbook: alert.playbook, step, by });
          return first;
        });
        console.log(
          fresh
            ? `ticked ${step} on ${alert.id} (${alert.playbook})`
            : `${step} on ${alert.id} was already ticked; the first tick stands`,
        );
      });
    });

  alerts
    .command('watch')
    .description('run the alert loop here: re-assess, evaluate rules, deliver notifications, print them live')
    .option('--rules <file>', 'alerting file (default: alerting.yaml beside the pack)')
    .option('--interval <duration>', 'how often to re-assess and check timers', '2s')
    .option(
      '--receivers <names>',
      'comma-separated receivers this process delivers to (default: every webhook, e-mail and terminal receiver)',
    )
    .option('--once', 'run one cycle, deliver what is due, and exit')
    .option('--for <duration>', 'stop after this long')
    .action(
      async (
        opts: { rules?: string; interval: string; receivers?: string; once?: boolean; for?: string },
        cmd: Command,
      ) => {
        const intervalMs = duration(opts.interval, '--interval');
        const stopAfterMs = opts.for === undefined ? undefined : duration(opts.for, '--for');
        await withContext(cmd.optsWithGlobals(), async (ctx) => {
          const config = loadPackAlerting(ctx.pack, opts.rules);
          const wanted = opts.receivers
            ?.split(',')
            .map((s) => s.trim())
            .filter(Boolean);
          for (const name of wanted ?? [])
            if (!config.receivers.some((r) => r.name === name))
              throw vigilError('VIGIL_CONFIG_INVALID', `--receivers: unknown receiver "${name}"`);
          const served = config.receivers.filter((r) => (wanted ? wanted.includes(r.name) : r.type !== 'sse'));
          for (const r of config.receivers.filter((x) => !served.includes(x)))
            console.error(`receiver ${r.name} (${r.type}) is not served here; its notifications wait in the outbox`);
          const notifiers = createNotifiers(served, {
            env: ctx.config.secrets,
            terminal: process.stdout,
            colour: ctx.colour,
            timeZone: ctx.pack.timeZone,
          });
          const alertStore = ctx.vigil.alerts;
          const dispatcher = createOutboxDispatcher({
            store: alertStore,
            notifiers,
            clock: ctx.now,
            onResult: (r) => {
              if (!r.ok)
                console.error(
                  `delivery to ${r.entry.receiver} failed (attempt ${r.entry.attempts}): ${r.error}; retry at ${r.retryAt}`,
                );
            },
            onError: (error, receiver) =>
              console.error(`delivery lane ${receiver} stopped for this round: ${(error as Error).message}`),
          });
          const engine = createAlertingEngine({
            store: ctx.store,
            alertStore,
            pack: ctx.pack,
            config,
            dispatcher,
            clock: ctx.now,
            assessments: ctx.vigil.assessments.all(),
            onCycle: (result) => {
              for (const t of result.transitions) {
                const a = result.alerts.find((x) => x.id === t.alertId);
                console.error(`${t.at}  ${t.rule} ${t.from} → ${t.to} [${t.alertId}] ${a?.annotations.summary ?? ''}`);
              }
            },
          });
          let stop = false;
          const onSignal = () => {
            stop = true;
          };
          process.once('SIGINT', onSignal);
          process.once('SIGTERM', onSignal);
          const started = Date.now();
          try {
            for (;;) {
              await engine.tick();
              await dispatcher.dispatchDue();
              if (opts.once || stop || (stopAfterMs !== undefined && Date.now() - started >= stopAfterMs)) break;
              await new Promise((r) => setTimeout(r, intervalMs));
              if (stop) break;
            }
          } finally {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
            for (const n of notifiers.values()) await n.close();
          }
        });
      },
    );
}

/** The pack's zone, in which times print (`--json` keeps ISO instants). */
function timeZoneOf(cmd: Command): string {
  return loadPack(configOf(cmd).pack).timeZone;
}

function loadConfig(cmd: Command, rules: string | undefined) {
  const pack = loadPack(configOf(cmd).pack);
  return loadPackAlerting(pack, rules);
}

async function mustFind(store: { findAlert(id: string): Promise<Alert | undefined> }, id: string): Promise<Alert> {
  const alert = await store.findAlert(id);
  if (!alert) throw vigilError('VIGIL_NOT_FOUND', `no alert ${id} (see vigil alerts list --all)`);
  return alert;
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0)
    throw vigilError('VIGIL_CONFIG_INVALID', `${flag} must be a positive integer, not "${text}"`);
  return n;
}

function duration(text: string, flag: string): number {
  try {
    return parseDuration(text);
  } catch (error) {
    throw vigilError('VIGIL_CONFIG_INVALID', `${flag}: ${(error as Error).message}`);
  }
}
