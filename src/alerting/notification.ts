// A notification: one flush of one alert group to its receivers, as a self-contained snapshot the outbox can deliver later.
import type { AlertExplanation, AlertStatus } from './alert.js';
import type { Labels } from './labels.js';

export const ENVELOPE_VERSION = 'vigil.alert-notification/1';

export type NotificationMode = 'realtime' | 'digest' | 'repeat' | 'escalation';

export interface PlaybookStepState {
  id: string;
  text: string;
  /** The step in Traditional Chinese (the playbook's `text_zh`), when the playbook has it. */
  textZh?: string;
  /** Who ticked it and when; null while open. */
  tickedBy: string | null;
  tickedAt: string | null;
}

export interface PlaybookChecklist {
  id: string;
  title: string;
  titleZh?: string;
  steps: PlaybookStepState[];
}

export interface NotifiedAlert {
  id: string;
  fingerprint: string;
  status: AlertStatus;
  labels: Labels;
  annotations: Readonly<Record<string, string>>;
  explanation: AlertExplanation | null;
  startsAt: string;
  firedAt: string | null;
  endsAt: string | null;
  acknowledged: { by: string; at: string; comment: string } | null;
  playbook: PlaybookChecklist | null;
}

export interface Notification {
  id: string;
  groupKey: string;
  routeId: string;
  groupLabels: Labels;
  /** Labels every alert in the notification shares. */
  commonLabels: Labels;
  receivers: string[];
  status: 'firing' | 'resolved';
  mode: NotificationMode;
  /** For escalations: which step of the route's chain this is (1-based) and how many there are. */
  escalation: { step: number; of: number } | null;
  alerts: NotifiedAlert[];
  createdAt: string;
}

/** What a receiver gets: the notification plus per-delivery identity. */
export interface NotificationEnvelope extends Notification {
  version: typeof ENVELOPE_VERSION;
  /** Unique per attempt. */
  deliveryId: string;
  /** The same for every attempt at one (notification, receiver): drop duplicates on it. */
  idempotencyKey: string;
  receiver: string;
  attempt: number;
  sentAt: string;
}

export function commonLabels(alerts: readonly { labels: Labels }[]): Labels {
  if (alerts.length === 0) return {};
  const [first, ...rest] = alerts;
  return Object.fromEntries(Object.entries(first.labels).filter(([k, v]) => rest.every((a) => a.labels[k] === v)));
}
