// The persisted state of one alert group (one route × one set of group labels): its timers, what it last told, its escalation.
import type { Labels } from './labels.js';

export interface AlertGroup {
  /** `<route id>|<fingerprint of the group labels>` */
  key: string;
  routeId: string;
  labels: Labels;
  createdAt: string;
  /** When the next flush is due (null: nothing to send). */
  nextFlushAt: string | null;
  /** Why the next flush happens (a repeat of unchanged alerts, or news). */
  nextFlushMode: 'news' | 'repeat' | null;
  lastFlushAt: string | null;
  /** Alert id → the status the last flush reported; resolved alerts leave once reported. */
  notified: Record<string, 'firing'>;
  /** How many receivers of the route's escalation chain have been brought in (0: only the route's receiver). */
  escalationStep: number;
  /** When the current unacknowledged period began (null: nothing unacknowledged was sent). */
  escalationSince: string | null;
}
