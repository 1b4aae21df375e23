// Maps an assessment to the `vigil-assessment` STIX object (a new SDO defined by Vigil's extension) and back.
import { z } from 'zod';
import { inputError } from '../../errors/index.js';
import type { Assessment, Tlp } from '../../model/index.js';
import { TLP2_MARKING_IDS } from '../tlp/tlp-markings.js';
import { withoutUndefined } from './observation-to-stix.js';
import type { StixObject } from './stix-types.js';
import { stixId } from './uuid5.js';
import { VIGIL_ASSESSMENT_EXTENSION_ID, VIGIL_ASSESSMENT_TYPE } from './vigil-extensions.js';

/** How many indicators travel as top evidence (by the size of their net contribution). */
export const SHARED_EVIDENCE = 5;

/** What a partner learns of an assessment: the judgement and its strongest evidence, not every indicator. */
export interface SharedAssessment {
  packId: string;
  day: string;
  asOf: string;
  level: number;
  levelName: string;
  pEvent: number;
  horizonDays: number;
  hypotheses: { id: string; name: string; prior: number; probability: number; baseline: boolean }[];
  topEvidence: {
    indicator: string;
    name: string;
    domain: string;
    state: string;
    value?: number;
    baseline?: number;
    contribution: number;
    dataDay?: string;
  }[];
}

/** One object per (pack, day): a later publication of the same day is a new version of it. */
export function assessmentStixId(packId: string, day: string): string {
  return stixId(VIGIL_ASSESSMENT_TYPE, `${packId}|${day}`);
}

export function summariseAssessment(a: Assessment): SharedAssessment {
  const evidence = a.indicators
    .filter((i) => i.contribution !== 0)
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution) || x.id.localeCompare(y.id))
    .slice(0, SHARED_EVIDENCE);
  return {
    packId: a.packId,
    day: a.day,
    asOf: a.asOf,
    level: a.level,
    levelName: a.levelName,
    pEvent: a.pEvent7d,
    horizonDays: a.horizonDays,
    hypotheses: a.hypotheses.map((h) => ({
      id: h.id,
      name: h.name,
      prior: h.prior,
      probability: h.probability,
      baseline: h.baseline,
    })),
    topEvidence: evidence.map((i) =>
      withoutUndefined({
        indicator: i.id,
        name: i.name,
        domain: i.domain,
        state: i.state,
        value: i.value ?? undefined,
        baseline: i.baseline ?? undefined,
        contribution: i.contribution,
        dataDay: i.dataDay ?? undefined,
      }),
    ),
  };
}

export interface AssessmentStixOptions {
  producerId: string;
  tlp: Tlp;
  /** The version's time; defaults to the as-of time (a first publication). */
  modified?: string;
  created?: string;
}

export function assessmentToStix(a: SharedAssessment, options: AssessmentStixOptions): StixObject {
  return withoutUndefined({
    type: VIGIL_ASSESSMENT_TYPE,
    spec_version: '2.1',
    id: assessmentStixId(a.packId, a.day),
    created_by_ref: options.producerId,
    created: options.created ?? a.asOf,
    modified: options.modified ?? a.asOf,
    name: `${a.packId} ${a.day}: level ${a.level} ${a.levelName}`,
    pack_id: a.packId,
    day: a.day,
    as_of: a.asOf,
    level: a.level,
    level_name: a.levelName,
    p_event: a.pEvent,
    horizon_days: a.horizonDays,
    hypotheses: a.hypotheses.length > 0 ? a.hypotheses : undefined,
    top_evidence: a.topEvidence.length > 0 ? a.topEvidence.map(snakeEvidence) : undefined,
    object_marking_refs: [TLP2_MARKING_IDS[options.tlp]],
    extensions: { [VIGIL_ASSESSMENT_EXTENSION_ID]: { extension_type: 'new-sdo' } },
  });
}

function snakeEvidence(e: SharedAssessment['topEvidence'][number]) {
  return withoutUndefined({
    indicator: e.indicator,
    name: e.name,
    domain: e.domain,
    state: e.state,
    value: e.value,
    baseline: e.baseline,
    contribution: e.contribution,
    data_day: e.dataDay,
  });
}

const assessmentSchema = z.object({
  pack_id: z.string(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  as_of: z.string(),
  level: z.number().int().min(1).max(5),
  level_name: z.string(),
  p_event: z.number().min(0).max(1),
  horizon_days: z.number().int().positive(),
  hypotheses: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        prior: z.number(),
        probability: z.number().min(0).max(1),
        baseline: z.boolean(),
      }),
    )
    .optional(),
  top_evidence: z
    .array(
      z.object({
        indicator: z.string(),
        name: z.string(),
        domain: z.string(),
        state: z.string(),
        value: z.number().optional(),
        baseline: z.number().optional(),
        contribution: z.number(),
        data_day: z.string().optional(),
      }),
    )
    .optional(),
});

export function stixToAssessment(object: StixObject, file: string, index: number): SharedAssessment {
  const parsed = assessmentSchema.safeParse(object);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(file, undefined, `objects[${index}] (${object.id}): ${issue.path.join('.')}`, issue.message);
  }
  const o = parsed.data;
  return {
    packId: o.pack_id,
    day: o.day,
    asOf: o.as_of,
    level: o.level,
    levelName: o.level_name,
    pEvent: o.p_event,
    horizonDays: o.horizon_days,
    hypotheses: o.hypotheses ?? [],
    topEvidence: (o.top_evidence ?? []).map((e) =>
      withoutUndefined({
        indicator: e.indicator,
        name: e.name,
        domain: e.domain,
        state: e.state,
        value: e.value,
        baseline: e.baseline,
        contribution: e.contribution,
        dataDay: e.data_day,
      }),
    ),
  };
}
