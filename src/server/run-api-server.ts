// Runs the HTTP API and dashboard in a process over its composition root (openVigil), opens the alert and sharing
// families beside it, builds the app, starts the in-process alert loop when asked, listens, and stops it all again.
import { existsSync } from 'node:fs';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { loadPackAlerting } from '../alerting/open-alerting.js';
import { defaultAlertingPath } from '../alerting/load-alerting-config.js';
import type { AlertStore } from '../alerting/alert-store.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import type { Bus } from '../bus/bus.js';
import type { Episode } from '../backtest/episodes.js';
import { vigilError } from '../errors/index.js';
import type { Vigil } from '../app/open-vigil.js';
import { chromiumPrinter, createBriefDocuments } from '../app/brief-documents.js';
import { warningService } from '../app/warning-service.js';
import type { Observation } from '../model/index.js';
import type { ScryptParams } from '../users/password-hash.js';
import { startAlertLoop, type AlertLoop } from './alert-loop.js';
import { createServer } from './create-server.js';
import type { TrustProxy } from './listen-options.js';
import { createServerDeps } from './server-context.js';
import type { SharingContext } from '../sharing/sharing-context.js';
import { taxiiMount } from '../sharing/taxii/taxii-mount.js';
import type { ServerDeps } from './server-deps.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export interface RunApiServerOptions {
  /** The process's composition root: its one database, stores, assessments and write services. */
  vigil: Vigil;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
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
  /** Labelled episodes the dashboard's scorecard scores against (`--episodes`, VIGIL_EPISODES). */
  episodes?: readonly Episode[];
  /** The Chromium that prints the brief route's PDFs (default /usr/bin/chromium). */
  chromium?: string;
}

export interface RunningApiServer {
  url: string;
  app: FastifyInstance;
  deps: ServerDeps;
  stop(): Promise<void>;
}

export async function runApiServer(options: RunApiServerOptions): Promise<RunningApiServer> {
  const { vigil } = options;
  const { store, pack, users, writes } = vigil;
  const now = vigil.clock;
  let alertStore: AlertStore | undefined;
  let loop: AlertLoop | undefined;
  let app: FastifyInstance | undefined;
  let sharing: SharingContext | undefined;
  try {
    const alertingFile = defaultAlertingPath(pack.file);
    const config = options.alerting ?? (existsSync(alertingFile) ? loadPackAlerting(pack) : undefined);
    if (config) alertStore = vigil.alerts;
    const alerts =
      config && alertStore
        ? {
            store: alertStore,
            playbooks: config.playbooks,
            config,
            changed: () => void loop?.nudge(),
            accepted: (observations: readonly Observation[]) => void loop?.accepted(observations),
          }
        : undefined;
    // TAXII partner sharing lives in the same database (SQLite or PostgreSQL).
    sharing = await vigil.sharing(options.orgName);
    const deps = createServerDeps({
      store,
      pack,
      users,
      writes,
      assessments: vigil.assessments,
      now,
      alerts,
      bus: options.bus,
      scrypt: options.scrypt,
      warnings: warningService(vigil),
      episodes: options.episodes,
      briefs: createBriefDocuments(vigil, chromiumPrinter(options.chromium ?? '/usr/bin/chromium')),
    });
    if (config && alertStore && options.runAlerting !== false) {
      loop = await startAlertLoop({
        store,
        alertStore,
        pack,
        config,
        events: deps.events,
        now,
        assessments: vigil.assessments.all(),
        intervalMs: options.alertIntervalMs,
        log: options.log,
        receivers: options.alertReceivers,
        secrets: options.secrets,
        beforeCycle: () => deps.alertVisibility.invalidate(),
      });
    }
    app = await createServer(deps, {
      logger: options.logger,
      dashboardDir: options.dashboardDir,
      version: options.version,
      trustProxy: options.trustProxy,
      mounts: [taxiiMount(store, sharing, now, writes)],
    });
    const host = options.host ?? DEFAULT_HOST;
    const port = options.port ?? DEFAULT_PORT;
    try {
      await app.listen({ host, port });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw vigilError(
          'VIGIL_CONFIG_INVALID',
          `port ${port} on ${host} is already in use; pick another with --port (or VIGIL_PORT)`,
          { cause },
        );
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw vigilError('VIGIL_CONFIG_INVALID', `cannot listen on ${host}: no such local address`, { cause });
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
      },
    };
  } catch (error) {
    await loop?.stop().catch(() => {});
    await app?.close().catch(() => {});
    throw error;
  }
}
