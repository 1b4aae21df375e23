// `vigil note add` / `vigil note list` through the real CLI entry point, on a temporary SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test/support/run-cli.js';
import { openObservationStore } from '../storage/open-store.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-note-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADD = [
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
  'ferries loading at Xiamen',
  '--at',
  '2026-04-07',
  '--by',
  'alice',
];

describe('vigil note', () => {
  it('adds an analyst entry once, lists it, and stores it graded and marked', async () => {
    const db = join(dir, 'n.db');
    const added = await vigil('--db', db, ...ADD);
    expect(added.err).toBe('');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(
      /^recorded: [0-9a-f]{32} analyst\.amphibious-loading = 1 \(analyst:alice, B2, TLP:AMBER\)$/,
    );
    const list = await vigil('--db', db, 'note', 'list', '--by', 'alice');
    // Local days and times in the pack's zone (Asia/Taipei), never UTC instants; --json keeps those.
    expect(list.out).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}analyst:alice {2}analyst\.amphibious-loading = 1 {2}B2 TLP:AMBER {2}about 2026-04-07 {2}ferries loading at Xiamen\n\nTimes are local \(Asia\/Taipei\)/m,
    );
    expect(list.out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const json = JSON.parse((await vigil('--db', db, 'note', 'list', '--json')).out);
    expect(json[0].periodStart).toBe('2026-04-06T16:00:00.000Z');
    const store = openObservationStore(db);
    await store.migrate();
    try {
      expect(await store.queryObservations({ source: 'analyst:alice' })).toMatchObject([
        { reliability: 'B', credibility: 2, tlp: 'amber', subject: 'analyst:alice' },
      ]);
      // TLP is enforced at the query: a reader cleared for green does not see it.
      expect(await store.queryObservations({ source: 'analyst:alice', tlpMax: 'green' })).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('refuses a bad grading with the flag named, and a missing required flag as a usage error', async () => {
    const db = join(dir, 'bad.db');
    const bad = await vigil('--db', db, ...ADD.map((a) => (a === 'B' ? 'G' : a)));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('vigil: --reliability: must be one of A, B, C, D, E, F, got "G"');
    const missing = await vigil('--db', db, 'note', 'add', '--series', 'x.y', '--value', '1');
    expect(missing.code).toBe(2);
    expect((await vigil('--db', db, 'note', 'list')).out).toBe('no analyst entries');
  });
});
