// The shapes the warning-product views read from the API: the scorecard and analyst notes (a formal warning is the
// domain's WarningRecord, sent as it is stored).
import type { IssuedWarningScores } from '../scorecard/issued-warning-scores.js';
import type { ReliabilityBin } from '../scorecard/reliability.js';
import type { ObservationView } from './api-types.js';

export interface YardstickView {
  yardstick: string;
  likelihoods: { id: string; words: string; alternative: string; low: number; high: number }[];
  confidences: string[];
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
    reliability: ReliabilityBin[];
    reliabilitySvg: string;
  } | null;
  issued: (IssuedWarningScores & { reliabilitySvg: string }) | null;
}

export interface NoteView {
  observation: ObservationView;
  /** Indicators reading the note's series: empty when none does. */
  readBy: string[];
}
