// Golden file for the plain-text notification body (e-mail and terminal) and its subject line.
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../../test/support/golden.js';
import { ENVELOPE_VERSION, type NotificationEnvelope } from './notification.js';
import { notificationSubject, renderNotificationText } from './render-notification.js';

const envelope: NotificationEnvelope = {
  version: ENVELOPE_VERSION,
  id: 'n-0001',
  groupKey: '{}:{pack="taiwan-strait"}',
  routeId: 'root',
  groupLabels: { pack: 'taiwan-strait' },
  commonLabels: { pack: 'taiwan-strait', theatre: 'taiwan-strait' },
  receivers: ['ops-mail'],
  status: 'firing',
  mode: 'escalation',
  escalation: { step: 2, of: 3 },
  createdAt: '2024-05-24T16:05:00.000Z',
  deliveryId: 'd-0001',
  idempotencyKey: 'n-0001:ops-mail',
  receiver: 'ops-mail',
  attempt: 1,
  sentAt: '2024-05-24T16:05:01.000Z',
  alerts: [
    {
      id: 'a1b2c3d4e5f6',
      fingerprint: 'f00dfeedf00dfeed',
      status: 'firing',
      labels: { alertname: 'LevelAlert', pack: 'taiwan-strait', theatre: 'taiwan-strait', severity: 'critical' },
      annotations: {
        summary: 'ALERT on 2024-05-24',
        summary_zh: '2024-05-24 預警等級為警報',
        description: 'H1 rose sharply.',
        description_zh: 'H1 急升。',
        runbook: 'https://example.org/runbook',
      },
      explanation: {
        day: '2024-05-24',
        asOf: '2024-05-24T15:59:59.999Z',
        level: { from: 2, to: 4, name: 'ALERT' },
        moved: { id: 'H1', name: 'Major coercive exercise', from: 0.06, to: 0.71, delta: 0.65 },
        hypotheses: [
          { id: 'H0', name: 'Routine', from: 0.93, to: 0.27, delta: -0.66 },
          { id: 'H1', name: 'Major coercive exercise', from: 0.06, to: 0.71, delta: 0.65 },
          { id: 'H2', name: 'Quarantine or blockade', from: 0.01, to: 0.012, delta: 0.002 },
        ],
        evidence: [
          {
            indicator: 'air.total',
            name: 'PLA aircraft around Taiwan',
            state: 'extreme',
            value: 49,
            baseline: 12.25,
            dataDay: '2024-05-23',
            contribution: 2.31,
            observationIds: ['o1', 'o2', 'o3', 'o4'],
          },
          {
            indicator: 'political',
            name: 'Inauguration',
            state: 'recent',
            value: null,
            baseline: null,
            dataDay: '2024-05-20',
            contribution: -0.4,
            observationIds: [],
          },
        ],
      },
      startsAt: '2024-05-24T16:00:00.000Z',
      firedAt: '2024-05-24T16:05:00.000Z',
      endsAt: null,
      acknowledged: null,
      playbook: {
        id: 'surge',
        title: 'Air surge',
        titleZh: '共機激增',
        steps: [
          {
            id: 'confirm',
            text: 'Confirm the MND figure',
            textZh: '查證國防部數字',
            tickedBy: 'analyst',
            tickedAt: '2024-05-24T16:10:00.000Z',
          },
          { id: 'brief', text: 'Brief the duty officer', tickedBy: null, tickedAt: null },
        ],
      },
    },
    {
      id: 'b2c3d4e5f6a1',
      fingerprint: 'feedf00dfeedf00d',
      status: 'resolved',
      labels: { alertname: 'HypothesisH2', pack: 'taiwan-strait', theatre: 'taiwan-strait' },
      annotations: { summary: 'H2 back below 5 %', summary_zh: 'H2 回落至 5 % 以下' },
      explanation: null,
      startsAt: '2024-05-20T16:00:00.000Z',
      firedAt: '2024-05-20T16:05:00.000Z',
      endsAt: '2024-05-23T16:00:00.000Z',
      acknowledged: { by: 'duty', at: '2024-05-21T08:00:00.000Z', comment: 'seen' },
      playbook: null,
    },
  ],
};

describe('notification body golden', () => {
  it('the subject and plain-text body of an escalation with evidence, playbook and acknowledgement', () => {
    // As the e-mail receiver sends it: both languages, times local to the theatre's zone.
    expectGolden(
      `Subject: ${notificationSubject(envelope)}\n\n${renderNotificationText(envelope, { timeZone: 'Asia/Taipei' })}`,
      'notification-body.txt',
    );
  });

  it('a subject with one alert carries its summary; with several, only the rule names', () => {
    const one = { ...envelope, alerts: envelope.alerts.slice(0, 1) };
    expect(notificationSubject(one)).toBe(
      `[VIGIL FIRING:1 ESCALATION 2/3] LevelAlert · taiwan-strait — ${envelope.alerts[0].annotations.summary}`,
    );
    expect(notificationSubject(envelope)).not.toContain(' — ');
  });

  it('the terminal rendering with colour', () => {
    expectGolden(renderNotificationText(envelope, { colour: true }), 'notification-body-colour.txt');
  });
});
