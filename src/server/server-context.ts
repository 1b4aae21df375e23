// Builds the ServerDeps a process shares between its routes: assessment index, live events, metrics and the audit helper.
import type { Bus } from '../bus/bus.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';
import type { ScryptParams } from '../users/password-hash.js';
import type { UserStore } from '../users/user-store.js';
import type { AssessmentViews } from '../app/assessment-views.js';
import type { Episode } from '../backtest/episodes.js';
import type { WarningService } from '../app/warning-service.js';
import type { WriteServices } from '../app/write-services.js';
import { alertInputSeries } from '../alerting/alert-inputs.js';
import type { AlertsDeps } from './alerts-deps.js';
import { createAlertVisibility } from './alert-visibility.js';
import { createAssessmentViews } from '../app/assessment-views.js';
import { createLoginThrottle, type LoginThrottleOptions } from './auth/login-throttle.js';
import { createLiveEvents } from './live-events.js';
import { createMetrics } from './metrics.js';
import type { ServerDeps } from './server-deps.js';

export interface ServerContextInput {
  store: Store;
  pack: LoadedPack;
  users: UserStore;
  /** The audited write services of the process (src/app/write-services.ts). */
  writes: WriteServices;
  /** The process's assessment service (openVigil); omitted: one over `store` here. */
  assessments?: AssessmentViews;
  now: () => Date;
  alerts?: AlertsDeps;
  bus?: Bus;
  scrypt?: ScryptParams;
  /** How often the assessment index and the alert visibility ask the store whether another process changed it (default 2 s). */
  freshnessMs?: number;
  sseHeartbeatMs?: number;
  loginThrottle?: LoginThrottleOptions;
  /** Formal warnings: the records and their use-cases (src/app/warning-service.ts). */
  warnings?: WarningService;
  /** Labelled episodes for the scorecard. */
  episodes?: readonly Episode[];
  briefs?: ServerDeps['briefs'];
}

export function createServerDeps(input: ServerContextInput): ServerDeps {
  const metrics = createMetrics();
  const auditWrites = metrics.counter(
    'vigil_audit_entries_total',
    'Audit log entries appended by this process, by action.',
  );
  input.writes.onAudited((entry) => auditWrites.inc({ action: entry.action }));
  return {
    store: input.store,
    pack: input.pack,
    now: input.now,
    users: input.users,
    assessments:
      input.assessments ??
      createAssessmentViews(input.store, input.pack, { now: input.now, freshnessMs: input.freshnessMs }),
    events: createLiveEvents({ heartbeatMs: input.sseHeartbeatMs }),
    metrics,
    alerts: input.alerts,
    alertVisibility: createAlertVisibility(input.store, {
      now: input.now,
      freshnessMs: input.freshnessMs,
      series: alertInputSeries(input.pack, input.alerts?.config),
    }),
    bus: input.bus,
    scrypt: input.scrypt,
    loginThrottle: createLoginThrottle(input.loginThrottle),
    writes: input.writes,
    warnings: input.warnings,
    episodes: input.episodes,
    briefs: input.briefs,
    async audit(principal, action, target, details = {}) {
      await input.writes.audit(principal?.actor ?? 'anonymous', action, target, details);
    },
  };
}
