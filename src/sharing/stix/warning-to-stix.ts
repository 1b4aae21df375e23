// Maps an issued (or withdrawn) formal warning to what partners receive: a STIX `report` carrying the key judgement,
// the ICD 203 likelihood with its range, the confidence and the horizon, pointing at the machine assessment it was
// made against; and each dissent as an `opinion`, each alternative view as a `note`, with its author. Pure.
import type { Tlp } from '../../model/index.js';
import { LIKELIHOODS, YARDSTICK, likelihoodMidpoint, type Confidence } from '../../warnings/likelihood-yardstick.js';
import type { Dissent, WarningRecord } from '../../warnings/warning-record.js';
import { formatDay, parseDay } from '../../time/zone.js';
import { TLP2_MARKING_IDS } from '../tlp/tlp-markings.js';
import { assessmentStixId } from './assessment-to-stix.js';
import { withoutUndefined } from './observation-to-stix.js';
import type { StixObject } from './stix-types.js';
import { stixId } from './uuid5.js';
import { VIGIL_WARNING_EXTENSION_ID } from './vigil-extensions.js';

/**
 * ICD 203 confidence in words → STIX `confidence`, through the "Low/Med/High" scale of STIX 2.1 Appendix A
 * (Low 15, Med 50, High 85).
 */
export const STIX_CONFIDENCE: Readonly<Record<Confidence, number>> = { low: 15, moderate: 50, high: 85 };

export interface WarningStixOptions {
  producerId: string;
  /** The most restrictive marking among what the warning was derived from. */
  tlp: Tlp;
  /** The pack of the machine assessment the warning was made against (its STIX id is per pack and day). */
  packId: string;
}

export function warningReportId(warningId: string): string {
  return stixId('report', `warning|${warningId}`);
}

export function dissentStixId(warningId: string, index: number, d: Dissent): string {
  return stixId(d.kind === 'alternative-view' ? 'note' : 'opinion', `warning|${warningId}|${index}`);
}

const pct = (p: number) => `${Math.round(p * 100)} %`;

/** One sentence a STIX consumer that knows nothing of Vigil can read. */
function description(w: WarningRecord): string {
  const l = LIKELIHOODS[w.likelihood];
  const day = parseDay(w.day);
  const m = w.madeAgainst;
  const lines = [
    `Key judgement: ${w.keyJudgement}`,
    `Likelihood: ${l.words} (${YARDSTICK}: ${l.alternative}, ${pct(l.low)}–${pct(l.high)}). Confidence: ${w.confidence}.`,
    `Horizon: ${w.horizonDays} days after ${w.day} (${formatDay(day + 1)} to ${formatDay(day + w.horizonDays)}).`,
    `Made against the machine assessment of ${m.day}: level ${m.level} ${m.levelName}, knowledge ${m.knowledge}, P(event) ${pct(m.pEvent)}.`,
  ];
  if (w.status === 'withdrawn') lines.push(`Withdrawn on ${w.withdrawnAt?.slice(0, 10)}: ${w.withdrawReason}`);
  return lines.join('\n');
}

/**
 * The report and one object per dissent or alternative view. A withdrawn warning is the same report, revoked, with
 * the withdrawal in its description and extension; the ledger makes it a new version of the issued one.
 */
export function warningToStix(w: WarningRecord, options: WarningStixOptions): StixObject[] {
  if (w.status !== 'issued' && w.status !== 'withdrawn')
    throw new Error(`warning ${w.id} is ${w.status}: only issued or withdrawn warnings are shared`);
  const issuedAt = w.issuedAt ?? w.createdAt;
  const l = LIKELIHOODS[w.likelihood];
  const day = parseDay(w.day);
  const reportId = warningReportId(w.id);
  const marking = [TLP2_MARKING_IDS[options.tlp]];
  const report = withoutUndefined({
    type: 'report',
    spec_version: '2.1',
    id: reportId,
    created_by_ref: options.producerId,
    created: issuedAt,
    modified: w.status === 'withdrawn' ? (w.withdrawnAt ?? issuedAt) : issuedAt,
    name: w.keyJudgement,
    description: description(w),
    report_types: ['threat-report'],
    published: issuedAt,
    object_refs: [assessmentStixId(options.packId, w.madeAgainst.day)],
    confidence: STIX_CONFIDENCE[w.confidence],
    revoked: w.status === 'withdrawn' ? true : undefined,
    labels: ['vigil-warning'],
    object_marking_refs: marking,
    extensions: {
      [VIGIL_WARNING_EXTENSION_ID]: withoutUndefined({
        extension_type: 'property-extension',
        warning_id: w.id,
        status: w.status,
        key_judgement: w.keyJudgement,
        yardstick: YARDSTICK,
        likelihood: w.likelihood,
        likelihood_words: l.words,
        likelihood_range: { low: l.low, high: l.high },
        likelihood_midpoint: likelihoodMidpoint(w.likelihood),
        confidence: w.confidence,
        horizon_days: w.horizonDays,
        day: w.day,
        horizon_from: formatDay(day + 1),
        horizon_to: formatDay(day + w.horizonDays),
        made_against: {
          pack_id: options.packId,
          day: w.madeAgainst.day,
          level: w.madeAgainst.level,
          level_name: w.madeAgainst.levelName,
          knowledge: w.madeAgainst.knowledge,
          p_event: w.madeAgainst.pEvent,
        },
        drafted_by: w.drafter,
        issued_by: w.issuedBy,
        issued_at: w.issuedAt,
        withdrawn_by: w.withdrawnBy,
        withdrawn_at: w.withdrawnAt,
        withdraw_reason: w.withdrawReason,
      }),
    },
  });
  const views = w.dissents.map((d, index): StixObject => {
    const common = {
      spec_version: '2.1',
      id: dissentStixId(w.id, index, d),
      created_by_ref: options.producerId,
      created: d.at,
      modified: d.at,
      authors: [d.by],
      object_refs: [reportId],
      object_marking_refs: marking,
    };
    return d.kind === 'alternative-view'
      ? { type: 'note', ...common, abstract: `Alternative view on ${w.id}`, content: d.text }
      : { type: 'opinion', ...common, opinion: 'disagree', explanation: d.text };
  });
  return [report, ...views];
}
