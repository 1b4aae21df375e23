// The shapes the warning-product views read from the API: formal warnings, the scorecard and analyst notes.
import type { ObservationView } from './api-types.js';

export type WarningStatusView = 'draft' | 'coordination' | 'issued' | 'withdrawn';

export interface WarningRecordView {
  id: string;
  status: WarningStatusView;
  keyJudgement: string;
  likelihood: string;
  confidence: string;
  horizonDays: number;
  day: string;
  madeAgainst: { day: string; level: number; levelName: string; knowledge: string; pEvent: number };
  drafter: string;
  createdAt: string;
  coordinatedBy?: string;
  issuedBy?: string;
  issuedAt?: string;
  withdrawnBy?: string;
  withdrawnAt?: string;
  withdrawReason?: string;
  dissents: { by: string; at: string; text: string }[];
}

export interface YardstickView {
  yardstick: string;
  likelihoods: { id: string; words: string; alternative: string; low: number; high: number }[];
  confidences: string[];
}

export interface ReliabilityBinView {
  low: number;
  high: number;
  count: number;
  meanForecast: number | null;
  observed: number | null;
}

export interface ScorecardView {
  from: string;
  to: string;
  horizonDays: number;
  labelled: boolean;
  episodes: { id: string; name: string; kind: string; start: string }[];
  machine: {
    hits: number;
    misses: number;
    falseAlarms: number;
    medianLeadDays: number | null;
    leads: { id: string; name: string; start: string; hit: boolean; leadDays: number }[];
    scores: {
      days: number;
      shareAtWarning: number;
      falseAlarmsPerYear: number;
      brier: number | null;
      brierClimatology: number | null;
      brierSkill: number | null;
      climatology: number;
    };
    reliability: ReliabilityBinView[];
    reliabilitySvg: string;
  } | null;
  issued: {
    scored: {
      id: string;
      day: string;
      horizonDays: number;
      stated: number;
      episode: string | null;
      outcome: 'hit' | 'false-alarm' | 'correct-reassurance' | 'missed';
      leadDays: number | null;
    }[];
    pending: string[];
    hits: number;
    falseAlarms: number;
    missed: number;
    episodesUnwarned: string[];
    brier: number | null;
    reliability: ReliabilityBinView[];
    reliabilitySvg: string;
  } | null;
}

export interface NoteView {
  observation: ObservationView;
  /** Indicators reading the note's series: empty when none does. */
  readBy: string[];
}
