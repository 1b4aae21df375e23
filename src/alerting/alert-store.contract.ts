// The AlertStore contract: every adapter (SQLite, PostgreSQL) runs this one suite unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from './alert.js';
import type { AlertGroup } from './alert-group.js';
import type { AlertStore, CycleCommit } from './alert-store.js';
import type { Notification } from './notification.js';
import type { Silence } from './silences.js';

const T0 = '2024-05-20T01:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export function contractAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'a1b2c3d4e5f6',
    fingerprint: 'f1',
    rule: 'LevelAlert',
    labels: { alertname: 'LevelAlert', severity: 'high' },
    annotations: { summary: 'theatre at ALERT (4)' },
    explanation: null,
    playbook: null,
    status: 'firing',
    activeAt: T0,
    firedAt: T0,
    lastActiveAt: T0,
    resolvedAt: null,
    value: 4,
    ...overrides,
  };
}

export function contractNotification(overrides: Partial<Notification> = {}): Notification {
  return {
    id: 'n1',
    groupKey: 'root|g1',
    routeId: 'root',
    groupLabels: {},
    commonLabels: {},
    receivers: ['hook', 'mail'],
    status: 'firing',
    mode: 'realtime',
    escalation: null,
    alerts: [],
    createdAt: T0,
    ...overrides,
  };
}

const group: AlertGroup = {
  key: 'root|g1',
  routeId: 'root',
  labels: {},
  createdAt: T0,
  nextFlushAt: null,
  nextFlushMode: null,
  lastFlushAt: T0,
  notified: { a1b2c3d4e5f6: 'firing' },
  escalationStep: 0,
  escalationSince: T0,
};

const emptyCommit: CycleCommit = { alerts: [], transitions: [], groups: [], deletedGroups: [], notifications: [] };

