// Maps a stored observation to STIX: an observed-data carrying the Vigil observation extension, plus a report for events.
import type { Observation, Tlp } from '../../model/index.js';
import { canonicalJson } from '../signing/canonical-json.js';
import { TLP2_MARKING_IDS } from '../tlp/tlp-markings.js';
import { credibilityToConfidence } from './confidence.js';
import type { StixObject } from './stix-types.js';
import { STIX_SCO_NAMESPACE, stixId, uuidV5 } from './uuid5.js';
import { VIGIL_OBSERVATION_EXTENSION_ID, VIGIL_SERIES_EXTENSION_ID, VIGIL_SERIES_TYPE } from './vigil-extensions.js';

export function observedDataId(observationId: string): string {
  return stixId('observed-data', observationId);
}

export function eventReportId(observationId: string): string {
  return stixId('report', `event|${observationId}`);
}

const seriesIds = new Map<string, string>();

/** SCO ids are UUIDv5 of the canonical ID-contributing properties in the STIX namespace (STIX 2.1 §2.9). */
export function seriesObjectId(series: string): string {
  let id = seriesIds.get(series);
  if (id === undefined) {
    id = `${VIGIL_SERIES_TYPE}--${uuidV5(STIX_SCO_NAMESPACE, canonicalJson({ name: series }))}`;
    if (seriesIds.size < 10_000) seriesIds.set(series, id);
  }
  return id;
}

/** The series SCO, marked like the least restricted object that refers to it in the same output. */
export function seriesObject(series: string, tlp: Tlp): StixObject {
  return {
    type: VIGIL_SERIES_TYPE,
    spec_version: '2.1',
    id: seriesObjectId(series),
    name: series,
    object_marking_refs: [TLP2_MARKING_IDS[tlp]],
    extensions: { [VIGIL_SERIES_EXTENSION_ID]: { extension_type: 'new-sco' } },
  };
}

/**
 * One observation as STIX objects: its observed-data, and when it carries a text (a trigger event, an announcement)
 * also a report named by that text and pointing at it. Each revision of a claim is its own observed-data (id from
 * the observation's content hash), so ids are stable across re-exports and no reader learns of revisions it may
 * not see. Properties are only ever added (never deleted), which keeps the objects fast to serialise.
 */
export function observationToStix(o: Observation, producerId: string): StixObject[] {
  const marking = [TLP2_MARKING_IDS[o.tlp]];
  const confidence = credibilityToConfidence(o.credibility);
  const references = externalReferences(o);
  const extension: Record<string, unknown> = {
    extension_type: 'property-extension',
    observation_id: o.id,
    series: o.series,
  };
  if (o.subject !== undefined) extension.subject = o.subject;
  if (o.value !== null) extension.value = o.value;
  else extension.missing_reason = o.missingReason;
  extension.unit = o.unit;
  if (o.text !== undefined) extension.text = o.text;
  if (o.geometry !== undefined) extension.geometry = o.geometry;
  extension.period_start = o.periodStart;
  extension.period_end = o.periodEnd;
  extension.published = o.publishedAt;
  extension.source = o.source;
  if (o.sourceRef !== undefined) extension.source_ref = o.sourceRef;
  extension.reliability = o.reliability;
  extension.credibility = o.credibility;
  if (o.attributes !== undefined && Object.keys(o.attributes).length > 0) extension.attributes = o.attributes;
  const observed: StixObject = {
    type: 'observed-data',
    spec_version: '2.1',
    id: observedDataId(o.id),
    created_by_ref: producerId,
    created: o.publishedAt,
    modified: o.publishedAt,
    first_observed: o.periodStart,
    last_observed: o.periodEnd,
    number_observed: 1,
    object_refs: [seriesObjectId(o.series)],
  };
  if (confidence !== undefined) observed.confidence = confidence;
  if (references !== undefined) observed.external_references = references;
  observed.object_marking_refs = marking;
  observed.extensions = { [VIGIL_OBSERVATION_EXTENSION_ID]: extension };
  if (o.text === undefined || o.text.trim() === '') return [observed];
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: eventReportId(o.id),
    created_by_ref: producerId,
    created: o.publishedAt,
    modified: o.publishedAt,
    name: o.text,
    description: `${o.series} (${o.source}), ${o.periodStart} to ${o.periodEnd}`,
    report_types: ['threat-report'],
    published: o.publishedAt,
    object_refs: [observed.id],
  };
  if (confidence !== undefined) report.confidence = confidence;
  if (references !== undefined) report.external_references = references;
  report.object_marking_refs = marking;
  return [observed, report];
}

function externalReferences(o: Observation): { source_name: string; url: string }[] | undefined {
  return o.sourceRef !== undefined && /^https?:\/\//.test(o.sourceRef)
    ? [{ source_name: o.source, url: o.sourceRef }]
    : undefined;
}

/** STIX properties may not be null or absent-but-present; drop undefined members. */
export function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value;
}
