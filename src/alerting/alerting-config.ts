// The alerting configuration as the pipeline uses it: durations in ms, matchers parsed, the route tree with inheritance applied.
import type { Labels } from './labels.js';
import type { Matcher } from './matchers.js';
import type { Playbook, ReceiverConfig } from './alerting-schema.js';

export type { Playbook, ReceiverConfig } from './alerting-schema.js';

interface RuleBase {
  name: string;
  forMs: number;
  keepFiringForMs: number;
  labels: Labels;
  annotations: Labels;
  playbook?: string;
}

export type AlertRule = RuleBase &
  (
    | { kind: 'level'; atLeast: number }
    | { kind: 'level-change'; direction: 'up' | 'down' | 'any' }
    | { kind: 'hypothesis'; hypothesis: string; above?: number; below?: number }
    | { kind: 'indicator'; indicators: string[]; states: string[] }
    | { kind: 'source-health'; series: string[]; seriesPrefix?: string; cadenceMs: number; staleAfterMs: number }
    | { kind: 'receiver-health'; afterAttempts: number }
  );

export type RuleKind = AlertRule['kind'];

/** A local-time window (start inclusive, end exclusive; end < start wraps past midnight) on the given weekdays (0 = Sunday). */
export interface QuietWindow {
  startMinute: number;
  endMinute: number;
  weekdays: number[] | null;
}

/** One node of the route tree with every inherited setting filled in. */
export interface RouteNode {
  /** Position in the tree: `root`, `root.0`, `root.0.1` … (part of every group key). */
  id: string;
  matchers: Matcher[];
  receiver: string;
  continue: boolean;
  /** Label names that split alerts into groups, or `all` for `...`. */
  groupBy: string[] | 'all';
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
  escalateAfterMs: number | null;
  /** Receivers notified in turn while a group stays unacknowledged. */
  escalation: string[];
  quietHours: QuietWindow[];
  timeZone: string;
  /** Severities that bypass digests and quiet hours (null: none named). */
  realtimeSeverities: string[] | null;
  digestIntervalMs: number | null;
  playbook?: string;
  children: RouteNode[];
}

export interface InhibitRule {
  sourceMatchers: Matcher[];
  targetMatchers: Matcher[];
  equal: string[];
  explained: boolean;
}

export interface AlertingConfig {
  /** Where it was loaded from (for messages). */
  file: string;
  theatre?: string;
  rules: AlertRule[];
  receivers: ReceiverConfig[];
  route: RouteNode;
  inhibitRules: InhibitRule[];
  playbooks: Record<string, Playbook>;
}

/** Alertmanager's defaults, kept so its users are not surprised. */
export const ROUTE_DEFAULTS = {
  groupWaitMs: 30_000,
  groupIntervalMs: 300_000,
  repeatIntervalMs: 4 * 3_600_000,
  digestIntervalMs: 86_400_000,
} as const;
