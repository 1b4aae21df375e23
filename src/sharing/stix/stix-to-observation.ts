// Maps an observed-data carrying the Vigil observation extension back to an observation, validated like any input.
import { z } from 'zod';
import { inputError } from '../../errors/index.js';
import { parseObservationInput, type ObservationInput, type Tlp } from '../../model/index.js';
import { confidenceToCredibility } from './confidence.js';
import type { StixObject } from './stix-types.js';
import { VIGIL_OBSERVATION_EXTENSION_ID } from './vigil-extensions.js';

export interface ReceivedObservationOptions {
  /** Where the object came from (`bundle.json` or a partner URL), for error messages. */
  file: string;
  /** Its position in the bundle, for error messages. */
  index: number;
  /** The source the stored observation gets, e.g. `partner:alpha`. */
  source: string;
  tlp: Tlp;
  /** When it was received (ISO): the observation's retrievedAt. */
  receivedAt: string;
}

const extensionSchema = z.object({
  series: z.string(),
  subject: z.string().optional(),
  value: z.number().optional(),
  missing_reason: z.string().optional(),
  unit: z.string(),
  text: z.string().optional(),
  geometry: z.record(z.string(), z.unknown()).optional(),
  period_start: z.string(),
  period_end: z.string(),
  published: z.string(),
  source: z.string().optional(),
  source_ref: z.string().optional(),
  reliability: z.string().optional(),
  credibility: z.number().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

export function hasObservationExtension(object: StixObject): boolean {
  return object.type === 'observed-data' && object.extensions?.[VIGIL_OBSERVATION_EXTENSION_ID] !== undefined;
}

/**
 * The observation an observed-data describes, as this organisation stores it: the partner as source, the original
 * source and STIX id kept (attributes.originSource, sourceRef), the grading as sent (credibility from `confidence`
 * when the producer sent no Admiralty grading, reliability then F: cannot be judged). Throws `file: objects[i] (id):
 * field: problem` when the object is not a valid observation; the caller writes nothing then.
 */
export function stixToObservation(object: StixObject, options: ReceivedObservationOptions): ObservationInput {
  const where = `objects[${options.index}] (${object.id})`;
  const parsed = extensionSchema.safeParse(object.extensions?.[VIGIL_OBSERVATION_EXTENSION_ID]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw inputError(
      options.file,
      undefined,
      `${where}: extensions.${VIGIL_OBSERVATION_EXTENSION_ID}.${issue.path.join('.')}`,
      issue.message,
    );
  }
  const ext = parsed.data;
  const attributes: Record<string, unknown> = { ...(ext.attributes ?? {}) };
  if (ext.source !== undefined) attributes.originSource = ext.source;
  const raw = {
    series: ext.series,
    subject: ext.subject,
    value: ext.value ?? null,
    missingReason: ext.value === undefined ? (ext.missing_reason ?? 'not given by the producer') : undefined,
    unit: ext.unit,
    text: ext.text,
    geometry: ext.geometry,
    periodStart: ext.period_start,
    periodEnd: ext.period_end,
    publishedAt: ext.published,
    retrievedAt: options.receivedAt,
    source: options.source,
    sourceRef: object.id,
    reliability: ext.reliability ?? 'F',
    credibility:
      ext.credibility ?? confidenceToCredibility(typeof object.confidence === 'number' ? object.confidence : undefined),
    tlp: options.tlp,
    attributes,
  };
  try {
    return parseObservationInput(withoutUndefinedEntries(raw), options.file);
  } catch (error) {
    const details = (error as { details?: { field?: string; problem?: string } }).details;
    if (details?.field === undefined) throw error;
    throw inputError(options.file, undefined, `${where}: ${details.field}`, details.problem ?? 'is invalid');
  }
}

function withoutUndefinedEntries(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
