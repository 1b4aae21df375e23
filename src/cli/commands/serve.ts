// `vigil serve [--role …]`: run roles (ingest, assess; all by default) over a bus until SIGINT or SIGTERM.
import type { Command } from 'commander';
import { loadEpisodes } from '../../backtest/episodes.js';
import { openBus, DEFAULT_BUS_URL } from '../../bus/open-bus.js';
import { vigilError } from '../../errors/index.js';
import { packDataWork, publishWork } from '../../roles/ingest-work.js';
import { resolveRoles, ROLES, type RunningRole } from '../../roles/index.js';
import { configOf, withContext } from '../context.js';
import { stopSignal } from '../stop-signal.js';

interface ServeOptions {
  role: string;
  loadPackData?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'run Vigil roles until stopped: one process with everything (default), or one role per process over PostgreSQL and NATS',
    )
    .option('--role <roles>', `all, or a comma-separated list of: ${Object.keys(ROLES).join(', ')}`, 'all')
    .option(
      '--bus <url>',
      `message bus: memory: (one process) or nats://host:4222[?namespace=name] (default ${DEFAULT_BUS_URL}, or $VIGIL_BUS)`,
    )
    .option(
      '--ack-wait-ms <ms>',
      'how long a work item may stay unacknowledged before another worker gets it (default 30000, or $VIGIL_ACK_WAIT_MS)',
    )
    .option('--load-pack-data', "queue the pack's bundled data files as ingest work at start-up (idempotent)")
    .option('--host <address>', 'api role: address to listen on (default 127.0.0.1, or $VIGIL_HOST)')
    .option('--port <n>', 'api role: port to listen on (default 8080, or $VIGIL_PORT)')
    .option(
      '--trust-proxy <addr|true>',
      'api role: reverse proxies (addresses, CIDRs, or true for any) whose X-Forwarded-For gives the client address (or $VIGIL_TRUST_PROXY)',
    )
    .option(
      '--alert-receivers <names>',
      'api role: webhook and e-mail receivers it delivers alerts to itself (or $VIGIL_ALERT_RECEIVERS)',
    )
    .option(
      '--brief-at <HH:MM>',
      'brief role: local time (theatre zone) of the daily brief (default 06:00, or $VIGIL_BRIEF_AT)',
    )
    .option(
      '--brief-receivers <names>',
      'brief role: webhook and e-mail receivers that get the daily brief (or $VIGIL_BRIEF_RECEIVERS; none: not sent)',
    )
    .option('--public-url <url>', 'base URL readers reach the API at, for links in the brief (or $VIGIL_PUBLIC_URL)')
    .option(
      '--chromium <path>',
      'Chromium that prints the brief to PDF (default /usr/bin/chromium, or $VIGIL_CHROMIUM)',
    )
    .option(
      '--log-level <level>',
      'api role: HTTP log level on stderr (default warn, or $VIGIL_LOG_LEVEL; info logs every request)',
    )
    .option('--episodes <file>', "labelled episodes CSV the dashboard's scorecard scores against (or $VIGIL_EPISODES)")
    .action(async (opts: ServeOptions, cmd: Command) => {
      const roles = resolveRoles(opts.role);
      const config = configOf(cmd);
      const busUrl = config.bus;
      if (busUrl === DEFAULT_BUS_URL && roles.length < Object.keys(ROLES).length) {
        throw vigilError(
          'VIGIL_CONFIG_INVALID',
          `--role ${opts.role} runs only part of Vigil, so it needs a bus shared with the other processes: --bus nats://host:4222 (or VIGIL_BUS)`,
        );
      }
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const bus = await openBus(busUrl, { name: `vigil ${roles.join(',')} (pid ${process.pid})` });
        const running: RunningRole[] = [];
        try {
          const http = { ...config.http, logLevel: config.logLevel };
          const role = {
            vigil: ctx.vigil,
            bus,
            log,
            ackWaitMs: config.ackWaitMs,
            dbUrl: config.db,
            http,
            orgName: config.sharing.orgName,
            alertReceivers: config.alertReceivers,
            secrets: config.secrets,
            episodes: config.scorecard.episodes ? loadEpisodes(config.scorecard.episodes) : undefined,
            brief: { ...config.brief, publicUrl: config.publicUrl, chromium: config.chromium },
          };
          for (const name of roles) running.push(await ROLES[name](role));
          if (opts.loadPackData) {
            const { queued, duplicates } = await publishWork(bus, packDataWork(ctx.pack));
            log(
              `serve: queued ${queued} work items from ${ctx.pack.name}'s bundled data (${duplicates} already queued)`,
            );
          }
          log(
            `serve: ready, roles ${roles.join(', ')} for ${ctx.pack.id}; bus ${bus.kind}, database ${ctx.store.dialect} (pid ${process.pid})`,
          );
          await stopSignal();
          log('serve: stopping');
        } finally {
          for (const role of running.reverse())
            await role.stop().catch((error: Error) => log(`serve: stop failed: ${error.message}`));
          await bus.close();
        }
      });
    });
}
