// The Alert record: identity (labels, fingerprint, instance id), lifecycle (pending → firing → resolved) and its explanation.
import type { Labels } from './labels.js';

export type AlertStatus = 'pending' | 'firing' | 'resolved' | 'inactive';

/** How one hypothesis moved between the previous assessment and this one. */
export interface HypothesisMove {
  id: string;
  name: string;
  /** Probability in the previous assessment (null when there was none). */
  from: number | null;
  to: number;
  delta: number;
}

/** One indicator behind an alert, with links to the observations it read. */
export interface EvidenceItem {
  indicator: string;
  name: string;
  state: string;
  value: number | null;
  baseline: number | null;
  dataDay: string | null;
  /** Net log-odds the indicator added towards some non-routine course of action. */
  contribution: number;
  observationIds: string[];
}

/** Why an assessment-based alert holds: what moved, from what to what, and the top evidence. */
export interface AlertExplanation {
  day: string;
  asOf: string;
  level: { from: number | null; to: number; name: string };
  /** The hypothesis this alert is about (hypothesis rules) or the one that moved most. */
  moved: HypothesisMove | null;
  hypotheses: HypothesisMove[];
  evidence: EvidenceItem[];
}

export interface Alert {
  /** One activation of the fingerprint: what `vigil alerts ack` names. */
  id: string;
  fingerprint: string;
  rule: string;
  labels: Labels;
  /** `summary` (one line) and `description` at least, plus the rule's own annotations. */
  annotations: Readonly<Record<string, string>>;
  explanation: AlertExplanation | null;
  playbook: string | null;
  status: AlertStatus;
  /** When the condition first held (ISO). */
  activeAt: string;
  firedAt: string | null;
  /** Last evaluation at which the condition held. */
  lastActiveAt: string;
  resolvedAt: string | null;
  /** The number the condition judged (level, probability, silent ms, attempts), when there is one. */
  value: number | null;
}

export interface AlertTransition {
  alertId: string;
  fingerprint: string;
  rule: string;
  from: AlertStatus | 'new';
  to: AlertStatus;
  at: string;
}

export function isActive(alert: Alert): boolean {
  return alert.status === 'pending' || alert.status === 'firing';
}
