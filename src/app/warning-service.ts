// The formal warning's use-cases over the stores, for the CLI and the API alike: each step, dissent and adjudication
// is written with its audit entry in one transaction; issuing or withdrawing also publishes the warning to partners
// (publication ledger) in that same transaction, so a warning is never issued without being published, nor published
// without being issued.
import { randomBytes } from 'node:crypto';
import type { Episode } from '../backtest/episodes.js';
import { vigilError } from '../errors/index.js';
import type { Confidence, Likelihood } from '../warnings/likelihood-yardstick.js';
import { scoreIssuedWarnings, type IssuedWarningScores } from '../scorecard/issued-warning-scores.js';
import { publishWarning, warningTlp } from '../sharing/publish.js';
import type { DayNumber } from '../time/zone.js';
import { getZone } from '../time/zone.js';
import {
  addDissent,
  adjudicate,
  applyStep,
  snapshotOf,
  type DissentKind,
  type Outcome,
  type WarningRecord,
  type WarningStep,
} from '../warnings/warning-record.js';
import type { WarningStore } from '../warnings/warning-store.js';
import { assessAt, resolveAssessDay } from './assess-at.js';
import type { Vigil } from './open-vigil.js';
import type { Actor } from './write-services.js';

export interface DraftRequest {
  /** The local day it speaks from (YYYY-MM-DD); default the latest data day. */
  at?: string;
  keyJudgement: string;
  likelihood: Likelihood;
  confidence: Confidence;
  horizonDays: number;
  drafter: string;
  actor: Actor;
}

/** A new draft against the machine assessment of its day (snapshotted into the record), audited (`warning.draft`). */
export async function draftWarning(vigil: Vigil, request: DraftRequest): Promise<WarningRecord> {
  const keyJudgement = request.keyJudgement.trim();
  if (!keyJudgement) throw vigilError('VIGIL_INPUT_INVALID', 'invalid judgement: the key judgement is empty');
  const now = vigil.clock();
  const a = await assessAt(
    vigil.store,
    vigil.pack,
    await resolveAssessDay(vigil.store, vigil.pack, request.at, now.getTime()),
  );
  const w: WarningRecord = {
    id: `W-${a.day}-${randomBytes(3).toString('hex')}`,
    status: 'draft',
    keyJudgement,
    likelihood: request.likelihood,
    confidence: request.confidence,
    horizonDays: request.horizonDays,
    day: a.day,
    madeAgainst: snapshotOf(a),
    drafter: request.drafter,
    createdAt: now.toISOString(),
    dissents: [],
  };
  const { likelihood, confidence, horizonDays } = w;
  await vigil.writes.audited({
    actor: request.actor,
    action: 'warning.draft',
    target: w.id,
    write: () => vigil.warnings.insert(w, w.createdAt),
    details: () => ({ by: w.drafter, likelihood, confidence, horizonDays, level: a.level }),
  });
  return w;
}

export interface WarningStepRequest {
  id: string;
  step: WarningStep;
  /** The person taking the step (the reviewer who issues it must not be the drafter). */
  by: string;
  /** Who the audit log names (`cli:alice`, `user:alice`). */
  actor: Actor;
  reason?: string;
}

/** Coordinate, issue or withdraw; an issued or withdrawn-after-issue warning is published in the same transaction. */
export async function stepWarning(vigil: Vigil, request: WarningStepRequest): Promise<WarningRecord> {
  const { id, step, by, actor, reason } = request;
  const at = vigil.clock().toISOString();
  const current = await vigil.warnings.get(id);
  // Reads before the transaction: the partner side and the marking of what the warning was made against.
  const shares = current !== undefined && (step === 'issue' || (step === 'withdraw' && current.status === 'issued'));
  const sharing = shares ? await vigil.sharing() : undefined;
  const tlp = shares ? await warningTlp(vigil.store, vigil.pack, current) : undefined;
  return vigil.writes.audited({
    actor,
    action: `warning.${step}`,
    target: id,
    write: async () => {
      const next = await vigil.warnings.update(id, at, (w) => applyStep(w, step, by, at, reason));
      // Only what had been issued is shared: a draft withdrawn before issue never leaves the organisation.
      const wasIssued = next.status === 'issued' || next.issuedAt !== undefined;
      if (sharing && tlp && wasIssued)
        await publishWarning(
          { store: vigil.store, ledger: sharing.ledger, identity: sharing.keys.identity, now: at },
          vigil.pack,
          next,
          tlp,
        );
      return next;
    },
    details: (next) => ({
      by,
      status: next.status,
      ...(reason ? { reason } : {}),
      ...(sharing && tlp && next.issuedAt ? { published: tlp } : {}),
    }),
  });
}

