// The shapes the dashboard reads from the API (a view of the server's types, kept here so the bundle has no server code).

export interface HypothesisView {
  id: string;
  name: string;
  prior: number;
  probability: number;
  baseline: boolean;
}

export interface IndicatorView {
  id: string;
  name: string;
  domain: string;
  group: string;
  role: string;
  state: string;
  value: number | null;
  baseline: number | null;
  band: { low: number; high: number; n: number } | null;
  score: number | null;
  dataDay: string | null;
  reason?: string;
  weight: number;
  logLr: Record<string, number>;
  contributions: Record<string, number>;
  contribution: number;
  observationIds: string[];
}

export type KnowledgeStateName = 'ok' | 'degraded' | 'unknown';

export interface KnowledgeView {
  state: KnowledgeStateName;
  reporting: number;
  minReporting: number;
  core: string[];
  notReporting: { id: string; name: string; state: string; reason?: string }[];
}

export interface EpisodeView {
  since: string;
  sinceBounded: boolean;
  days: number;
  hypothesis: { id: string; name: string; probability: number };
}

export interface AssessmentView {
  packId: string;
  asOf: string;
  day: string;
  level: number;
  levelName: string;
  rawLevel: number;
  pEvent7d: number;
  horizonDays: number;
  hypotheses: HypothesisView[];
  indicators: IndicatorView[];
  watch: boolean;
  knowledge: KnowledgeView;
  episode?: EpisodeView;
}

export interface DayRecordView {
  date: string;
  level: number;
  pEvent7d: number;
  hypotheses: Record<string, number>;
  knowledge: KnowledgeStateName;
}

export interface HealthView {
  status: 'ok' | 'degraded';
  hasData: boolean;
  staleSources: { id: string; name: string; nameZh?: string; ageDays: number | null; cadenceDays: number }[];
  failingCollectors: { id: string; consecutiveFailures: number }[];
}

export interface BoardView {
  assessment: AssessmentView;
  levelSince: string;
  firstDay: string;
  latestDay: string;
  history: DayRecordView[];
}

export interface IndicatorDefinition {
  id: string;
  name: string;
  nameZh: string | null;
  domain: string;
  description: string | null;
  series: string[];
  detector: string;
  role: string;
  group: string;
  sumDays: number;
  states: string[];
  watchStates: string[];
  breaks: string[];
}

export interface PackView {
  id: string;
  name: string;
  nameZh?: string;
  /** Reader-facing domain names (absent in packs without them: the dictionary's). */
  domains?: Record<string, { name: string; nameZh: string }>;
  timeZone: string;
  horizonDays: number;
  areas: Record<string, string>;
  hypotheses: { id: string; name: string; nameZh?: string; description?: string; prior: number; baseline: boolean }[];
  indicators: (IndicatorDefinition & { nameZh?: string })[];
}

export interface SeriesPointView {
  day: string;
  judgedOn: string;
  value: number | null;
  baseline: number | null;
  band: { low: number; high: number; n: number } | null;
  state: string;
  score: number | null;
  reason?: string;
  observationIds: string[];
  /** Rank among the daily values known by the as-of day (1 = highest); absent or null when not ranked. */
  rank?: { rank: number; of: number } | null;
}

export interface UnknownSpanView {
  from: string;
  to: string;
  state: 'no-coverage' | 'stale';
}

export interface SeriesView {
  indicator: IndicatorDefinition;
  at: string;
  from: string;
  to: string;
  breaks: string[];
  points: SeriesPointView[];
  unknownSpans: UnknownSpanView[];
}

export interface ObservationView {
  id: string;
  seq: number;
  series: string;
  subject?: string;
  value: number | null;
  missingReason?: string;
  unit: string;
  text?: string;
  periodStart: string;
  periodEnd: string;
  publishedAt: string;
  ingestedAt: string;
  source: string;
  sourceRef?: string;
  reliability: string;
  credibility: number;
  tlp: string;
  geometry?: { type: string; coordinates?: unknown };
  /** Extra typed facts from the parser (compiler, date basis…). */
  attributes?: Record<string, string | number | boolean | null>;
}

export type TimelineItemView =
  | {
      kind: 'event';
      day: string;
      title: string;
      series: string;
      indicators: string[];
      source: string;
      sourceRef: string | null;
    }
  | { kind: 'level-change'; day: string; from: number; to: number; toName: string }
  | { kind: 'episode'; day: string; end: string; peak: number; days: number; ongoing: boolean }
  | {
      kind: 'alert';
      day: string;
      id: string;
      rule: string;
      status: string;
      summary: string;
      summaryZh?: string;
      severity: string | null;
      /** What the rules would have fired then (replayed; never stored or notified). */
      replayed?: true;
    }
  | {
      kind: 'knowledge';
      day: string;
      end: string;
      state: 'degraded' | 'unknown';
      days: number;
      unknownDays: number;
      ongoing: boolean;
    };

export interface ChecklistView {
  id: string;
  title: string;
  titleZh?: string;
  steps: { id: string; text: string; textZh?: string; tickedBy: string | null; tickedAt: string | null }[];
}

export interface AlertExplanationView {
  day: string;
  level: { from: number | null; to: number; name: string };
  moved: { id: string; name: string; from: number | null; to: number; delta: number } | null;
  evidence: { indicator: string; name: string; state: string; value: number | null; contribution: number }[];
}

export interface AlertView {
  id: string;
  rule: string;
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  activeAt: string;
  firedAt: string | null;
  resolvedAt: string | null;
  value: number | null;
  explanation: AlertExplanationView | null;
  acknowledged: { by: string; at: string; comment: string } | null;
  checklist: ChecklistView | null;
  silencedBy: string | null;
  comments: { by: string; at: string; text: string }[];
}

/** An alert the rules would have held on a past day (`/alerts/replay`): never stored, so no ack, playbook or comments. */
export type ReplayedAlertView = Omit<AlertView, 'acknowledged' | 'checklist' | 'silencedBy' | 'comments'>;

export interface SessionView {
  user: { username: string; role: string; tlpMax: string };
  via: string;
  csrfToken?: string;
}
