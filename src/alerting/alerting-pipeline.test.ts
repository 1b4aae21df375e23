// The pipeline stages together over a real (in-memory) alert store: inhibit, silence, route, group, timers, escalation, ack.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../model/index.js';
import { acknowledge } from './acknowledgement.js';
import type { AlertStore } from './alert-store.js';
import type { AlertingConfig } from './alerting-config.js';
import { runAlertingCycle } from './alerting-pipeline.js';
import { alertingConfig, assessment, indicator } from './fixtures.contract.js';
import type { Notification } from './notification.js';
import { createSilence } from './silences.js';
import { openAlertStore } from './open-alert-store.js';

const at = (minutes: number) => new Date(Date.parse('2024-05-23T02:00:00.000Z') + minutes * 60_000).toISOString();
const ships = (state: string) =>
  indicator('ships', state, {
    name: 'PLA Navy ships',
    contributions: { H1: 1.4 },
    contribution: 1.2,
    observationIds: ['obs-ships-1'],
  });
const calm = assessment('2024-05-23', 1, 0.05, [ships('normal')]);
const alert4 = assessment('2024-05-23', 4, 0.45, [ships('high')]);
const shipsOnly = assessment('2024-05-23', 2, 0.1, [ships('high')]);

let store: AlertStore;
beforeEach(async () => {
  store = openAlertStore(':memory:');
  await store.migrate();
});
afterEach(() => store.close());

async function cycle(config: AlertingConfig, a: Assessment, now: string, previous = calm): Promise<Notification[]> {
  const result = runAlertingCycle(
    config,
    await store.loadSnapshot(now),
    { theatre: 'test', assessment: a, previous },
    now,
  );
  await store.commitCycle(result);
  return result.notifications;
}

const summary = (n: Notification) => [
  n.receivers.join('+'),
  n.mode,
  n.status,
  n.alerts
    .map((a) => `${a.labels.alertname}:${a.status}`)
    .sort()
    .join(','),
];

