// What every route plugin receives: the store, pack, clock, accounts, assessments, live events, metrics and audit.
import type { FastifyPluginAsync } from 'fastify';
import type { Bus } from '../bus/bus.js';
import type { LoadedPack } from '../packs/pack-loader.js';
import type { Store } from '../storage/store.js';
import type { WriteServices } from '../app/write-services.js';
import type { ScryptParams } from '../users/password-hash.js';
import type { Role, User } from '../users/user.js';
import type { UserStore } from '../users/user-store.js';
import type { AlertVisibility } from './alert-visibility.js';
import type { AlertsDeps } from './alerts-deps.js';
import type { LoginThrottle } from './auth/login-throttle.js';
import type { AssessmentViews } from '../app/assessment-views.js';
import type { Episode } from '../backtest/episodes.js';
import type { WarningService } from '../app/warning-service.js';
import type { LiveEvents } from './live-events.js';
import type { Metrics } from './metrics.js';
import type { BriefDocuments } from '../app/brief-documents.js';

/** Who is calling: a signed-in dashboard user or a bearer token's owner. */
export interface Principal {
  user: User;
  via: 'session' | 'token';
  /** The session's CSRF token (session principals only): writes must echo it in the `x-csrf-token` header. */
  csrfToken?: string;
  /** How the audit log names this caller: `user:alice` or `token:alice/ci`. */
  actor: string;
  /** The session's id hash or the token's id: the credential kept open when this caller changes their password. */
  credentialId?: string;
}

/**
 * Who may call a route. `public`: anyone; a role: a principal with at least that role. Routes under /api/ that set
 * nothing need a viewer to read and an analyst to write.
 */
export type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface ServerDeps {
  store: Store;
  pack: LoadedPack;
  /** The clock, read at the edge and passed inward. */
  now: () => Date;
  users: UserStore;
  /** Assessments per TLP ceiling: routes use `for(principal.user.tlpMax)`. */
  assessments: AssessmentViews;
  /** Live updates to the dashboard (server-sent events). */
  events: LiveEvents;
  metrics: Metrics;
  /** Alerts inbox (the alerting module's store and playbooks); absent: the alert routes answer 404. */
  alerts?: AlertsDeps;
  /** Whether a TLP ceiling may see alerts (they are computed on every observation). */
  alertVisibility: AlertVisibility;
  /** When the process runs on a shared bus, ingest through the API announces new observations on it. */
  bus?: Bus;
  /** Sign-in attempts per username and address; refuses further tries for a while (429). */
  loginThrottle: LoginThrottle;
  /** Password hashing cost (tests use a cheap one). */
  scrypt?: ScryptParams;
  /** Audited writes: a route's write and its audit entry commit in one transaction (src/app/write-services.ts). */
  writes: WriteServices;
  /** Formal warnings: the records and their use-cases (issue and withdraw publish to partners); absent: the warning routes answer 404. */
  warnings?: WarningService;
  /** Labelled episodes the scorecard scores against (`--episodes`, VIGIL_EPISODES); absent: the scorecard says none. */
  episodes?: readonly Episode[];
  /** The daily brief on request (HTML or PDF, per reader's TLP ceiling); absent: the brief route answers 404. */
  briefs?: BriefDocuments;
  /** Appends one entry to the audit log, naming the caller; every write calls it after it succeeds. */
  audit(principal: Principal | null, action: string, target: string, details?: Record<string, unknown>): Promise<void>;
}

export interface RoutePluginOptions {
  deps: ServerDeps;
}

/** A route plugin: registered by the app with `{ deps }`; defines its own full paths (e.g. `/api/v1/...`). */
export type VigilRoutePlugin = FastifyPluginAsync<RoutePluginOptions>;

export const API_PREFIX = '/api/v1';
