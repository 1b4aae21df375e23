// The formal warning record: what the organisation judged, against which machine assessment, who dissented, and who
// signed it off. Its life is draft → coordination → issued, or withdrawn; each step is checked here (pure).
import { vigilError } from '../errors/index.js';
import type { Assessment } from '../model/index.js';
import { formatDay, parseDay, type DayNumber } from '../time/zone.js';
import type { Confidence, Likelihood } from './likelihood-yardstick.js';

export type WarningStatus = 'draft' | 'coordination' | 'issued' | 'withdrawn';

/** The machine assessment the judgement was made against: the day, its level and a snapshot of the posteriors. */
export interface MachineSnapshot {
  day: string;
  level: number;
  levelName: string;
  knowledge: string;
  pEvent: number;
  posteriors: Record<string, number>;
}

/** A dissent disagrees with the key judgement; an alternative view offers another reading of the evidence. */
export type DissentKind = 'dissent' | 'alternative-view';

export interface Dissent {
  by: string;
  at: string;
  text: string;
  /** Absent on records written before alternative views were told apart: a dissent. */
  kind?: DissentKind;
}

export interface WarningRecord {
  id: string;
  status: WarningStatus;
  keyJudgement: string;
  likelihood: Likelihood;
  confidence: Confidence;
  horizonDays: number;
  /** The local day the warning speaks from; its horizon runs from the day after. */
  day: string;
  madeAgainst: MachineSnapshot;
  drafter: string;
  createdAt: string;
  coordinatedBy?: string;
  issuedBy?: string;
  issuedAt?: string;
  withdrawnBy?: string;
  withdrawnAt?: string;
  withdrawReason?: string;
  dissents: Dissent[];
  /** An analyst's ruling on whether what was warned of happened; the scorecard prefers it to the episode labels. */
  adjudication?: Adjudication;
}

export const OUTCOMES = ['occurred', 'did-not-occur'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Adjudication {
  outcome: Outcome;
  by: string;
  at: string;
  note: string;
  /** The local day it began, when it occurred and the analyst says when (gives the lead time). */
  occurredOn?: string;
}

export type WarningStep = 'coordinate' | 'issue' | 'withdraw';

export function snapshotOf(a: Assessment): MachineSnapshot {
  return {
    day: a.day,
    level: a.level,
    levelName: a.levelName,
    knowledge: a.knowledge.state,
    pEvent: a.pEvent7d,
    posteriors: Object.fromEntries(a.hypotheses.map((h) => [h.id, h.probability])),
  };
}

const ALLOWED: Record<WarningStep, readonly WarningStatus[]> = {
  coordinate: ['draft'],
  issue: ['coordination'],
  withdraw: ['draft', 'coordination', 'issued'],
};

/** The record after `step` by `actor` at `at`; throws when the step is not allowed (state, or the drafter issuing). */
export function applyStep(
  w: WarningRecord,
  step: WarningStep,
  actor: string,
  at: string,
  reason?: string,
): WarningRecord {
  if (!ALLOWED[step].includes(w.status)) {
    throw vigilError(
      'VIGIL_WARNING_STATE',
      `warning ${w.id} is ${w.status}: it cannot be ${step === 'coordinate' ? 'sent to coordination' : step === 'issue' ? 'issued' : 'withdrawn'} (draft → coordination → issued; withdraw any time before or after issue)`,
    );
  }
  if (step === 'issue' && actor === w.drafter) {
    throw vigilError(
      'VIGIL_REVIEWER_IS_DRAFTER',
      `warning ${w.id} was drafted by ${w.drafter}: it must be issued by another reviewer`,
    );
  }
  if (step === 'coordinate') return { ...w, status: 'coordination', coordinatedBy: actor };
  if (step === 'issue') return { ...w, status: 'issued', issuedBy: actor, issuedAt: at };
  if (!reason?.trim())
    throw vigilError('VIGIL_INPUT_INVALID', 'withdraw needs --reason: say why the warning is withdrawn');
  return { ...w, status: 'withdrawn', withdrawnBy: actor, withdrawnAt: at, withdrawReason: reason.trim() };
}

/** Dissents and alternative views are recorded while the warning is a draft or in coordination. */
export function addDissent(
  w: WarningRecord,
  by: string,
  text: string,
  at: string,
  kind: DissentKind = 'dissent',
): WarningRecord {
  if (w.status !== 'draft' && w.status !== 'coordination')
    throw vigilError(
      'VIGIL_WARNING_STATE',
      `warning ${w.id} is ${w.status}: dissents are recorded before it is issued`,
    );
  if (!text.trim()) throw vigilError('VIGIL_INPUT_INVALID', 'invalid --text: a dissent needs its text');
  const entry: Dissent = { by, at, text: text.trim(), ...(kind === 'alternative-view' ? { kind } : {}) };
  return { ...w, dissents: [...w.dissents, entry] };
}

/**
 * Records an analyst's ruling on an issued warning. "Did not occur" can only be said once the horizon has passed
 * (`today` after D + horizon); "occurred" any time after issue, with the day it began inside D+1 … D+horizon if given.
 * A later ruling replaces an earlier one (the audit log keeps both).
 */
export function adjudicate(w: WarningRecord, ruling: Adjudication, today: DayNumber): WarningRecord {
  if (w.status !== 'issued')
    throw vigilError('VIGIL_WARNING_STATE', `warning ${w.id} is ${w.status}: only an issued warning is adjudicated`);
  if (!ruling.note.trim()) throw vigilError('VIGIL_INPUT_INVALID', 'invalid --note: say what the ruling rests on');
  const day = parseDay(w.day);
  const last = day + w.horizonDays;
  if (ruling.outcome === 'did-not-occur' && today <= last)
    throw vigilError(
      'VIGIL_WARNING_STATE',
      `warning ${w.id} speaks until ${formatDay(last)}: "did-not-occur" can be ruled from ${formatDay(last + 1)}`,
    );
  if (ruling.occurredOn !== undefined) {
    if (ruling.outcome !== 'occurred')
      throw vigilError('VIGIL_INPUT_INVALID', 'invalid --on: a day it began is given only with --outcome occurred');
    const on = parseDay(ruling.occurredOn, '--on date');
    if (on <= day || on > last)
      throw vigilError(
        'VIGIL_INPUT_INVALID',
        `invalid --on: ${ruling.occurredOn} is outside the warning's horizon ${formatDay(day + 1)} … ${formatDay(last)}`,
      );
  }
  return { ...w, adjudication: { ...ruling, note: ruling.note.trim() } };
}