describe('alerting pipeline', () => {
  it('groups alerts of a theatre into one notification per route and receiver', async () => {
    const sent = await cycle(alertingConfig(), alert4, at(0));
    expect(sent.map(summary)).toEqual([['hook', 'realtime', 'firing', 'HypothesisH1:firing,LevelAlert:firing']]);
    expect(sent[0].groupLabels).toEqual({ theatre: 'test' });
    expect(sent[0].alerts.find((a) => a.labels.alertname === 'LevelAlert')?.playbook?.steps.map((s) => s.id)).toEqual([
      'brief',
      'cadence',
    ]);
  });

  it('inhibition holds: a theatre at ALERT mutes the indicator alert it explains, not one it does not', async () => {
    const config = alertingConfig();
    expect((await cycle(config, alert4, at(0))).flatMap((n) => n.alerts.map((a) => a.labels.alertname))).not.toContain(
      'ShipsHigh',
    );
    const other = alertingConfig({
      rules: [
        { name: 'LevelAlert', kind: 'level', at_least: 4, labels: { severity: 'high' } },
        {
          name: 'AirHigh',
          kind: 'indicator',
          indicators: ['air.count'],
          states: ['high'],
          labels: { severity: 'warning' },
        },
      ],
    });
    const unexplained = assessment('2024-05-23', 4, 0.45, [ships('high'), indicator('air.count', 'high')]);
    const fresh = openAlertStore(':memory:');
    await fresh.migrate();
    const result = runAlertingCycle(
      other,
      await fresh.loadSnapshot(at(0)),
      { theatre: 'test', assessment: unexplained, previous: calm },
      at(0),
    );
    await fresh.close();
    expect(result.notifications.flatMap((n) => n.alerts.map((a) => a.labels.alertname)).sort()).toEqual([
      'AirHigh',
      'LevelAlert',
    ]);
    expect(result.inhibited.size).toBe(0);
  });

  it('without the theatre alert, the indicator alert goes to the root receiver', async () => {
    const sent = await cycle(alertingConfig(), shipsOnly, at(0));
    expect(sent.map(summary)).toEqual([['term', 'realtime', 'firing', 'ShipsHigh:firing']]);
    expect(sent[0].alerts[0].explanation?.evidence[0]).toMatchObject({
      indicator: 'ships',
      observationIds: ['obs-ships-1'],
    });
  });

  it('a silence suppresses the alerts it matches while it is in force, and only those', async () => {
    const config = alertingConfig();
    await store.addSilence(
      createSilence(
        {
          matchers: ['alertname="HypothesisH1"'],
          startsAt: at(0),
          endsAt: at(12),
          createdBy: 'lin',
          comment: 'known exercise',
        },
        at(0),
      ),
    );
    const sent = await cycle(config, alert4, at(0));
    expect(sent.map(summary)).toEqual([['hook', 'realtime', 'firing', 'LevelAlert:firing']]);
    expect(await cycle(config, alert4, at(10))).toEqual([]);
    // When the silence ends the alert is news for the group.
    expect((await cycle(config, alert4, at(13))).map(summary)).toEqual([
      ['hook', 'realtime', 'firing', 'HypothesisH1:firing,LevelAlert:firing'],
    ]);
  });

  it('waits group_wait, then batches news until group_interval, re-sends after repeat_interval, and reports resolution', async () => {
    const config = alertingConfig({
      route: {
        receiver: 'term',
        group_by: ['theatre'],
        group_wait: '30s',
        group_interval: '5m',
        repeat_interval: '1h',
      },
      inhibit_rules: [],
    });
    expect(await cycle(config, shipsOnly, at(0))).toEqual([]);
    expect((await cycle(config, shipsOnly, at(0.5))).map(summary)).toEqual([
      ['term', 'realtime', 'firing', 'ShipsHigh:firing'],
    ]);
    expect(await cycle(config, alert4, at(1))).toEqual([]);
    expect((await cycle(config, alert4, at(5.5))).map(summary)).toEqual([
      ['term', 'realtime', 'firing', 'HypothesisH1:firing,LevelAlert:firing,ShipsHigh:firing'],
    ]);
    expect(await cycle(config, alert4, at(30))).toEqual([]);
    expect((await cycle(config, alert4, at(66))).map(summary)).toEqual([
      ['term', 'repeat', 'firing', 'HypothesisH1:firing,LevelAlert:firing,ShipsHigh:firing'],
    ]);
    expect((await cycle(config, calm, at(72))).map(summary)).toEqual([
      ['term', 'realtime', 'resolved', 'HypothesisH1:resolved,LevelAlert:resolved,ShipsHigh:resolved'],
    ]);
    expect((await store.loadSnapshot(at(73))).groups).toEqual([]);
  });

  it('routes with continue reach several receivers; the first match without continue stops the search', async () => {
    const config = alertingConfig({
      route: {
        receiver: 'term',
        group_by: ['alertname'],
        group_wait: '0s',
        routes: [
          { matchers: ['severity="high"'], receiver: 'hook', continue: true },
          { matchers: ['alertname="LevelAlert"'], receiver: 'mail' },
          { matchers: ['severity="high"'], receiver: 'term' },
        ],
      },
    });
    const sent = await cycle(config, alert4, at(0));
    expect(sent.map((n) => `${n.receivers}:${n.alerts[0].labels.alertname}`).sort()).toEqual([
      'hook:HypothesisH1',
      'hook:LevelAlert',
      'mail:LevelAlert',
      'term:HypothesisH1',
    ]);
  });

  it('holds non-realtime notifications through quiet hours and into digest slots; realtime severities go at once', async () => {
    const config = alertingConfig({
      route: {
        receiver: 'term',
        group_by: ['alertname'],
        group_wait: '0s',
        time_zone: 'Asia/Taipei',
        realtime_severities: ['high'],
        digest_interval: '6h',
        quiet_hours: [{ start: '09:00', end: '11:00' }],
      },
      inhibit_rules: [],
    });
    // 02:00Z is 10:00 in Taipei: quiet until 11:00, then the 12:00 digest slot.
    const sent = await cycle(config, alert4, at(0));
    expect(sent.map((n) => n.alerts[0].labels.alertname).sort()).toEqual(['HypothesisH1', 'LevelAlert']);
    const group = (await store.loadSnapshot(at(0))).groups.find((g) => g.labels.alertname === 'ShipsHigh');
    expect(group?.nextFlushAt).toBe('2024-05-23T04:00:00.000Z');
    expect(await cycle(config, alert4, at(119))).toEqual([]);
    expect((await cycle(config, alert4, at(120))).map(summary)).toEqual([
      ['term', 'digest', 'firing', 'ShipsHigh:firing'],
    ]);
  });

  it('escalates an unacknowledged alert to the next receiver after escalate_after, and acknowledging stops it', async () => {
    const config = alertingConfig({
      route: {
        receiver: 'term',
        group_by: ['alertname'],
        group_wait: '0s',
        group_interval: '1m',
        repeat_interval: '24h',
        routes: [
          { matchers: ['severity="high"'], receiver: 'hook', escalate_after: '15m', escalation: ['mail', 'term'] },
        ],
      },
    });
    const first = await cycle(config, alert4, at(0));
    expect(first.map((n) => `${n.receivers}:${n.alerts[0].labels.alertname}`).sort()).toEqual([
      'hook:HypothesisH1',
      'hook:LevelAlert',
    ]);
    expect(await cycle(config, alert4, at(14))).toEqual([]);
    const escalated = await cycle(config, alert4, at(15));
    expect(
      escalated.map((n) => [n.receivers.join(), n.mode, n.escalation?.step, n.alerts[0].labels.alertname]).sort(),
    ).toEqual([
      ['mail', 'escalation', 1, 'HypothesisH1'],
      ['mail', 'escalation', 1, 'LevelAlert'],
    ]);
    const level = first.find((n) => n.alerts[0].labels.alertname === 'LevelAlert')!.alerts[0];
    const ack = acknowledge((await store.findAlert(level.id))!, 'lin', 'on it', at(20));
    expect(ack.timeToAckMs).toBe(20 * 60_000);
    await store.addAcknowledgement(ack);
    const later = await cycle(config, alert4, at(30));
    expect(later.map((n) => [n.receivers.join(), n.escalation?.step, n.alerts[0].labels.alertname])).toEqual([
      ['term', 2, 'HypothesisH1'],
    ]);
    expect(await cycle(config, alert4, at(60))).toEqual([]);
  });
});
