// Golden file for a STIX bundle holding observations, an assessment and an alert: any change to the mapping shows as a diff.
import { NO_DECLARED_COVERAGE } from '../../analysis/coverage.js';
import { describe, it } from 'vitest';
import { dailyCounts, steady, testPack } from '../../../test/support/analysis-fixtures.js';
import { expectGolden } from '../../../test/support/golden.js';
import type { Alert } from '../../alerting/alert.js';
import { createAssessor } from '../../analysis/assessor.js';
import { PointInTimeIndex } from '../../analysis/point-in-time-index.js';
import { getZone, parseDay } from '../../time/zone.js';
import { sampleObservation } from '../sharing-fixtures.js';
import { alertToStix, summariseAlert } from './alert-to-stix.js';
import { assessmentToStix, summariseAssessment } from './assessment-to-stix.js';
import { buildBundle } from './build-bundle.js';
import { observationToStix } from './observation-to-stix.js';
import { identityObject } from './producer-identity.js';

const producer = identityObject({
  name: 'Org A',
  publicKey: 'ed25519:11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  createdAt: '2026-01-01T00:00:00.000Z',
});

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
    evidence: [
      {
        indicator: 'air.count',
        name: 'Aircraft',
        state: 'high',
        value: 60,
        baseline: 10,
        dataDay: '2024-04-09',
        contribution: 1.2,
        observationIds: ['obs-1'],
      },
    ],
  },
  playbook: null,
  status: 'firing',
  activeAt: '2024-04-10T16:00:00.000Z',
  firedAt: '2024-04-10T16:05:00.000Z',
  lastActiveAt: '2024-04-10T16:05:00.000Z',
  resolvedAt: null,
  value: 3,
};

describe('STIX bundle golden', () => {
  it('observations, an assessment and an alert give the committed bundle byte for byte', () => {
    const pack = testPack();
    const observations = dailyCounts('test.aircraft', '2024-03-01', [...steady(40, 10), 60]);
    const assessment = createAssessor(
      pack,
      new PointInTimeIndex(observations, getZone(pack.timeZone)),
      NO_DECLARED_COVERAGE,
    ).assess(parseDay('2024-04-10'));
    const objects = [
      ...observationToStix(sampleObservation(), producer.id),
      ...observationToStix(
        sampleObservation({
          value: null,
          missingReason: 'not reported',
          tlp: 'amber',
          series: 'mnd.ships.total',
          unit: 'ships',
        }),
        producer.id,
      ),
      assessmentToStix(summariseAssessment(assessment), { producerId: producer.id, tlp: 'amber' }),
      alertToStix(summariseAlert(alert), { producerId: producer.id, tlp: 'green', refs: [] }),
    ];
    expectGolden(`${JSON.stringify(buildBundle(objects, producer), null, 2)}\n`, 'stix-bundle.json');
  });
});
