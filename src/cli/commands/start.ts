// `vigil start` (what `npm start` runs): create the database, import the bundled data, print the board, then serve the
// dashboard and API until stopped (`--no-serve` stops after the board).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { assessFromFlags } from './assess.js';
import { DEFAULT_DASHBOARD_DIR } from '../../server/dashboard-assets.js';
import { parsePort, parseTrustProxy } from '../../server/listen-options.js';
import { runApiServer } from '../../server/run-api-server.js';
import { describeDbUrl, resolveDbUrl } from '../../storage/open-store.js';
import { ensureFirstAdmin } from '../../users/user-accounts.js';
import { withContext } from '../context.js';
import { renderBoard } from '../render-board.js';
import { importPackData } from './init.js';
import { stopSignal } from '../stop-signal.js';

interface StartOptions {
  serve: boolean;
  host: string;
  port: string;
  trustProxy?: string;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('initialise (idempotent), import the bundled data, print the warning board for the latest data, and serve the dashboard')
    .option('--no-serve', 'print the board and exit instead of serving the dashboard')
    .option('--host <address>', 'address to listen on (default 127.0.0.1, or $VIGIL_HOST)', process.env.VIGIL_HOST ?? '127.0.0.1')
    .option('--port <n>', 'port to listen on (default 8080, or $VIGIL_PORT; 0 picks a free one)', process.env.VIGIL_PORT ?? '8080')
    .option('--trust-proxy <addr|true>', 'reverse proxies (addresses, CIDRs, or true for any) whose X-Forwarded-For gives the client address (or $VIGIL_TRUST_PROXY)', process.env.VIGIL_TRUST_PROXY)
    .action(async (opts: StartOptions, cmd: Command) => {
      const port = parsePort(opts.port);
      const trustProxy = parseTrustProxy(opts.trustProxy);
      const globals = cmd.optsWithGlobals<{ db?: string }>();
      await withContext(globals, async (ctx) => {
        const results = await importPackData(ctx.store, ctx.pack, ctx.now().toISOString());
        const added = results.reduce((s, r) => s + r.inserted, 0);
        const total = results.reduce((s, r) => s + r.observations, 0);
        console.error(`${ctx.pack.name}: ${total} bundled observations (${added} new) in ${describeDbUrl(resolveDbUrl(globals.db, process.env.VIGIL_DB))}`);
        const a = await assessFromFlags(ctx, undefined);
        console.log(renderBoard(a, { colour: ctx.colour, packName: ctx.pack.name, timeZone: ctx.pack.timeZone }));
        if (!opts.serve) return;

        const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        const server = await runApiServer({
          vigil: ctx.vigil, host: opts.host, port, log, trustProxy,
          logger: { level: process.env.VIGIL_LOG_LEVEL ?? 'warn', stream: process.stderr },
        });
        try {
          const admin = await ensureFirstAdmin(server.deps.users, ctx.now().toISOString());
          console.log(`\nDashboard: ${server.url}   (API ${server.url}/api/v1, docs ${server.url}/api/v1/docs)`);
          if (admin) console.log(`Sign in as ${admin.username} with password ${admin.password}   (shown once; change it in the dashboard)`);
          else console.log('Sign in with your account (the first admin\'s password was printed when it was created; `vigil user passwd admin` resets it)');
          if (!existsSync(join(DEFAULT_DASHBOARD_DIR, 'index.html'))) console.error('the dashboard is not built: run `npm run build` (the API works without it)');
          console.log('Ctrl-C stops the server.');
          await stopSignal();
          log('start: stopping');
        } finally {
          await server.stop();
        }
      });
    });
}
