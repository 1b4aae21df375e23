// Rule evaluation is pure: pending → firing after `for`, keep_firing_for hysteresis, and explanations that say what moved.
import { packNames } from '../packs/pack-languages.js';
import { describe, expect, it } from 'vitest';
import type { Alert } from './alert.js';
import type { AlertRule } from './alerting-config.js';
import { assessment, indicator } from './fixtures.contract.js';
import { evaluateRules } from './rule-evaluation.js';

const base = { forMs: 0, keepFiringForMs: 0, labels: { severity: 'high' }, annotations: {} };
const T = (h: number) => new Date(Date.UTC(2024, 4, 23, h)).toISOString();
const active = (alerts: Alert[]) => alerts.filter((a) => a.status === 'pending' || a.status === 'firing');

describe('evaluateRules', () => {
  it('fires a hypothesis crossing and says which hypothesis moved, from what to what, with its evidence', () => {
    const rule: AlertRule = { ...base, name: 'HypothesisH1', kind: 'hypothesis', hypothesis: 'H1', above: 0.3 };
    const ships = indicator('ships', 'high', {
      name: 'PLA Navy ships',
      value: 27,
      contributions: { H1: 1.4 },
      contribution: 1.2,
      observationIds: ['obs-1', 'obs-2'],
    });
    const quiet = indicator('air.count', 'normal', { contributions: { H1: -0.1 }, contribution: -0.1 });
    const input = {
      theatre: 'test',
      assessment: assessment('2024-05-23', 3, 0.452, [quiet, ships]),
      previous: assessment('2024-05-22', 2, 0.084),
    };
    const { alerts, transitions } = evaluateRules([rule], [], input, T(16));
    expect(transitions.map((t) => [t.from, t.to])).toEqual([['new', 'firing']]);
    const [a] = alerts;
    expect(a.labels).toEqual({
      alertname: 'HypothesisH1',
      hypothesis: 'H1',
      kind: 'hypothesis',
      severity: 'high',
      theatre: 'test',
    });
    expect(a.annotations.summary).toBe('H1 Exercise 8.4 % → 45.2 % (threshold ≥ 30.0 %) on 2024-05-23');
    expect(a.explanation?.moved).toMatchObject({ id: 'H1', from: 0.084, to: 0.452 });
    expect(a.explanation?.evidence.map((e) => [e.indicator, e.observationIds])).toEqual([
      ['ships', ['obs-1', 'obs-2']],
      ['air.count', ['obs-air.count']],
    ]);
    expect(a.annotations.description).toContain('Level WATCH (2) → WARNING (3)');
  });

  it('holds an alert pending for `for`, fires it after, and drops a pending alert whose condition ends', () => {
    const rule: AlertRule = { ...base, name: 'Level', kind: 'level', atLeast: 3, forMs: 2 * 3_600_000 };
    const hot = { theatre: 'test', assessment: assessment('2024-05-23', 4, 0.5) };
    const cold = { theatre: 'test', assessment: assessment('2024-05-23', 2, 0.1) };
    const r1 = evaluateRules([rule], [], hot, T(0));
    expect(r1.alerts[0].status).toBe('pending');
    const r2 = evaluateRules([rule], active(r1.alerts), hot, T(1));
    expect(r2.alerts[0].status).toBe('pending');
    const r3 = evaluateRules([rule], active(r2.alerts), hot, T(2));
    expect(r3.alerts[0]).toMatchObject({ status: 'firing', firedAt: T(2), activeAt: T(0), id: r1.alerts[0].id });
    const dropped = evaluateRules([rule], active(evaluateRules([rule], [], hot, T(0)).alerts), cold, T(1));
    expect(dropped.alerts[0].status).toBe('inactive');
    expect(dropped.transitions.map((t) => t.to)).toEqual(['inactive']);
  });

  it('keeps a firing alert firing for keep_firing_for after its condition ends, then resolves it', () => {
    const rule: AlertRule = { ...base, name: 'Level', kind: 'level', atLeast: 3, keepFiringForMs: 3 * 3_600_000 };
    const hot = { theatre: 'test', assessment: assessment('2024-05-23', 4, 0.5) };
    const cold = { theatre: 'test', assessment: assessment('2024-05-23', 2, 0.1) };
    let state = active(evaluateRules([rule], [], hot, T(0)).alerts);
    state = active(evaluateRules([rule], state, cold, T(2)).alerts);
    expect(state.map((a) => a.status)).toEqual(['firing']);
    const end = evaluateRules([rule], state, cold, T(3));
    expect(end.alerts[0]).toMatchObject({ status: 'resolved', resolvedAt: T(3) });
    // Firing again later is a new alert with a new id.
    const again = evaluateRules([rule], [], hot, T(5));
    expect(again.alerts[0].id).not.toBe(end.alerts[0].id);
  });

  it('raises one alert per indicator in the listed states', () => {
    const rule: AlertRule = {
      ...base,
      name: 'High',
      kind: 'indicator',
      indicators: ['ships', 'air.count'],
      states: ['high'],
    };
    const a = assessment('2024-05-23', 2, 0.1, [
      indicator('ships', 'high'),
      indicator('air.count', 'high'),
      indicator('trigger', 'high'),
    ]);
    const { alerts } = evaluateRules([rule], [], { theatre: 'test', assessment: a }, T(16));
    expect(alerts.map((x) => x.labels.indicator)).toEqual(['ships', 'air.count']);
    expect(alerts[0].explanation?.evidence[0].indicator).toBe('ships');
  });

  it('tells a silent feed from a quiet one, and leaves time-driven rules alone when their input is absent', () => {
    const rule: AlertRule = {
      ...base,
      name: 'Silent',
      kind: 'source-health',
      series: ['mnd.ships.plan', 'mnd.new'],
      cadenceMs: 86_400_000,
      staleAfterMs: 2 * 86_400_000,
    };
    const series = [
      {
        series: 'mnd.ships.plan',
        count: 9,
        firstPeriodStart: '',
        lastPeriodEnd: '',
        lastPublishedAt: '2024-05-20T01:00:00.000Z',
        sources: ['mnd'],
      },
    ];
    const fresh = evaluateRules([rule], [], { theatre: 'test', series }, '2024-05-21T12:00:00.000Z');
    expect(fresh.alerts).toEqual([]);
    const names = packNames({
      name: 'Test',
      nameZh: '測試',
      timeZone: 'Asia/Taipei',
      indicators: [],
      hypotheses: [],
      seriesNames: { 'mnd.ships.plan': { name: 'Taiwan MND PLA Navy ship count', nameZh: '國防部共艦艘次' } },
    });
    const stale = evaluateRules([rule], [], { theatre: 'test', names, series }, '2024-05-22T02:00:00.000Z');
    // The series id stays a label; the text names the series, in local days, rounded.
    expect(stale.alerts.map((a) => [a.labels.series, a.annotations.summary, a.annotations.summary_zh])).toEqual([
      [
        'mnd.ships.plan',
        'Taiwan MND PLA Navy ship count: no report for 2 days (last: 2024-05-20; expected daily)',
        '國防部共艦艘次：已 2 日無報告（最後一次：2024-05-20；應每日發布）',
      ],
    ]);
    const carried = evaluateRules([rule], stale.alerts, { theatre: 'test' }, '2024-05-22T03:00:00.000Z');
    expect(carried.alerts).toEqual(stale.alerts);
    expect(carried.transitions).toEqual([]);
  });

  it('reports a receiver that keeps failing', () => {
    const rule: AlertRule = { ...base, name: 'ReceiverFailing', kind: 'receiver-health', afterAttempts: 3 };
    const receivers = [
      { receiver: 'hook', attempts: 4, pendingSince: T(1), lastError: 'ECONNREFUSED' },
      { receiver: 'mail', attempts: 1, pendingSince: T(1), lastError: 'timeout' },
    ];
    const { alerts } = evaluateRules([rule], [], { theatre: 'test', receivers }, T(2));
    expect(alerts.map((a) => [a.labels.receiver, a.annotations.last_error])).toEqual([['hook', 'ECONNREFUSED']]);
  });
});
