// The STIX extension-definition objects for what Vigil adds to STIX: observation values, series, assessments, alerts.
import { tlpMarkingDefinition } from '../tlp/tlp-markings.js';
import type { StixObject } from './stix-types.js';
import { stixId } from './uuid5.js';

/** When these definitions were written; part of their content, so it never changes for version 1.0.0. */
const DEFINED_AT = '2026-11-24T00:00:00.000Z';
const SCHEMA_DOC = 'Vigil docs/sharing.md';

export const VIGIL_OBSERVATION_EXTENSION_ID = stixId('extension-definition', 'vigil-observation/1');
export const VIGIL_SERIES_EXTENSION_ID = stixId('extension-definition', 'vigil-series/1');
export const VIGIL_ASSESSMENT_EXTENSION_ID = stixId('extension-definition', 'vigil-assessment/1');
export const VIGIL_ALERT_EXTENSION_ID = stixId('extension-definition', 'vigil-alert/1');
export const VIGIL_WARNING_EXTENSION_ID = stixId('extension-definition', 'vigil-warning/1');

export const VIGIL_SERIES_TYPE = 'vigil-series';
export const VIGIL_ASSESSMENT_TYPE = 'vigil-assessment';

function definition(id: string, name: string, description: string, types: string[], section: string): StixObject {
  return {
    type: 'extension-definition',
    spec_version: '2.1',
    id,
    created: DEFINED_AT,
    modified: DEFINED_AT,
    name,
    description,
    schema: `${SCHEMA_DOC}, section "${section}"`,
    version: '1.0.0',
    extension_types: types,
    object_marking_refs: [tlpMarkingDefinition('clear').id],
  };
}

export const VIGIL_EXTENSION_DEFINITIONS: Readonly<Record<string, StixObject>> = {
  [VIGIL_OBSERVATION_EXTENSION_ID]: definition(
    VIGIL_OBSERVATION_EXTENSION_ID,
    'Vigil observation',
    'A point-in-time observation on observed-data: series, value (or the reason it is missing), unit, report period, publication time, source and Admiralty grading.',
    ['property-extension'],
    'Observations',
  ),
  [VIGIL_SERIES_EXTENSION_ID]: definition(
    VIGIL_SERIES_EXTENSION_ID,
    'Vigil series',
    'A cyber-observable naming the indicator series an observed-data measured (e.g. mnd.aircraft.total); id is UUIDv5 of {"name": series}.',
    ['new-sco'],
    'Observations',
  ),
  [VIGIL_ASSESSMENT_EXTENSION_ID]: definition(
    VIGIL_ASSESSMENT_EXTENSION_ID,
    'Vigil assessment',
    'A course-of-action assessment: hypothesis probabilities, warning level, horizon, top evidence and the as-of time.',
    ['new-sdo'],
    'Assessments',
  ),
  [VIGIL_ALERT_EXTENSION_ID]: definition(
    VIGIL_ALERT_EXTENSION_ID,
    'Vigil alert',
    'An alert on a report: rule, labels, status, warning level and which hypothesis moved by how much.',
    ['property-extension'],
    'Alerts',
  ),
  [VIGIL_WARNING_EXTENSION_ID]: definition(
    VIGIL_WARNING_EXTENSION_ID,
    'Vigil formal warning',
    'A formal warning on a report: key judgement, likelihood in ICD 203 words with its numeric range, analytic confidence, horizon, status, and the machine assessment it was made against.',
    ['property-extension'],
    'Warnings',
  ),
};

export function isVigilExtensionId(id: string): boolean {
  return Object.hasOwn(VIGIL_EXTENSION_DEFINITIONS, id);
}