export function runAlertStoreContract(
  name: string,
  create: () => Promise<AlertStore>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`AlertStore contract: ${name}`, () => {
    const open: AlertStore[] = [];
    const fresh = async () => {
      const store = await create();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => s.close()));
    });

    it('commits a cycle and loads it back: active alerts, groups, the alerts groups still refer to', async () => {
      const store = await fresh();
      const resolved = contractAlert({ id: 'resolved0001', fingerprint: 'f2', status: 'resolved', resolvedAt: at(5) });
      const forgotten = contractAlert({ id: 'forgotten001', fingerprint: 'f3', status: 'resolved', resolvedAt: at(5) });
      await store.commitCycle({
        ...emptyCommit,
        alerts: [contractAlert(), resolved, forgotten],
        groups: [{ ...group, notified: { a1b2c3d4e5f6: 'firing', resolved0001: 'firing' } }],
        transitions: [
          { alertId: 'a1b2c3d4e5f6', fingerprint: 'f1', rule: 'LevelAlert', from: 'new', to: 'firing', at: T0 },
        ],
        meta: { lastDay: '2024-05-20' },
      });
      const snapshot = await store.loadSnapshot(at(10));
      expect(snapshot.alerts.map((a) => a.id).sort()).toEqual(['a1b2c3d4e5f6', 'resolved0001']);
      expect(snapshot.alerts.find((a) => a.id === 'a1b2c3d4e5f6')).toEqual(contractAlert());
      expect(snapshot.groups).toEqual([{ ...group, notified: { a1b2c3d4e5f6: 'firing', resolved0001: 'firing' } }]);
      expect(await store.getMeta('lastDay')).toBe('2024-05-20');
      expect(await store.getMeta('missing')).toBeUndefined();
      const transitions = await store.listTransitions();
      expect(transitions.map((t) => [t.alertId, t.from, t.to])).toEqual([['a1b2c3d4e5f6', 'new', 'firing']]);
      expect(await store.listTransitions({ afterSeq: transitions[0].seq })).toEqual([]);
    });

    it('updates alerts in place and deletes groups', async () => {
      const store = await fresh();
      await store.commitCycle({ ...emptyCommit, alerts: [contractAlert()], groups: [group] });
      await store.commitCycle({
        ...emptyCommit,
        alerts: [contractAlert({ status: 'resolved', resolvedAt: at(3) })],
        deletedGroups: [group.key],
      });
      const snapshot = await store.loadSnapshot(at(4));
      expect(snapshot.alerts).toEqual([]);
      expect(snapshot.groups).toEqual([]);
      expect((await store.listAlerts()).map((a) => [a.id, a.status])).toEqual([['a1b2c3d4e5f6', 'resolved']]);
      expect(await store.listAlerts({ status: ['firing'] })).toEqual([]);
    });

    it('writes a cycle all or nothing', async () => {
      const store = await fresh();
      const bad = { ...contractAlert({ id: 'bad000000001' }), status: 'exploded' } as unknown as Alert;
      await expect(
        store.commitCycle({ ...emptyCommit, alerts: [contractAlert(), bad], notifications: [contractNotification()] }),
      ).rejects.toThrow();
      expect(await store.listAlerts()).toEqual([]);
      expect(await store.listNotifications()).toEqual([]);
      expect(await store.listOutbox()).toEqual([]);
    });

    it('logs each notification once and queues it once per receiver, even when committed twice', async () => {
      const store = await fresh();
      await store.commitCycle({ ...emptyCommit, notifications: [contractNotification()] });
      await store.commitCycle({ ...emptyCommit, notifications: [contractNotification()] });
      const log = await store.listNotifications();
      expect(log.map((n) => n.id)).toEqual(['n1']);
      expect(log[0].receivers).toEqual(['hook', 'mail']);
      const outbox = await store.listOutbox();
      expect(outbox.map((e) => [e.receiver, e.status, e.attempts])).toEqual([
        ['hook', 'pending', 0],
        ['mail', 'pending', 0],
      ]);
      expect(outbox[0].notification).toEqual(contractNotification());
      expect(new Set(outbox.map((e) => e.id)).size).toBe(2);
    });

    it('leases due outbox entries, counts attempts, and hands an entry out again only after its lease or its backoff', async () => {
      const store = await fresh();
      await store.commitCycle({ ...emptyCommit, notifications: [contractNotification()] });
      const claimed = await store.claimOutbox({ now: T0, leaseMs: 60_000, limit: 10, receiver: 'hook' });
      expect(claimed.map((e) => [e.receiver, e.attempts])).toEqual([['hook', 1]]);
      expect(await store.claimOutbox({ now: at(0.5), leaseMs: 60_000, limit: 10, receiver: 'hook' })).toEqual([]);
      // A sender that crashed never reports back: the lease runs out and the entry is handed out again.
      expect(
        (await store.claimOutbox({ now: at(1), leaseMs: 60_000, limit: 10, receiver: 'hook' })).map((e) => e.attempts),
      ).toEqual([2]);
      await store.markFailed(claimed[0].id, 'connection refused', at(5));
      expect(await store.claimOutbox({ now: at(4), leaseMs: 60_000, limit: 10, receiver: 'hook' })).toEqual([]);
      expect(await store.receiverHealth()).toEqual([
        { receiver: 'hook', attempts: 2, pendingSince: T0, lastError: 'connection refused' },
      ]);
      const again = await store.claimOutbox({ now: at(5), leaseMs: 60_000, limit: 10 });
      expect(again.map((e) => [e.receiver, e.attempts]).sort()).toEqual([
        ['hook', 3],
        ['mail', 1],
      ]);
      await store.markDelivered(again.map((e, i) => ({ id: e.id, at: at(5 + i) })));
      expect(await store.claimOutbox({ now: at(60), leaseMs: 60_000, limit: 10 })).toEqual([]);
      expect(await store.receiverHealth()).toEqual([]);
      expect((await store.listOutbox({ status: 'delivered' })).map((e) => e.deliveredAt).sort()).toEqual([
        at(5),
        at(6),
      ]);
    });

    it('lists only the outbox entries no lane could claim at an instant (not yet due, or leased), oldest first', async () => {
      const store = await fresh();
      await store.commitCycle({
        ...emptyCommit,
        notifications: [contractNotification(), { ...contractNotification(), id: 'n2', createdAt: at(1) }],
      });
      const [leased] = await store.claimOutbox({ now: at(2), leaseMs: 60_000, limit: 1, receiver: 'hook' });
      await store.markFailed(
        (await store.claimOutbox({ now: at(2), leaseMs: 60_000, limit: 1, receiver: 'mail' }))[0].id,
        'refused',
        at(30),
      );
      const waiting = await store.listOutbox({ status: 'pending', waitingAt: at(2.5) });
      expect(waiting.map((e) => [e.notificationId, e.receiver])).toEqual([
        [leased.notificationId, 'hook'],
        ['n1', 'mail'],
      ]);
      // Past the lease and the backoff every entry is claimable again: none is waiting.
      expect(await store.listOutbox({ status: 'pending', waitingAt: at(90) })).toEqual([]);
      expect(await store.listOutbox({ status: 'pending', receiver: 'mail', waitingAt: at(2.5) })).toHaveLength(1);
      // A lane leaves its own claim out.
      expect(
        (await store.listOutbox({ status: 'pending', waitingAt: at(2.5), exceptIds: [leased.id] })).map(
          (e) => e.receiver,
        ),
      ).toEqual(['mail']);
    });

    it('finds alerts by id or unique prefix and refuses an ambiguous one', async () => {
      const store = await fresh();
      await store.commitCycle({
        ...emptyCommit,
        alerts: [contractAlert({ id: 'abcd11110000' }), contractAlert({ id: 'abcd22220000', fingerprint: 'f9' })],
      });
      expect((await store.findAlert('abcd1111'))?.id).toBe('abcd11110000');
      expect((await store.findAlert('abcd22220000'))?.id).toBe('abcd22220000');
      expect(await store.findAlert('ffff')).toBeUndefined();
      await expect(store.findAlert('abcd')).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
    });

    it('records one acknowledgement per alert and the first tick of each playbook step', async () => {
      const store = await fresh();
      await store.addAcknowledgement({
        alertId: 'a1b2c3d4e5f6',
        by: 'lin',
        comment: 'on it',
        at: at(7),
        timeToAckMs: 420_000,
      });
      await expect(
        store.addAcknowledgement({ alertId: 'a1b2c3d4e5f6', by: 'wu', comment: '', at: at(8), timeToAckMs: 480_000 }),
      ).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
      expect(await store.listAcknowledgements(['a1b2c3d4e5f6', 'other'])).toEqual([
        { alertId: 'a1b2c3d4e5f6', by: 'lin', comment: 'on it', at: at(7), timeToAckMs: 420_000 },
      ]);
      expect(
        await store.addPlaybookTick({
          alertId: 'a1b2c3d4e5f6',
          playbook: 'alert',
          step: 'brief',
          by: 'lin',
          at: at(9),
        }),
      ).toBe(true);
      expect(
        await store.addPlaybookTick({
          alertId: 'a1b2c3d4e5f6',
          playbook: 'alert',
          step: 'brief',
          by: 'wu',
          at: at(10),
        }),
      ).toBe(false);
      expect(await store.listPlaybookTicks(['a1b2c3d4e5f6'])).toEqual([
        { alertId: 'a1b2c3d4e5f6', playbook: 'alert', step: 'brief', by: 'lin', at: at(9) },
      ]);
      await store.commitCycle({ ...emptyCommit, alerts: [contractAlert()] });
      const snapshot = await store.loadSnapshot(at(11));
      expect(snapshot.acks.map((a) => a.by)).toEqual(['lin']);
      expect(snapshot.ticks.map((t) => t.step)).toEqual(['brief']);
    });

    it('keeps silences with their window, author and comment, and expires them early', async () => {
      const store = await fresh();
      const silence: Silence = {
        id: 's1',
        matchers: ['severity="warning"'],
        startsAt: at(0),
        endsAt: at(60),
        createdBy: 'lin',
        comment: 'exercise announced',
        createdAt: at(0),
        expiredAt: null,
      };
      await store.addSilence(silence);
      await store.addSilence({ ...silence, id: 's2', startsAt: at(120), endsAt: at(180) });
      await expect(store.addSilence(silence)).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
      expect((await store.listSilences({ activeAt: at(30) })).map((s) => s.id)).toEqual(['s1']);
      expect((await store.loadSnapshot(at(30))).silences.map((s) => s.id)).toEqual(['s1', 's2']);
      expect(await store.expireSilence('s1', at(31))).toEqual({ ...silence, expiredAt: at(31) });
      await expect(store.expireSilence('s1', at(32))).rejects.toMatchObject({ code: 'VIGIL_CONFLICT' });
      await expect(store.expireSilence('nope', at(32))).rejects.toMatchObject({ code: 'VIGIL_NOT_FOUND' });
      expect((await store.listSilences({ activeAt: at(32) })).map((s) => s.id)).toEqual([]);
      expect((await store.listSilences()).map((s) => s.id)).toEqual(['s1', 's2']);
    });

    it('migrates idempotently', async () => {
      const store = await fresh();
      await store.migrate();
      await store.migrate();
      expect(await store.listAlerts()).toEqual([]);
    });
  });
}
