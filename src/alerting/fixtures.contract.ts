// Builders for alerting tests (assessments, configs, alerts); the .contract.ts suffix keeps them out of the build like the suites.
import type { Assessment, HypothesisAssessment, IndicatorAssessment, WarningLevel } from '../model/index.js';
import { LEVEL_NAMES } from '../model/index.js';
import type { AlertingConfig } from './alerting-config.js';
import { validateAlertingConfig } from './load-alerting-config.js';

export function indicator(
  id: string,
  state: string,
  overrides: Partial<IndicatorAssessment> = {},
): IndicatorAssessment {
  return {
    id,
    name: `Indicator ${id}`,
    domain: id.split('.')[0],
    group: id,
    role: 'lead',
    state,
    value: 10,
    baseline: 5,
    band: null,
    score: 3,
    dataDay: '2024-05-23',
    weight: 1,
    logLr: {},
    contributions: {},
    contribution: 0,
    observationIds: [`obs-${id}`],
    ...overrides,
  };
}

/** An assessment of the test theatre on `day` at `level` with H1 at `h1` (H0 takes the rest but 1 %). */
export function assessment(
  day: string,
  level: WarningLevel,
  h1: number,
  indicators: IndicatorAssessment[] = [],
): Assessment {
  const hypotheses: HypothesisAssessment[] = [
    { id: 'H0', name: 'Routine', prior: 0.9, probability: 0.99 - h1, baseline: true },
    { id: 'H1', name: 'Exercise', prior: 0.09, probability: h1, baseline: false },
    { id: 'H2', name: 'Blockade', prior: 0.01, probability: 0.01, baseline: false },
  ];
  const end = new Date(`${day}T16:00:00.000Z`);
  return {
    packId: 'test',
    asOf: end.toISOString(),
    day,
    level,
    levelName: LEVEL_NAMES[level],
    rawLevel: level,
    pEvent7d: 0.1,
    horizonDays: 7,
    hypotheses,
    indicators,
    leadLogLr: 0,
    concurrentLogLr: 0,
    watch: false,
    knowledge: { state: 'ok', reporting: 1, minReporting: 1, core: ['air.count'], notReporting: [] },
  };
}

/** A valid alerting file for the test pack, with `patch` applied on top (for one-field variations). */
export function alertingDocument(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: 'vigil.alerting/1',
    rules: [
      { name: 'LevelAlert', kind: 'level', at_least: 4, labels: { severity: 'high' }, playbook: 'alert' },
      { name: 'HypothesisH1', kind: 'hypothesis', hypothesis: 'H1', above: 0.3, labels: { severity: 'high' } },
      {
        name: 'ShipsHigh',
        kind: 'indicator',
        indicators: ['ships'],
        states: ['high'],
        labels: { severity: 'warning' },
      },
    ],
    receivers: [
      { name: 'hook', type: 'webhook', url: 'http://127.0.0.1:9/hook', secret: 'test-secret-0123456789' },
      {
        name: 'mail',
        type: 'email',
        host: '127.0.0.1',
        port: 2525,
        from: 'vigil@example.org',
        to: ['duty@example.org'],
      },
      { name: 'term', type: 'terminal' },
    ],
    route: {
      receiver: 'term',
      group_by: ['theatre'],
      group_wait: '0s',
      group_interval: '1m',
      repeat_interval: '4h',
      routes: [
        { matchers: ['severity=~"high|critical"'], receiver: 'hook', escalate_after: '15m', escalation: ['mail'] },
      ],
    },
    inhibit_rules: [
      {
        source_matchers: ['alertname="LevelAlert"'],
        target_matchers: ['kind="indicator"'],
        equal: ['theatre'],
        explained: true,
      },
    ],
    playbooks: {
      alert: {
        title: 'Theatre at ALERT',
        steps: [
          { id: 'brief', text: 'Brief the duty director' },
          { id: 'cadence', text: 'Report every 6 hours' },
        ],
      },
    },
    ...patch,
  };
}

export function alertingConfig(patch: Record<string, unknown> = {}): AlertingConfig {
  return validateAlertingConfig(alertingDocument(patch), 'test-alerting.yaml');
}
