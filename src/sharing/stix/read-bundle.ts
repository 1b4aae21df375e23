// Reads STIX content from anyone (a Vigil partner, MISP, OpenCTI): what Vigil can use, and the rest kept but ignored.
import { inputError } from '../../errors/index.js';
import { yearProblem } from '../../model/input-limits.js';
import { parseStrictJson } from '../../sources/located-json/located-json.js';
import type { ObservationInput, Tlp } from '../../model/index.js';
import { tlpOfMarkingRefs } from '../tlp/tlp-markings.js';
import { hasAlertExtension, stixToAlert, type SharedAlert } from './alert-to-stix.js';
import { stixToAssessment, type SharedAssessment } from './assessment-to-stix.js';
import { STIX_ID_PATTERN, type StixObject } from './stix-types.js';
import { hasObservationExtension, stixToObservation } from './stix-to-observation.js';
import { observedDataId } from './observation-to-stix.js';
import { VIGIL_ASSESSMENT_TYPE, VIGIL_OBSERVATION_EXTENSION_ID, VIGIL_SERIES_TYPE } from './vigil-extensions.js';

/** Objects that only describe other objects (who made them, their markings, their extensions). */
const SUPPORT_TYPES = new Set([
  'marking-definition',
  'extension-definition',
  'identity',
  'language-content',
  VIGIL_SERIES_TYPE,
]);

export interface ReadOptions {
  file: string;
  /** Source given to the observations, e.g. `partner:alpha`. */
  source: string;
  /** TLP for objects that carry no TLP marking. */
  defaultTlp: Tlp;
  receivedAt: string;
}

export interface ReceivedObject<T> {
  object: StixObject;
  value: T;
  tlp: Tlp;
}

export interface IncomingContent {
  observations: ObservationInput[];
  assessments: ReceivedObject<SharedAssessment>[];
  alerts: ReceivedObject<SharedAlert>[];
  /** Objects Vigil has no use for (indicators, malware, MISP custom objects…): kept as received, not analysed. */
  foreign: ReceivedObject<StixObject>[];
  /** Count per type of what was kept but not used, including support objects. */
  ignored: Record<string, number>;
  /** What each input object was taken as, by position. */
  kinds: ReceivedKind[];
  /**
   * For observed-data made by Vigil (anyone's): STIX id → the content-hash id of the observation it was made from
   * (the extension's `observation_id`, kept only when the STIX id is the one derived from it) and who made it
   * (`created_by_ref`), so an importer can recognise its own observations coming back.
   */
  origins: Map<string, { observationId: string; createdBy: unknown }>;
}

export type ReceivedKind = 'observation' | 'assessment' | 'alert' | 'support' | 'foreign';

/** Parses JSON text strictly (duplicate member names and deep nesting refused), naming the file and line on failure. */
export function parseJsonText(text: string, file: string): unknown {
  return parseStrictJson(text, file);
}

/** The objects of a STIX bundle or a TAXII envelope, each checked to be a STIX object with a valid type and id. */
export function stixObjectsOf(document: unknown, file: string, kind: 'bundle' | 'envelope'): StixObject[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw inputError(file, undefined, '(document)', `must be a JSON object (a STIX ${kind})`);
  }
  const doc = document as Record<string, unknown>;
  if (kind === 'bundle' && doc.type !== 'bundle')
    throw inputError(file, undefined, 'type', `must be "bundle", got ${JSON.stringify(doc.type)}`);
  if (doc.objects === undefined && kind === 'envelope') return [];
  if (!Array.isArray(doc.objects)) throw inputError(file, undefined, 'objects', 'must be an array of STIX objects');
  doc.objects.forEach((o, i) => checkObject(o, i, file));
  return doc.objects as StixObject[];
}

