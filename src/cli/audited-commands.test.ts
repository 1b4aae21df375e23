// Every CLI write leaves exactly one audit entry (actor cli:<login>), written in the transaction of the write: a
// command whose audit entry (or ledger entry) cannot be written stores nothing.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/run-cli.js';
import type { Alert } from '../alerting/alert.js';
import { openVigil } from '../app/open-vigil.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { STIX_BUNDLE_FIXTURES } from '../sharing/sharing-fixtures.js';
import { openUserStore } from '../users/open-user-store.js';
import { cliActor } from './context.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pack = loadPack(DEFAULT_PACK);
const triggers = pack.data.find((d) => d.kind === 'triggers')!;

async function auditOf(db: string) {
  const users = openUserStore(db);
  try {
    return await users.listAudit();
  } finally {
    await users.close();
  }
}

async function rows(db: string, sql: string): Promise<number> {
  const file = new Database(db, { readonly: true });
  try {
    return (file.prepare(sql).get() as { n: number }).n;
  } finally {
    file.close();
  }
}

/** Makes every insert into `table` of the SQLite file fail, as a full disk or a broken constraint would. */
function refuseInserts(db: string, table: string): void {
  const file = new Database(db);
  try {
    file.exec(
      `CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${table} refused'); END`,
    );
  } finally {
    file.close();
  }
}

describe('audited CLI writes', () => {
  it('vigil ingest: one entry per file, naming the file and the counts', async () => {
    const db = join(dir, 'ingest.db');
    const r = await runCli('--db', db, 'ingest', triggers.kind, packPath(pack, triggers.path));
    expect(r.code, r.stderr).toBe(0);
    const log = await auditOf(db);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      actor: cliActor(),
      action: 'observations.ingest',
      target: expect.stringContaining('(triggers)'),
    });
    expect(log[0].details).toMatchObject({ inserted: expect.any(Number), unchanged: 0 });
  });

  it('vigil init: one observations.ingest entry per bundled data file', async () => {
    const db = join(dir, 'init.db');
    const r = await runCli('--db', db, 'init');
    expect(r.code, r.stderr).toBe(0);
    const log = await auditOf(db);
    expect(log.map((e) => e.action)).toEqual(pack.data.map(() => 'observations.ingest'));
    expect(new Set(log.map((e) => e.actor))).toEqual(new Set([cliActor()]));
  });

  it('vigil note add: one note.add entry', async () => {
    const db = join(dir, 'note.db');
    const r = await runCli(
      '--db',
      db,
      'note',
      'add',
      '--series',
      'analyst.amphibious-loading',
      '--value',
      '1',
      '--reliability',
      'B',
      '--credibility',
      '2',
      '--tlp',
      'amber',
      '--text',
      'ferries loading',
      '--at',
      '2026-04-07',
      '--by',
      'alice',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(await auditOf(db)).toMatchObject([{ actor: cliActor(), action: 'note.add', details: { inserted: 1 } }]);
  });

  it('vigil import stix: one stix.import entry', async () => {
    const db = join(dir, 'import.db');
    const file = join(STIX_BUNDLE_FIXTURES, 'misp-style.json');
    const r = await runCli('--db', db, 'import', 'stix', file);
    expect(r.code, r.stderr).toBe(0);
    expect(await auditOf(db)).toMatchObject([
      { actor: cliActor(), action: 'stix.import', target: file, details: { kept: 6 } },
    ]);
  });

  it.each([
    ['its audit entry', 'users_audit'],
    ['a ledger entry', 'sharing_objects'],
  ])('vigil import stix stores nothing when %s cannot be written', async (_what, table) => {
    const db = join(dir, `import-refused-${table}.db`);
    // A bundle with observations (they go to the store) and foreign objects (kept in the ledger).
    const exported = join(dir, `export-${table}.json`);
    expect((await runCli('--db', db, 'ingest', triggers.kind, packPath(pack, triggers.path))).code).toBe(0);
    const e = await runCli(
      '--db',
      db,
      'export',
      'stix',
      '--from',
      '2020-01-01',
      '--to',
      '2026-12-31',
      '--no-assessments',
    );
    expect(e.code, e.stderr).toBe(0);
    const bundle = JSON.parse(e.stdout) as { objects: { type: string; created_by_ref?: string }[] };
    // Another producer's copy: a different identity, so nothing in it is recognised as ours.
    const foreignId = 'identity--0b4a3f5e-8f0e-5d2b-9c3e-1a2b3c4d5e6f';
    bundle.objects = bundle.objects
      .filter((o) => o.type !== 'identity')
      .map((o) => (o.created_by_ref ? { ...o, created_by_ref: foreignId } : o));
    bundle.objects.push(
      {
        type: 'identity',
        spec_version: '2.1',
        id: foreignId,
        name: 'Other Org',
        identity_class: 'organization',
      } as never,
      {
        type: 'indicator',
        spec_version: '2.1',
        id: 'indicator--2ed6657d-e927-568b-95e1-2665a8aea6a2',
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
        pattern: "[ipv4-addr:value = '198.51.100.1']",
        pattern_type: 'stix',
        valid_from: '2026-01-01T00:00:00.000Z',
      } as never,
    );
    writeFileSync(exported, JSON.stringify(bundle));
    const observationsBefore = await rows(db, 'SELECT count(*) AS n FROM observations');
    const auditBefore = (await auditOf(db)).length;
    refuseInserts(db, table);
    const r = await runCli('--db', db, 'import', 'stix', exported);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(new RegExp(`${table} refused`));
    expect(await rows(db, 'SELECT count(*) AS n FROM observations')).toBe(observationsBefore);
    expect(await rows(db, 'SELECT count(*) AS n FROM sharing_objects')).toBe(0);
    expect(await auditOf(db)).toHaveLength(auditBefore);
  });
});

