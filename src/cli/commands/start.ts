// `vigil start` (what `npm start` runs): create the database, import the bundled data, print the board, then serve the
// dashboard and API until stopped (`--no-serve` stops after the board).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { assessFromFlags, staleNow } from './assess.js';
import { DEFAULT_DASHBOARD_DIR } from '../../server/dashboard-assets.js';
import { runApiServer } from '../../server/run-api-server.js';
import { loadEpisodes } from '../../backtest/episodes.js';
import { describeDbUrl } from '../../storage/open-store.js';
import { adminPasswordDir, handOverAdminPassword } from '../../app/first-admin-password.js';
import { ensureFirstAdmin } from '../../users/user-accounts.js';
import { withContext } from '../context.js';
import { renderBoard } from '../render-board.js';
import { importPackData } from './init.js';
import { stopSignal } from '../stop-signal.js';

interface StartOptions {
  serve: boolean;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'initialise (idempotent), import the bundled data, print the warning board for the latest data, and serve the dashboard',
    )
    .option('--no-serve', 'print the board and exit instead of serving the dashboard')
    .option('--host <address>', 'address to listen on (default 127.0.0.1, or $VIGIL_HOST)')
    .option('--port <n>', 'port to listen on (default 8080, or $VIGIL_PORT; 0 picks a free one)')
    .option(
      '--trust-proxy <addr|true>',
      'reverse proxies (addresses, CIDRs, or true for any) whose X-Forwarded-For gives the client address (or $VIGIL_TRUST_PROXY)',
    )
    .option(
      '--alert-receivers <names>',
      'webhook and e-mail receivers the server delivers alerts to itself (or $VIGIL_ALERT_RECEIVERS)',
    )
    .option(
      '--log-level <level>',
      'HTTP log level on stderr (default warn, or $VIGIL_LOG_LEVEL; info logs every request)',
    )
    .option('--episodes <file>', "labelled episodes CSV the dashboard's scorecard scores against (or $VIGIL_EPISODES)")
    .option(
      '--chromium <path>',
      "Chromium that prints the brief route's PDFs (default /usr/bin/chromium, or $VIGIL_CHROMIUM)",
    )
    .action(async (opts: StartOptions, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const { config } = ctx;
        const results = await importPackData(ctx.writes.observations(ctx.actor), ctx.pack, ctx.now().toISOString());
        const added = results.reduce((s, r) => s + r.inserted, 0);
        const total = results.reduce((s, r) => s + r.observations, 0);
        console.error(`${ctx.pack.name}: ${total} bundled observations (${added} new) in ${describeDbUrl(config.db)}`);
        const a = await assessFromFlags(ctx, undefined);
        console.log(
          renderBoard(a, {
            colour: ctx.colour,
            packName: ctx.pack.name,
            timeZone: ctx.pack.timeZone,
            staleSources: await staleNow(ctx, undefined),
          }),
        );
        if (!opts.serve) return;

        const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        const server = await runApiServer({
          vigil: ctx.vigil,
          ...config.http,
          log,
          orgName: config.sharing.orgName,
          alertReceivers: config.alertReceivers,
          secrets: config.secrets,
          episodes: config.scorecard.episodes ? loadEpisodes(config.scorecard.episodes) : undefined,
          chromium: config.chromium,
          logger: { level: config.logLevel, stream: process.stderr },
        });
        try {
          const admin = await ensureFirstAdmin(server.deps.users, ctx.now().toISOString());
          console.log(`\nDashboard: ${server.url}   (API ${server.url}/api/v1, docs ${server.url}/api/v1/docs)`);
          if (admin) {
            handOverAdminPassword(admin, {
              isTerminal: process.stdout.isTTY === true,
              terminal: (line) => console.log(line),
              log,
              dir: adminPasswordDir(config.db),
            });
          } else
            console.log(
              "Sign in with your account (the first admin's password was printed when it was created; `vigil user passwd admin` resets it)",
            );
          if (!existsSync(join(DEFAULT_DASHBOARD_DIR, 'index.html')))
            console.error('the dashboard is not built: run `npm run build` (the API works without it)');
          console.log('Ctrl-C stops the server.');
          await stopSignal();
          log('start: stopping');
        } finally {
          await server.stop();
        }
      });
    });
}
