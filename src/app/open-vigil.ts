// The composition root: opens the process's one database, migrates every storage family on it, and returns the
// stores, the one assessment service and the write services that CLI commands, the HTTP server and the bus roles
// share. Nothing below app/ and cli/ opens a database or picks a dialect.
import type { AlertStore } from '../alerting/alert-store.js';
import { createAlertStore } from '../alerting/sql/sql-alert-store.js';
import { loadPack, type LoadedPack } from '../packs/pack-loader.js';
import { openSharingOn, type SharingContext } from '../sharing/sharing-context.js';
import type { Database } from '../storage/database/database.js';
import { openDatabase, type DatabaseOptions } from '../storage/database/open-database.js';
import { createObservationStore } from '../storage/observation-store.js';
import type { Store } from '../storage/store.js';
import { createUserStore } from '../users/database-user-store.js';
import type { UserStore } from '../users/user-store.js';
import { createAssessmentViews, type AssessmentViews } from './assessment-views.js';
import { createWarningStore, type WarningStore } from '../warnings/warning-store.js';
import { createBriefDeliveryStore, type BriefDeliveryStore } from '../brief/brief-delivery-store.js';
import { createWriteServices, type WriteServices } from './write-services.js';

/** What openVigil needs from the configuration (src/app/config once it lands supplies these). */
export interface VigilSettings {
  /** A SQLite path, `sqlite:PATH`, `:memory:` or `postgres://…` (src/storage/database-url.ts). */
  databaseUrl: string;
  /** The scenario pack: a pack file path or one already loaded. */
  pack: string | LoadedPack;
  /** Pool size, busy timeout, application name. */
  database?: DatabaseOptions;
  /** How often the assessment index asks the store whether another process changed it; default 2 s. */
  freshnessMs?: number;
}

export type Clock = () => Date;

export interface Vigil {
  /** The process's one database: every family below shares its pool (or SQLite connection) and its transactions. */
  readonly db: Database;
  readonly pack: LoadedPack;
  readonly clock: Clock;
  readonly store: Store;
  readonly users: UserStore;
  /**
   * "As known at the end of day D": one memoised service per TLP ceiling (`assessments.for(tlp)`, `.all()`), used by
   * the CLI, the server, the roles and sharing.
   */
  readonly assessments: AssessmentViews;
  /** Every audited write: the write and its audit entry commit in one transaction. */
  readonly writes: WriteServices;
  /** Alerts, transitions, silences, acknowledgements and the delivery outbox, on the same database. */
  readonly alerts: AlertStore;
  /** Formal warning records (draft → coordination → issued), on the same database: steps audit through `writes`. */
  readonly warnings: WarningStore;
  /** Which day's brief went to which receiver, so a restarted scheduler never sends one twice. */
  readonly briefDeliveries: BriefDeliveryStore;
  /**
   * Partner registry, publication ledger, TAXII statuses and the organisation's keys, on the same database; opened on
   * first use (it creates the organisation's signing key the first time), then shared.
   */
  sharing(orgName?: string): Promise<SharingContext>;
  /** Idempotent: closes the database (and with it every store). */
  close(): Promise<void>;
}

/** Opens and migrates; on failure closes what it opened and rethrows. */
export async function openVigil(settings: VigilSettings, clock: Clock): Promise<Vigil> {
  const pack = typeof settings.pack === 'string' ? loadPack(settings.pack) : settings.pack;
  const db = openDatabase(settings.databaseUrl, settings.database);
  try {
    const store = createObservationStore(db);
    const users = createUserStore(db);
    const alerts = createAlertStore(db);
    await store.migrate();
    await users.migrate();
    await alerts.migrate();
    const warnings = createWarningStore(db);
    await warnings.migrate();
    const briefDeliveries = createBriefDeliveryStore(db);
    await briefDeliveries.migrate();
    const assessments = createAssessmentViews(store, pack, { now: clock, freshnessMs: settings.freshnessMs });
    const writes = createWriteServices({ db, store, users, clock });
    let closed = false;
    let sharing: Promise<SharingContext> | undefined;
    return {
      db,
      pack,
      clock,
      store,
      users,
      assessments,
      writes,
      alerts,
      warnings,
      briefDeliveries,
      sharing(orgName) {
        sharing ??= openSharingOn(db, { now: clock().toISOString(), orgName: orgName || undefined });
        sharing.catch(() => (sharing = undefined));
        return sharing;
      },
      async close() {
        if (closed) return;
        closed = true;
        await store.close();
        await users.close();
        await alerts.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