export interface DissentRequest {
  id: string;
  by: string;
  text: string;
  kind?: DissentKind;
  actor: Actor;
}

export async function recordDissent(vigil: Vigil, request: DissentRequest): Promise<WarningRecord> {
  const at = vigil.clock().toISOString();
  const kind = request.kind ?? 'dissent';
  return vigil.writes.audited({
    actor: request.actor,
    action: 'warning.dissent',
    target: request.id,
    write: () => vigil.warnings.update(request.id, at, (w) => addDissent(w, request.by, request.text, at, kind)),
    details: () => ({ by: request.by, kind, text: request.text.trim() }),
  });
}

export interface AdjudicationRequest {
  id: string;
  outcome: Outcome;
  by: string;
  note: string;
  /** The local day it began (YYYY-MM-DD), for `occurred`. */
  occurredOn?: string;
  actor: Actor;
}

/** An analyst's ruling on an issued warning, recorded and audited in one transaction (`warning.adjudicate`). */
export async function adjudicateWarning(vigil: Vigil, request: AdjudicationRequest): Promise<WarningRecord> {
  const now = vigil.clock();
  const at = now.toISOString();
  const today = getZone(vigil.pack.timeZone).dayOf(now.getTime());
  const ruling = {
    outcome: request.outcome,
    by: request.by,
    at,
    note: request.note,
    ...(request.occurredOn ? { occurredOn: request.occurredOn } : {}),
  };
  return vigil.writes.audited({
    actor: request.actor,
    action: 'warning.adjudicate',
    target: request.id,
    write: () => vigil.warnings.update(request.id, at, (w) => adjudicate(w, ruling, today)),
    details: () => ({
      by: request.by,
      outcome: request.outcome,
      note: request.note.trim(),
      ...(request.occurredOn ? { occurredOn: request.occurredOn } : {}),
    }),
  });
}

/**
 * The issued warnings of a window from the store, scored against the labelled episodes and the analysts' rulings as
 * of `asOf` (default: today in the theatre's zone): those whose horizon has not passed are pending.
 */
export async function scoreStoredWarnings(
  vigil: Vigil,
  options: { from: DayNumber; to: DayNumber; episodes: readonly Episode[]; asOf?: DayNumber },
): Promise<IssuedWarningScores> {
  const asOf = options.asOf ?? getZone(vigil.pack.timeZone).dayOf(vigil.clock().getTime());
  const warnings = await vigil.warnings.list({ status: 'issued' });
  return scoreIssuedWarnings(warnings, options.episodes, { from: options.from, to: options.to }, asOf);
}

/** The warning records and their use-cases bound to one Vigil: what the API's warning and scorecard routes call. */
export interface WarningService {
  /** The records, for reading (and drafting, which publishes nothing). */
  readonly store: WarningStore;
  draft(request: DraftRequest): Promise<WarningRecord>;
  step(request: WarningStepRequest): Promise<WarningRecord>;
  dissent(request: DissentRequest): Promise<WarningRecord>;
  adjudicate(request: AdjudicationRequest): Promise<WarningRecord>;
  scoreStored(options: { from: DayNumber; to: DayNumber; episodes: readonly Episode[] }): Promise<IssuedWarningScores>;
}

export function warningService(vigil: Vigil): WarningService {
  return {
    store: vigil.warnings,
    draft: (request) => draftWarning(vigil, request),
    step: (request) => stepWarning(vigil, request),
    dissent: (request) => recordDissent(vigil, request),
    adjudicate: (request) => adjudicateWarning(vigil, request),
    scoreStored: (options) => scoreStoredWarnings(vigil, options),
  };
}
