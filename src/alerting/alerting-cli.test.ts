// The alerting commands through the real CLI entry point: rules check, silence add/list/expire, alerts list/show/ack/tick.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test/support/run-cli.js';
import { contractAlert } from './alert-store.contract.js';
import { openAlertStore } from './open-alert-store.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-alerting-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigil rules / silence / alerts', () => {
  it('rules check --validate-only accepts the bundled file and rejects a bad one with the field path', async () => {
    const ok = await vigil('--db', join(dir, 'r.db'), 'rules', 'check', '--validate-only');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/alerting\.yaml: valid \(9 rules, 4 receivers, 5 routes, 3 inhibit rules, 4 playbooks\)/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'schema: vigil.alerting/1\nrules: [{ name: A, kind: level, at_least: 3 }]\nreceivers: [{ name: t, type: terminal }]\nroute: { receiver: nobody }\n',
    );
    const no = await vigil('--db', join(dir, 'r.db'), 'rules', 'check', '--validate-only', '--rules', bad);
    expect(no.code).toBe(1);
    expect(no.err).toContain(`vigil: ${bad}: route.receiver: unknown receiver "nobody"`);
  });

  it('adds, lists and expires a silence, and refuses one without a reason', async () => {
    const db = join(dir, 's.db');
    const added = await vigil(
      '--db',
      db,
      'silence',
      'add',
      'alertname="NavalCountHigh"',
      '--by',
      'lin',
      '--comment',
      'announced exercise',
      '--duration',
      '6h',
    );
    expect(added.code).toBe(0);
    const id = /silence (\w+) added/.exec(added.out)![1];
    expect((await vigil('--db', db, 'silence', 'list')).out).toMatch(
      new RegExp(`${id}\\s+active .* alertname="NavalCountHigh"\\s+by lin: announced exercise`),
    );
    expect((await vigil('--db', db, 'silence', 'expire', id)).code).toBe(0);
    expect((await vigil('--db', db, 'silence', 'list')).out).toBe('no silences in force or pending');
    expect((await vigil('--db', db, 'silence', 'expire', id)).code).toBe(1);
    const noReason = await vigil('--db', db, 'silence', 'add', 'alertname=X', '--by', 'lin', '--comment', ' ');
    expect(noReason.err).toContain('silence: comment: say why (--comment)');
  });

  it('lists, shows, acknowledges an alert once and ticks its playbook', async () => {
    const db = join(dir, 'a.db');
    const store = openAlertStore(db);
    await store.migrate();
    const firedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    await store.commitCycle({
      alerts: [contractAlert({ id: 'c0ffee123456', firedAt, activeAt: firedAt, playbook: 'alert' })],
      transitions: [],
      groups: [],
      deletedGroups: [],
      notifications: [],
    });
    await store.close();
    expect((await vigil('--db', db, 'alerts', 'list')).out).toMatch(/^c0ffee123456 {2}firing {3}high {5}LevelAlert/);
    const ack = await vigil('--db', db, 'alerts', 'ack', 'c0ffee', '--by', 'lin', '--comment', 'briefing the director');
    expect(ack.out).toMatch(/^acknowledged c0ffee123456 \(LevelAlert\) by lin, 5m\d*s? after it fired$/);
    const again = await vigil('--db', db, 'alerts', 'ack', 'c0ffee', '--by', 'wu');
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('already acknowledged')]);
    expect((await vigil('--db', db, 'alerts', 'tick', 'c0ffee', 'confirm', '--by', 'lin')).out).toBe(
      'ticked confirm on c0ffee123456 (alert)',
    );
    expect((await vigil('--db', db, 'alerts', 'tick', 'c0ffee', 'nope', '--by', 'lin')).err).toContain(
      'playbook alert has no step "nope"',
    );
    const shown = (await vigil('--db', db, 'alerts', 'show', 'c0ffee')).out;
    expect(shown).toContain('acknowledged by lin');
    expect(shown).toMatch(/\[x\] confirm: Confirm the leading indicators against a second source \(lin, /);
    expect(shown).toContain('[ ] brief: Brief the duty director');
    // Local times in the pack's zone, never UTC instants (`--json` keeps those).
    expect(shown).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect((await vigil('--db', db, 'alerts', 'list')).out).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect((await vigil('--db', db, 'alerts', 'show', 'ffff0000')).code).toBe(1);
  });
});
