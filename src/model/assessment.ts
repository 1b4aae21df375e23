// The output of one assessment: hypothesis probabilities, P(event within horizon), warning level, and its evidence.

export const LEVEL_NAMES = { 1: 'NORMAL', 2: 'WATCH', 3: 'WARNING', 4: 'ALERT', 5: 'CRITICAL' } as const;
/**
 * The levels in Traditional Chinese. 警報 is level 4 only: the alerts inbox and its notifications are 警示, so the
 * level a board is at and a message about it never share a word.
 */
export const LEVEL_NAMES_ZH = { 1: '正常', 2: '關注', 3: '警戒', 4: '警報', 5: '危急' } as const;
export type WarningLevel = keyof typeof LEVEL_NAMES;
export type LevelName = (typeof LEVEL_NAMES)[WarningLevel];

export interface IndicatorAssessment {
  id: string;
  name: string;
  domain: string;
  group: string;
  role: 'lead' | 'concurrent';
  state: string;
  /** The value judged; null when not known. */
  value: number | null;
  /** Baseline median (null where the detector has none or it is not known). */
  baseline: number | null;
  band: { low: number; high: number; n: number } | null;
  score: number | null;
  /** Local day the value belongs to (YYYY-MM-DD), null when no data. */
  dataDay: string | null;
  reason?: string;
  /** Grading weight applied (1 for an A1 official report). */
  weight: number;
  /** Natural-log likelihood ratio vs the baseline hypothesis, per hypothesis, before grouping. */
  logLr: Record<string, number>;
  /** What this indicator actually added to each hypothesis's log-odds after evidence grouping. */
  contributions: Record<string, number>;
  /** Net log-odds this indicator added to "some non-routine course of action" (prior-weighted mix). */
  contribution: number;
  /** Observations behind the value (ids), so alerts and the dashboard can link to them. */
  observationIds: string[];
}

export interface HypothesisAssessment {
  id: string;
  name: string;
  prior: number;
  probability: number;
  /** The routine hypothesis every likelihood ratio is measured against. */
  baseline: boolean;
}

/** What the assessment knows: `ok`, `degraded` (fewer core indicators reporting than the pack's minimum) or `unknown` (none). */
export type KnowledgeStateName = 'ok' | 'degraded' | 'unknown';

export interface KnowledgeState {
  state: KnowledgeStateName;
  /** Core indicators reporting (in a state other than no-coverage, stale, missing or insufficient-data). */
  reporting: number;
  minReporting: number;
  core: string[];
  /** The core indicators that are not reporting, with their state and why. */
  notReporting: { id: string; name: string; state: string; reason?: string }[];
}

/** A major episode under way: the level has been at ALERT or above since `since` (local day). */
export interface EpisodeUnderWay {
  since: string;
  /** True when the run reaches the look-back bound: the episode began on `since` or earlier. */
  sinceBounded: boolean;
  days: number;
  /** The most probable non-routine hypothesis today. */
  hypothesis: { id: string; name: string; probability: number };
}

export interface Assessment {
  packId: string;
  /** End of the assessed local day: everything published up to this instant was used (ISO). */
  asOf: string;
  /** The assessed local day. */
  day: string;
  level: WarningLevel;
  levelName: LevelName;
  /** Level before hysteresis (what today's evidence alone says). */
  rawLevel: WarningLevel;
  /** P(a major episode starts within the pack's horizon). */
  pEvent7d: number;
  horizonDays: number;
  hypotheses: HypothesisAssessment[];
  indicators: IndicatorAssessment[];
  /** Summed log-LR toward non-routine hypotheses from lead and from concurrent indicators (the event-model inputs). */
  leadLogLr: number;
  concurrentLogLr: number;
  /** WATCH's confirmed rule holds (pack `warning.watch`: enough evidence groups at once, or a watch state lasting). */
  watch: boolean;
  /** Whether enough core indicators report for the level to mean anything; surfaces show this before the level. */
  knowledge: KnowledgeState;
  /** Set while the level is ALERT or above: the headline says this instead of P(start within the horizon). */
  episode?: EpisodeUnderWay;
}
