// Runs the HTTP API and dashboard in a process: opens the user and alert stores beside the observation store, builds the
// app, starts the in-process alert loop when asked, listens, and stops it all again.
import { existsSync } from 'node:fs';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { loadPackAlerting } from '../alerting/open-alerting.js';
import { defaultAlertingPath } from '../alerting/load-alerting-config.js';
import { openAlertStore } from '../alerting/open-alert-store.js';
import type { AlertStore } from '../alerting/alert-store.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import type { Bus } from '../bus/bus.js';
import { vigilError } from '../errors/index.js';
import type { Observation } from '../model/index.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';
import { openUserStore } from '../users/open-user-store.js';
import type { ScryptParams } from '../users/password-hash.js';
import { startAlertLoop, type AlertLoop } from './alert-loop.js';
import { createServer } from './create-server.js';
import type { TrustProxy } from './listen-options.js';
import { createServerDeps } from './server-context.js';
import { openServerSharing, type SharingContext } from '../sharing/sharing-context.js';
import { taxiiMount } from '../sharing/taxii/taxii-mount.js';
import type { ServerDeps } from './server-deps.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface RunApiServerOptions {
  store: Store;
  pack: LoadedPack;
  /** The database URL the store was opened from: users and alerts live in the same database. */
  dbUrl: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  now: () => Date;
  log: (line: string) => void;
  bus?: Bus;
  /** Run the alerting engine in this process (single-process mode); default true. */
  runAlerting?: boolean;
  alertIntervalMs?: number;
  logger?: FastifyServerOptions['logger'];
  dashboardDir?: string;
  scrypt?: ScryptParams;
  version?: string;
  /** Reverse proxies to believe for the client address (`--trust-proxy`). */
  trustProxy?: TrustProxy;
  /** The organisation name for this installation's STIX identity when it is first created (VIGIL_ORG_NAME). */
  orgName?: string;
  /** Webhook and e-mail receivers the alert loop delivers to itself (--alert-receivers), with the secrets they name. */
  alertReceivers?: readonly string[];
  /** The alerting rules (default: alerting.yaml beside the pack, when there is one). */
  alerting?: AlertingConfig;
  secrets?: Readonly<Record<string, string | undefined>>;
}

export interface RunningApiServer {
  url: string;
  app: FastifyInstance;
  deps: ServerDeps;
  stop(): Promise<void>;
}

export async function runApiServer(options: RunApiServerOptions): Promise<RunningApiServer> {
  const users = openUserStore(options.dbUrl);
  let alertStore: AlertStore | undefined;
  let loop: AlertLoop | undefined;
  let app: FastifyInstance | undefined;
  let sharing: SharingContext | undefined;
  try {
    await users.migrate();
    const alertingFile = defaultAlertingPath(options.pack.file);
    const config = options.alerting ?? (existsSync(alertingFile) ? loadPackAlerting(options.pack) : undefined);
    if (config) {
      // Every URL the user store accepted (above), the alert store accepts too: SQLite and PostgreSQL.
      alertStore = openAlertStore(options.dbUrl);
      await alertStore.migrate();
    }
    const alerts = config && alertStore ? { store: alertStore, playbooks: config.playbooks, config, changed: () => void loop?.nudge(), accepted: (observations: readonly Observation[]) => void loop?.accepted(observations) } : undefined;
    // TAXII partner sharing lives in the same database (SQLite or PostgreSQL).
    sharing = await openServerSharing(options.dbUrl, options.now().toISOString(), options.orgName);
    const deps = createServerDeps({ store: options.store, pack: options.pack, users, now: options.now, alerts, bus: options.bus, scrypt: options.scrypt });
    if (config && alertStore && options.runAlerting !== false) {
      loop = await startAlertLoop({ store: options.store, alertStore, pack: options.pack, config, events: deps.events, now: options.now, intervalMs: options.alertIntervalMs, log: options.log, receivers: options.alertReceivers, secrets: options.secrets, beforeCycle: () => deps.alertVisibility.invalidate() });
    }
    app = await createServer(deps, {
      logger: options.logger, dashboardDir: options.dashboardDir, version: options.version, trustProxy: options.trustProxy,
      mounts: [taxiiMount(options.store, sharing, options.now)],
    });
    const host = options.host ?? DEFAULT_HOST;
    const port = options.port ?? DEFAULT_PORT;
    try {
      await app.listen({ host, port });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw vigilError('VIGIL_CONFIG_INVALID', `port ${port} on ${host} is already in use; pick another with --port (or VIGIL_PORT)`, { cause });
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw vigilError('VIGIL_CONFIG_INVALID', `cannot listen on ${host}: no such local address`, { cause });
      throw cause;
    }
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const running = app;
    return {
      url: `http://${shownHost}:${boundPort}`,
      app: running,
      deps,
      async stop() {
        await loop?.stop();
        await running.close();
        await alertStore?.close();
        await sharing?.close();
        await users.close();
      },
    };
  } catch (error) {
    await loop?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await alertStore?.close().catch(() => {});
    await sharing?.close().catch(() => {});
    await users.close().catch(() => {});
    throw error;
  }
}
