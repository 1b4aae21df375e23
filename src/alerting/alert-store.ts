// The AlertStore port: alerts, groups, silences, acknowledgements, playbook ticks, the notification log and the outbox.
// Every adapter passes runAlertStoreContract (alert-store.contract.ts).
import type { Alert, AlertStatus, AlertTransition } from './alert.js';
import type { AlertGroup } from './alert-group.js';
import type { AlertingSnapshot } from './alerting-pipeline.js';
import type { Acknowledgement, PlaybookTick } from './acknowledgement.js';
import type { Notification } from './notification.js';
import type { ReceiverHealth } from './rule-conditions.js';
import type { Silence } from './silences.js';

/** Everything one alerting cycle writes; committed atomically, so a crash leaves either all of it or none. */
export interface CycleCommit {
  alerts: readonly Alert[];
  transitions: readonly AlertTransition[];
  groups: readonly AlertGroup[];
  deletedGroups: readonly string[];
  /** Logged, and queued in the outbox once per receiver. */
  notifications: readonly Notification[];
  /** Small engine state (last assessed day, last observation seq seen…), as JSON. */
  meta?: Readonly<Record<string, unknown>>;
}

/** One notification on its way to one receiver. */
export interface OutboxEntry {
  /** Also the idempotency key: the same for every attempt. */
  id: string;
  notificationId: string;
  receiver: string;
  notification: Notification;
  status: 'pending' | 'delivered';
  /** Attempts started so far (counted when claimed, so a crash mid-send still counts). */
  attempts: number;
  nextAttemptAt: string;
  leasedUntil: string | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface ClaimOptions {
  now: string;
  /** A claimed entry is not handed out again until this long has passed (a crashed sender's lease expires). */
  leaseMs: number;
  limit: number;
  receiver?: string;
}

export interface LoggedNotification extends Notification {
  seq: number;
}

export interface LoggedTransition extends AlertTransition {
  seq: number;
}

export interface AlertStore {
  readonly dialect: string;
  /** Creates or upgrades the alerting tables (own migrations table); idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Pending/firing alerts plus those groups still refer to, every group, every silence not ended before `now`, their acks and ticks. */
  loadSnapshot(now: string): Promise<AlertingSnapshot>;
  commitCycle(commit: CycleCommit): Promise<void>;
  getMeta<T = unknown>(key: string): Promise<T | undefined>;

  /** Newest first (by activeAt, then id). */
  listAlerts(query?: { status?: readonly AlertStatus[]; limit?: number }): Promise<Alert[]>;
  /** By full id or a unique prefix of at least 4 characters; an ambiguous prefix is VIGIL_CONFLICT. */
  findAlert(idOrPrefix: string): Promise<Alert | undefined>;
  listTransitions(query?: { alertId?: string; afterSeq?: number; limit?: number }): Promise<LoggedTransition[]>;

  /** VIGIL_CONFLICT if the alert is already acknowledged. */
  addAcknowledgement(ack: Acknowledgement): Promise<void>;
  listAcknowledgements(alertIds?: readonly string[]): Promise<Acknowledgement[]>;
  /** Returns false when that step of that alert was already ticked (the first tick stands). */
  addPlaybookTick(tick: PlaybookTick): Promise<boolean>;
  listPlaybookTicks(alertIds?: readonly string[]): Promise<PlaybookTick[]>;

  /** VIGIL_CONFLICT if the id exists. */
  addSilence(silence: Silence): Promise<void>;
  /** Ordered by startsAt then id; `activeAt` keeps only silences in force at that instant. */
  listSilences(query?: { activeAt?: string }): Promise<Silence[]>;
  /** Ends a silence now; VIGIL_NOT_FOUND if unknown, VIGIL_CONFLICT if it already ended. */
  expireSilence(id: string, at: string): Promise<Silence>;

  /** In log order (seq ascending). */
  listNotifications(query?: { afterSeq?: number; limit?: number }): Promise<LoggedNotification[]>;
  /** Leases due, undelivered entries (oldest first) and counts the attempt. */
  claimOutbox(options: ClaimOptions): Promise<OutboxEntry[]>;
  /** Marks entries delivered, each at its own instant, in one transaction (a lane marks a round's deliveries at once). */
  markDelivered(deliveries: readonly { id: string; at: string }[]): Promise<void>;
  markFailed(id: string, error: string, nextAttemptAt: string): Promise<void>;
  /**
   * Oldest first (created, then id). `waitingAt`: only the entries no lane could claim at that instant, because their
   * next attempt is later or another claim leases them (what a dispatcher checks its claimed entries against).
   */
  listOutbox(query?: {
    status?: OutboxEntry['status'];
    receiver?: string;
    limit?: number;
    waitingAt?: string;
    /** Leave these out (a lane's own claim, which its lease makes "waiting"). */
    exceptIds?: readonly string[];
  }): Promise<OutboxEntry[]>;
  /** Receivers with undelivered entries that have failed at least once. */
  receiverHealth(): Promise<ReceiverHealth[]>;
}

/** The idempotency key of one (notification, receiver) pair. */
export function outboxId(notificationId: string, receiver: string): string {
  return `${notificationId}.${receiver}`;
}
