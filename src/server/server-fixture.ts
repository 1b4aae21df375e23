// A server on the bundled data in a temporary database, on a free loopback port, with known users and tokens: for API
// tests (app.inject), e2e tests and benchmarks.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAlertingEngine } from '../alerting/alerting-engine.js';
import type { Episode } from '../backtest/episodes.js';
import { loadPackAlerting } from '../alerting/open-alerting.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { ingestFiles } from '../app/ingest-files.js';
import { loadPack, packPath, type LoadedPack } from '../packs/pack-loader.js';
import { openVigil, type Vigil } from '../app/open-vigil.js';
import { withId } from '../model/index.js';
import { createUser, issueToken } from '../users/user-accounts.js';
import { runApiServer, type RunningApiServer } from './run-api-server.js';

export const FIXTURE_PASSWORD = 'correct horse battery staple';
/** Cheap scrypt for fixtures only: tests log in many times. */
export const FIXTURE_SCRYPT = { N: 1024, r: 8, p: 1 };
/** The fixture's clock: after the bundled data ends (2026-08-22), so the feeds count as silent. */
export const FIXTURE_NOW = '2026-09-01T02:00:00.000Z';

export interface FixtureServer extends RunningApiServer {
  dir: string;
  dbPath: string;
  pack: LoadedPack;
  /** The server's composition root: its one database, stores, sharing tables and audited write services. */
  vigil: Vigil;
  /** Bearer tokens of the fixture users admin, ana (analyst) and vic (viewer). */
  tokens: { admin: string; analyst: string; viewer: string };
  close(): Promise<void>;
}

export interface FixtureOptions {
  /** Run one alerting cycle at the fixture clock so the inbox has alerts (default true). */
  alerts?: boolean;
  dashboardDir?: string;
  /** The clock; default fixed at FIXTURE_NOW. */
  now?: () => Date;
  /** Labelled episodes for the scorecard routes (default none: the scorecard says it has no labels). */
  episodes?: readonly Episode[];
}

export async function startFixtureServer(options: FixtureOptions = {}): Promise<FixtureServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-server-'));
  const dbPath = join(dir, 'vigil.db');
  const now = options.now ?? (() => new Date(FIXTURE_NOW));
  const pack = loadPack(DEFAULT_PACK);
  const vigil = await openVigil({ databaseUrl: dbPath, pack }, now);
  const { store } = vigil;
  try {
    for (const file of pack.data)
      await ingestFiles(store, file.kind, [packPath(pack, file.path)], { now: now().toISOString() });
    const { users } = vigil;
    const tokens = { admin: '', analyst: '', viewer: '' };
    for (const [key, username, role] of [
      ['admin', 'admin', 'admin'],
      ['analyst', 'ana', 'analyst'],
      ['viewer', 'vic', 'viewer'],
    ] as const) {
      const { user } = await createUser(users, { username, role, password: FIXTURE_PASSWORD }, now().toISOString(), {
        scrypt: FIXTURE_SCRYPT,
      });
      tokens[key] = (await issueToken(users, user, 'fixture', now().toISOString())).token;
    }
    if (options.alerts !== false) {
      const engine = createAlertingEngine({
        store,
        alertStore: vigil.alerts,
        pack,
        config: loadPackAlerting(pack),
        clock: now,
        assessments: vigil.assessments.all(),
      });
      await engine.tick();
    }
    const server = await runApiServer({
      vigil,
      log: () => {},
      runAlerting: false,
      scrypt: FIXTURE_SCRYPT,
      dashboardDir: options.dashboardDir,
      episodes: options.episodes,
      port: 0,
    });
    return {
      ...server,
      dir,
      dbPath,
      pack,
      vigil,
      tokens,
      async close() {
        await server.stop();
        await vigil.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await vigil.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A partner's AMBER revision of the last bundled MND report: 150 aircraft instead of 3. */
export const AMBER_PARTNER_REPORT = withId({
  series: 'mnd.aircraft.total',
  value: 150,
  unit: 'aircraft',
  periodStart: '2026-08-20T22:00:00.000Z',
  periodEnd: '2026-08-21T22:00:00.000Z',
  publishedAt: '2026-08-22T04:00:00.000Z',
  source: 'partner:example',
  reliability: 'B',
  credibility: 2,
  tlp: 'amber',
});

/** Adds a user whose TLP ceiling is CLEAR to the fixture and gives its bearer token. */
export async function addClearUser(
  server: FixtureServer,
  username: string,
  role: 'viewer' | 'analyst' = 'viewer',
): Promise<string> {
  const { user } = await createUser(
    server.deps.users,
    { username, role, tlpMax: 'clear', password: FIXTURE_PASSWORD },
    FIXTURE_NOW,
    { scrypt: FIXTURE_SCRYPT },
  );
  return (await issueToken(server.deps.users, user, 'test', FIXTURE_NOW)).token;
}

/** Stores AMBER_PARTNER_REPORT and drops the cached assessments, so the next read sees it. */
export async function putAmberPartnerReport(server: FixtureServer): Promise<void> {
  await server.deps.store.putObservations([AMBER_PARTNER_REPORT], FIXTURE_NOW);
  server.deps.assessments.invalidate();
}
