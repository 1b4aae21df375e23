// The `api` role of `vigil serve`: the HTTP API and dashboard, refreshed by the stored-observation notices and the
// assess role's published assessments on the bus.
import type { StoredNotice } from '../bus/messages.js';
import { SUBJECTS } from '../bus/subjects.js';
import { assessmentPublished, OWN_NOTICE_PREFIX, observationsStored } from '../server/observations-stored.js';
import { DEFAULT_HOST, runApiServer } from '../server/run-api-server.js';
import { adminPasswordDir, handOverAdminPassword } from '../app/first-admin-password.js';
import { ensureFirstAdmin } from '../users/user-accounts.js';
import type { RoleContext, RunningRole } from './role-types.js';

export async function startApiRole(ctx: RoleContext): Promise<RunningRole> {
  const server = await runApiServer({
    vigil: ctx.vigil,
    log: ctx.log,
    bus: ctx.bus,
    host: ctx.http?.host ?? DEFAULT_HOST,
    port: ctx.http?.port ?? 0,
    trustProxy: ctx.http?.trustProxy,
    orgName: ctx.orgName,
    alertReceivers: ctx.alertReceivers,
    secrets: ctx.secrets,
    episodes: ctx.episodes,
    chromium: ctx.brief?.chromium,
    // One process (in-process bus): this process is the whole Vigil and runs the alert loop too.
    runAlerting: ctx.bus.kind === 'memory',
    // Structured request logs on stderr when run by `vigil serve` (which says where to listen).
    logger: ctx.http ? { level: ctx.http.logLevel, stream: process.stderr } : false,
  });
  try {
    const admin = await ensureFirstAdmin(server.deps.users, ctx.vigil.clock().toISOString());
    if (admin) {
      handOverAdminPassword(admin, {
        isTerminal: process.stdout.isTTY === true,
        terminal: (line) => console.log(line),
        log: (line) => ctx.log(`api: ${line}`),
        dir: adminPasswordDir(ctx.dbUrl),
      });
    }
    const subscription = await ctx.bus.subscribe<StoredNotice>(SUBJECTS.stored(ctx.vigil.pack.id), async (message) => {
      const n = message.payload;
      if (n.workId.startsWith(OWN_NOTICE_PREFIX)) return;
      // The assessment event waits for the assess role's publication below, which comes only when it changed.
      const summary = {
        inserted: n.inserted,
        unchanged: n.unchanged,
        label: n.workId,
        by: 'ingest role',
        assessmentEvent: false,
      };
      await observationsStored(server.deps, summary).catch((error: Error) =>
        ctx.log(`api: refresh after ${n.workId} failed: ${error.message}`),
      );
    });
    const assessments = await ctx.bus.subscribe(SUBJECTS.assessment(ctx.vigil.pack.id), () =>
      assessmentPublished(server.deps),
    );
    ctx.log(`api: dashboard and API at ${server.url} (OpenAPI ${server.url}/api/v1/openapi.json)`);
    return {
      async stop() {
        await subscription.stop();
        await assessments.stop();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