const STIX_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function checkObject(o: unknown, i: number, file: string): void {
  if (typeof o !== 'object' || o === null || Array.isArray(o))
    throw inputError(file, undefined, `objects[${i}]`, 'must be an object');
  const { type, id } = o as Record<string, unknown>;
  if (typeof type !== 'string' || !/^[a-z][a-z0-9-]{1,248}[a-z0-9]$/.test(type))
    throw inputError(file, undefined, `objects[${i}].type`, `is not a STIX type: ${JSON.stringify(type)}`);
  if (typeof id !== 'string' || !STIX_ID_PATTERN.test(id) || !id.startsWith(`${type}--`)) {
    throw inputError(file, undefined, `objects[${i}].id`, `must be "${type}--<UUID>", got ${JSON.stringify(id)}`);
  }
  // Every object is stored as received (the ledger keys versions on `modified`/`created`), so their types are checked
  // here, before anything of the bundle is written.
  for (const field of ['created', 'modified'] as const) {
    const value = (o as Record<string, unknown>)[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !STIX_TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
      throw inputError(
        file,
        undefined,
        `objects[${i}].${field}`,
        `must be a STIX timestamp (e.g. 2024-05-24T06:00:00.000Z), got ${JSON.stringify(value)}`,
      );
    }
    const problem = yearProblem(value);
    if (problem) throw inputError(file, undefined, `objects[${i}].${field}`, problem);
  }
  const spec = (o as Record<string, unknown>).spec_version;
  if (spec !== undefined && typeof spec !== 'string')
    throw inputError(file, undefined, `objects[${i}].spec_version`, 'must be a string');
  const refs = (o as Record<string, unknown>).object_marking_refs;
  if (refs !== undefined && (!Array.isArray(refs) || refs.some((r) => typeof r !== 'string'))) {
    throw inputError(file, undefined, `objects[${i}].object_marking_refs`, 'must be a list of marking-definition ids');
  }
}

/**
 * Sorts received objects into what Vigil uses (observations, assessments, alerts) and what it keeps unused.
 * Any object Vigil would use but cannot read throws (file: objects[i] (id): field: problem), so a caller writes
 * nothing from a bad bundle; an unknown type is never an error.
 */
export function readStixObjects(objects: readonly StixObject[], options: ReadOptions): IncomingContent {
  const content: IncomingContent = {
    observations: [],
    assessments: [],
    alerts: [],
    foreign: [],
    ignored: {},
    kinds: [],
    origins: new Map(),
  };
  const observedIds = new Set(objects.filter(hasObservationExtension).map((o) => o.id));
  objects.forEach((object, index) => {
    const tlp = tlpOfMarkingRefs(object.object_marking_refs) ?? options.defaultTlp;
    if (hasObservationExtension(object)) {
      content.observations.push(stixToObservation(object, { ...options, index, tlp }));
      content.kinds.push('observation');
      const origin = (object.extensions?.[VIGIL_OBSERVATION_EXTENSION_ID] as { observation_id?: unknown })
        .observation_id;
      if (typeof origin === 'string' && observedDataId(origin) === object.id)
        content.origins.set(object.id, { observationId: origin, createdBy: object.created_by_ref });
    } else if (object.type === VIGIL_ASSESSMENT_TYPE) {
      content.assessments.push({ object, tlp, value: stixToAssessment(object, options.file, index) });
      content.kinds.push('assessment');
    } else if (hasAlertExtension(object)) {
      content.alerts.push({ object, tlp, value: stixToAlert(object, options.file, index) });
      content.kinds.push('alert');
    } else if (SUPPORT_TYPES.has(object.type) || isEventReport(object, observedIds)) {
      content.ignored[object.type] = (content.ignored[object.type] ?? 0) + 1;
      content.kinds.push('support');
    } else {
      content.foreign.push({ object, tlp, value: object });
      content.ignored[object.type] = (content.ignored[object.type] ?? 0) + 1;
      content.kinds.push('foreign');
    }
  });
  return content;
}

/** A report that only points at Vigil observations travelling with it: their text, already in the observation. */
function isEventReport(object: StixObject, observedIds: ReadonlySet<string>): boolean {
  const refs = object.object_refs;
  return (
    object.type === 'report' &&
    Array.isArray(refs) &&
    refs.length > 0 &&
    refs.every((r) => observedIds.has(r as string))
  );
}
