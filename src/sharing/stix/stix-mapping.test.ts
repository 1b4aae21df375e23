import { NO_DECLARED_COVERAGE } from '../../analysis/coverage.js';
import { describe, expect, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../../test/support/analysis-fixtures.js';
import type { Alert } from '../../alerting/alert.js';
import type { Assessment } from '../../model/index.js';
import { createAssessor } from '../../analysis/assessor.js';
import { PointInTimeIndex } from '../../analysis/point-in-time-index.js';
import { getZone, parseDay } from '../../time/zone.js';
import { oasisValidator, sampleObservation } from '../sharing-fixtures.js';
import { TLP2_MARKING_IDS } from '../tlp/tlp-markings.js';
import { alertToStix, stixToAlert, summariseAlert } from './alert-to-stix.js';
import { assessmentToStix, stixToAssessment, summariseAssessment } from './assessment-to-stix.js';
import { buildBundle } from './build-bundle.js';
import { confidenceToCredibility, credibilityToConfidence } from './confidence.js';
import { observationToStix, seriesObjectId } from './observation-to-stix.js';
import { identityObject } from './producer-identity.js';
import { stixToObservation } from './stix-to-observation.js';
import { VIGIL_OBSERVATION_EXTENSION_ID } from './vigil-extensions.js';

const identity = {
  name: 'Org A',
  publicKey: 'ed25519:11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const producer = identityObject(identity);
const received = {
  file: 'bundle.json',
  index: 0,
  source: 'partner:a',
  tlp: 'green' as const,
  receivedAt: '2026-02-01T00:00:00.000Z',
};

function sampleAssessment(): Assessment {
  const pack = testPack();
  const observations = dailyCounts('test.aircraft', '2024-03-01', [...steady(40, 10), 60]);
  return createAssessor(pack, new PointInTimeIndex(observations, getZone(pack.timeZone)), NO_DECLARED_COVERAGE).assess(
    parseDay('2024-04-10'),
  );
}

const alert: Alert = {
  id: 'a1b2c3d4e5f6',
  fingerprint: 'f00dfeedf00dfeed',
  rule: 'level-warning',
  labels: { pack: 'test', severity: 'warning' },
  annotations: { summary: 'Warning level 3 on 2024-04-10', description: 'H1 rose sharply.' },
  explanation: {
    day: '2024-04-10',
    asOf: '2024-04-10T15:59:59.999Z',
    level: { from: 1, to: 3, name: 'WARNING' },
    moved: { id: 'H1', name: 'Exercise', from: 0.09, to: 0.4, delta: 0.31 },
    hypotheses: [],
    evidence: [],
  },
  playbook: null,
  status: 'firing',
  activeAt: '2024-04-10T16:00:00.000Z',
  firedAt: '2024-04-10T16:05:00.000Z',
  lastActiveAt: '2024-04-10T16:05:00.000Z',
  resolvedAt: null,
  value: 3,
};

describe('observations as observed-data', () => {
  it('carries series, value, unit, period, publication, source and grading in the Vigil extension, with its TLP marking', () => {
    const o = sampleObservation({ attributes: { convention: 'activity-day' } });
    const [observed] = observationToStix(o, producer.id);
    expect(observed).toMatchObject({
      type: 'observed-data',
      created: o.publishedAt,
      modified: o.publishedAt,
      first_observed: o.periodStart,
      last_observed: o.periodEnd,
      number_observed: 1,
      object_refs: [seriesObjectId('mnd.aircraft.total')],
      confidence: 90,
      created_by_ref: producer.id,
      object_marking_refs: [TLP2_MARKING_IDS.green],
      external_references: [{ source_name: 'mnd', url: o.sourceRef }],
    });
    expect(observed.extensions![VIGIL_OBSERVATION_EXTENSION_ID]).toEqual({
      extension_type: 'property-extension',
      observation_id: o.id,
      series: 'mnd.aircraft.total',
      value: 12,
      unit: 'aircraft',
      period_start: o.periodStart,
      period_end: o.periodEnd,
      published: o.publishedAt,
      source: 'mnd',
      source_ref: o.sourceRef,
      reliability: 'A',
      credibility: 1,
      attributes: { convention: 'activity-day' },
    });
  });

  it('keeps the same id on every re-export, and a different one for a revision', () => {
    const o = sampleObservation();
    expect(observationToStix(o, producer.id)).toEqual(observationToStix(o, producer.id));
    expect(observationToStix(sampleObservation({ value: 13 }), producer.id)[0].id).not.toBe(
      observationToStix(o, producer.id)[0].id,
    );
  });

  it('leaves value out and says why when it is missing (never zero), and round-trips', () => {
    const o = sampleObservation({ value: null, missingReason: 'no report that day', credibility: 6 });
    const [observed] = observationToStix(o, producer.id);
    const ext = observed.extensions![VIGIL_OBSERVATION_EXTENSION_ID];
    expect(ext.value).toBeUndefined();
    expect(ext.missing_reason).toBe('no report that day');
    expect(observed.confidence).toBeUndefined();
    const back = stixToObservation(observed, received);
    expect(back).toMatchObject({
      value: null,
      missingReason: 'no report that day',
      credibility: 6,
      source: 'partner:a',
      tlp: 'green',
      sourceRef: observed.id,
    });
  });

  it('round-trips every field, keeping the original source in attributes', () => {
    const o = sampleObservation({
      subject: 'evt-1',
      text: 'Exercise announced',
      geometry: { type: 'Point', coordinates: [120, 24] },
      credibility: 3,
      reliability: 'B',
    });
    const back = stixToObservation(observationToStix(o, producer.id)[0], received);
    expect(back).toEqual({
      series: o.series,
      subject: 'evt-1',
      value: 12,
      unit: 'aircraft',
      text: 'Exercise announced',
      geometry: o.geometry,
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      publishedAt: o.publishedAt,
      retrievedAt: received.receivedAt,
      source: 'partner:a',
      sourceRef: observationToStix(o, producer.id)[0].id,
      reliability: 'B',
      credibility: 3,
      tlp: 'green',
      attributes: { originSource: 'mnd' },
    });
  });

  it('adds a report for events (observations with a text) that points at the observed-data', () => {
    const [observed, report] = observationToStix(
      sampleObservation({ series: 'political.trigger.visit', text: 'Speaker visits Taipei', unit: 'events', value: 1 }),
      producer.id,
    );
    expect(report).toMatchObject({
      type: 'report',
      name: 'Speaker visits Taipei',
      object_refs: [observed.id],
      report_types: ['threat-report'],
    });
  });

  it('names the bad field of a malformed extension', () => {
    const [observed] = observationToStix(sampleObservation(), producer.id);
    const broken = {
      ...observed,
      extensions: {
        [VIGIL_OBSERVATION_EXTENSION_ID]: {
          ...observed.extensions![VIGIL_OBSERVATION_EXTENSION_ID],
          series: 'Not A Series',
        },
      },
    };
    expect(() => stixToObservation(broken, received)).toThrow(
      `bundle.json: objects[0] (${observed.id}): series: must be dotted lower-case words`,
    );
    const noUnit = { ...observed, extensions: { [VIGIL_OBSERVATION_EXTENSION_ID]: { series: 'a.b' } } };
    expect(() => stixToObservation(noUnit, received)).toThrow(/objects\[0\] .*\.unit: /);
  });
});

describe('Admiralty grading and STIX confidence (STIX 2.1 Appendix A, Admiralty Credibility)', () => {
  it.each([
    [1, 90],
    [2, 70],
    [3, 50],
    [4, 30],
    [5, 10],
    [6, undefined],
  ] as const)('credibility %s ↔ confidence %s', (credibility, confidence) => {
    expect(credibilityToConfidence(credibility)).toBe(confidence);
    expect(confidenceToCredibility(confidence)).toBe(credibility);
  });

  it('reads any confidence through the scale’s bands', () => {
    expect([100, 80, 79, 60, 59, 40, 39, 20, 19, 0].map(confidenceToCredibility)).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });
});

describe('assessments and alerts', () => {
  it('an assessment becomes a vigil-assessment object and back, with hypotheses, level, horizon, evidence and as-of', () => {
    const a = sampleAssessment();
    const shared = summariseAssessment(a);
    const object = assessmentToStix(shared, { producerId: producer.id, tlp: 'amber' });
    expect(object).toMatchObject({
      type: 'vigil-assessment',
      pack_id: 'test',
      day: '2024-04-10',
      as_of: a.asOf,
      level: a.level,
      horizon_days: 7,
      object_marking_refs: [TLP2_MARKING_IDS.amber],
    });
    expect((object.hypotheses as unknown[]).length).toBe(3);
    expect(shared.topEvidence.length).toBeGreaterThan(0);
    expect(stixToAssessment(JSON.parse(JSON.stringify(object)), 'b.json', 3)).toEqual(shared);
  });

  it('an alert becomes a report with the alert extension and back', () => {
    const object = alertToStix(summariseAlert(alert), { producerId: producer.id, tlp: 'green', refs: [] });
    expect(object).toMatchObject({
      type: 'report',
      name: 'Warning level 3 on 2024-04-10',
      published: alert.firedAt,
      object_refs: [producer.id],
      labels: ['vigil-alert'],
    });
    expect(stixToAlert(JSON.parse(JSON.stringify(object)), 'b.json', 0)).toEqual(summariseAlert(alert));
  });
});

describe('bundles', () => {
  it('hold the producer, markings, extension definitions and series, and the same data gives the same bundle', () => {
    const objects = [
      ...observationToStix(sampleObservation(), producer.id),
      ...observationToStix(
        sampleObservation({ tlp: 'amber', value: 5, series: 'mnd.ships.total', unit: 'ships' }),
        producer.id,
      ),
    ];
    const bundle = buildBundle(objects, producer);
    expect(bundle.objects.map((o) => o.type)).toEqual([
      'identity',
      'marking-definition',
      'marking-definition',
      'marking-definition',
      'extension-definition',
      'extension-definition',
      'vigil-series',
      'vigil-series',
      'observed-data',
      'observed-data',
    ]);
    expect(JSON.stringify(buildBundle(objects, producer))).toBe(JSON.stringify(bundle));
  });

  it('every object Vigil emits validates against the OASIS STIX 2.1 schemas', () => {
    const objects = [
      ...observationToStix(sampleObservation({ attributes: { a: 1, b: null } }), producer.id),
      ...observationToStix(
        sampleObservation({ value: null, missingReason: 'x', credibility: 6, tlp: 'red', sourceRef: 'file.csv:3' }),
        producer.id,
      ),
      ...observationToStix(
        sampleObservation({
          series: 'political.trigger.visit',
          text: 'Visit',
          subject: 's',
          tlp: 'clear',
          geometry: { type: 'Point', coordinates: [1, 2] },
        }),
        producer.id,
      ),
      assessmentToStix(summariseAssessment(sampleAssessment()), { producerId: producer.id, tlp: 'amber+strict' }),
      alertToStix(summariseAlert(alert), { producerId: producer.id, tlp: 'green', refs: [] }),
      alertToStix(summariseAlert({ ...alert, explanation: null, annotations: {}, firedAt: null }), {
        producerId: producer.id,
        tlp: 'amber',
        refs: [producer.id],
      }),
    ];
    const bundle = buildBundle(objects, producer);
    expect(new Set(bundle.objects.map((o) => o.type))).toEqual(
      new Set([
        'identity',
        'marking-definition',
        'extension-definition',
        'vigil-series',
        'observed-data',
        'report',
        'vigil-assessment',
      ]),
    );
    expect(oasisValidator().validateBundle(bundle)).toEqual([]);
  });

  it('the validator is not a rubber stamp', () => {
    const [observed] = observationToStix(sampleObservation(), producer.id);
    expect(oasisValidator().validate({ ...observed, number_observed: 0 })).not.toEqual([]);
    expect(oasisValidator().validate({ ...observed, confidence: 101 })).not.toEqual([]);
    expect(oasisValidator().validate({ ...observed, created: '2024-05-01T00:00:00Z' })).not.toEqual([]);
    expect(
      oasisValidator().validate({ ...observed, object_refs: ['identity--2ed6657d-e927-568b-95e1-2665a8aea6a2'] }),
    ).not.toEqual([]);
  });
});