describe('every other CLI write: exactly one audit entry, naming the command', () => {
  const db = join(dir, 'commands.db');
  const alertId = 'a1b2c3d4e5f6a7b8';
  beforeAll(async () => {
    expect((await runCli('--db', db, 'ingest', triggers.kind, packPath(pack, triggers.path))).code).toBe(0);
    // A firing alert with a playbook, as the alerting engine would have written it (an engine cycle is not a user write).
    const vigil = await openVigil({ databaseUrl: db, pack }, () => new Date('2026-09-01T00:00:00.000Z'));
    try {
      const alert: Alert = {
        id: alertId,
        fingerprint: 'f1',
        rule: 'level-warning',
        labels: { alertname: 'level-warning' },
        annotations: { summary: 's', description: 'd' },
        explanation: null,
        playbook: 'warning',
        status: 'firing',
        activeAt: '2026-08-31T00:00:00.000Z',
        firedAt: '2026-08-31T00:00:00.000Z',
        lastActiveAt: '2026-08-31T00:00:00.000Z',
        resolvedAt: null,
        value: 3,
      };
      await vigil.alerts.commitCycle({
        alerts: [alert],
        transitions: [],
        groups: [],
        deletedGroups: [],
        notifications: [],
      });
    } finally {
      await vigil.close();
    }
  });

  async function oneEntry(args: string[], action: string, target?: string | RegExp) {
    const before = (await auditOf(db)).length;
    const r = await runCli('--db', db, ...args);
    expect(r.code, r.stderr).toBe(0);
    const added = (await auditOf(db)).slice(before);
    expect(added.map((e) => e.action)).toEqual([action]);
    expect(added[0].actor).toBe(cliActor());
    if (target !== undefined) expect(added[0].target).toMatch(target);
    return r;
  }

  it('partner add, set, token, collection add and remove, publish, remove', async () => {
    await oneEntry(['partner', 'add', 'beta', '--tlp-max', 'green', '--collections', 'default'], 'partner.add', 'beta');
    await oneEntry(['partner', 'set', 'beta', '--tlp-max', 'amber'], 'partner.set', 'beta');
    await oneEntry(['partner', 'token', 'beta'], 'partner.token', 'beta');
    await oneEntry(['partner', 'collection', 'add', 'air', '--series', 'mnd.aircraft.*'], 'collection.add', 'air');
    await oneEntry(['partner', 'collection', 'remove', 'air'], 'collection.remove', 'air');
    const published = await oneEntry(['partner', 'publish', '--at', '2026-04-07', '--alerts'], 'partner.publish');
    expect(published.stdout).toMatch(/assessments: 1 published/);
    expect(published.stdout).toMatch(/alerts: 1 published/);
    await oneEntry(['partner', 'remove', 'beta'], 'partner.remove', 'beta');
  });

  it('alerts ack and tick; silence add and expire', async () => {
    await oneEntry(['alerts', 'ack', alertId, '--by', 'alice'], 'alert.ack', alertId);
    await oneEntry(['alerts', 'tick', alertId, 'review', '--by', 'alice'], 'alert.playbook-tick', alertId);
    // A second tick of the same step writes nothing, so it is not audited.
    const before = (await auditOf(db)).length;
    expect((await runCli('--db', db, 'alerts', 'tick', alertId, 'review', '--by', 'bob')).stdout).toMatch(/first tick/);
    expect(await auditOf(db)).toHaveLength(before);
    const added = await oneEntry(
      ['silence', 'add', 'alertname="level-warning"', '--by', 'alice', '--comment', 'exercise'],
      'silence.add',
    );
    const id = /silence (\S+) added/.exec(added.stdout)![1];
    await oneEntry(['silence', 'expire', id], 'silence.expire', id);
  });

  it('warning draft, coordinate, dissent, issue', async () => {
    const draft = await oneEntry(
      [
        'warning',
        'draft',
        '--at',
        '2026-04-07',
        '--judgement',
        'An exercise is likely',
        '--likelihood',
        'likely',
        '--confidence',
        'moderate',
        '--horizon',
        '7d',
        '--by',
        'alice',
      ],
      'warning.draft',
    );
    const id = draft.stdout.trim();
    await oneEntry(['warning', 'coordinate', id, '--by', 'alice'], 'warning.coordinate', id);
    await oneEntry(['warning', 'dissent', id, '--by', 'bob', '--text', 'too early'], 'warning.dissent', id);
    await oneEntry(['warning', 'issue', id, '--by', 'chief'], 'warning.issue', id);
  });
});
