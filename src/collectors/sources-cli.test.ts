// `vigil ingest` of the new kinds, `vigil collect mnd` against a local server, and `vigil sources`, through the real CLI.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vigil } from '../../test/support/run-cli.js';
import { openUserStore } from '../users/open-user-store.js';
import { startTestServer, type TestServer } from './test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-sources-cli-'));
const fixture = (path: string) => fileURLToPath(new URL(`../../test/fixtures/sources/${path}`, import.meta.url));
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('vigil sources', () => {
  it('lists every source with its health: never before any data, then from what was ingested and collected', async () => {
    const db = join(dir, 'v.db');
    const empty = await vigil('--db', db, 'sources');
    expect(empty.code).toBe(0);
    expect(empty.out).toMatch(/^SOURCE +STATE +CADENCE/);
    expect(empty.out).toMatch(/^mnd +never +2 d +– +– +0 +0$/m);

    expect(
      (await vigil('--db', db, 'ingest', 'msa-warnings', fixture('msa-warnings/military_exercises.csv'))).out,
    ).toMatch(/military_exercises\.csv: \d+ observations, \d+ new, 0 already stored/);
    expect(
      (await vigil('--db', db, 'ingest', 'msa-warnings', fixture('msa-warnings/military_exercises.csv'))).out,
    ).toMatch(/military_exercises\.csv: (\d+) observations, 0 new, \1 already stored/);
    const bad = await vigil('--db', db, 'ingest', 'gdelt-events', fixture('msa-warnings/military_exercises.csv'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /military_exercises\.csv:1: \(row\): has 1 tab-separated columns; a GDELT 2.0 event row has 61/,
    );

    server.route('/list', {
      body: readFileSync(fixture('mnd-bulletin-page/plaactlist.html'), 'utf8').replace(
        '<head>',
        '<head><base href="/" />',
      ),
    });
    server.route('/news/plaact/90001', { body: readFileSync(fixture('mnd-bulletin-page/plaact-90001.html'), 'utf8') });
    server.route('/news/plaact/90002', { body: readFileSync(fixture('mnd-bulletin-page/plaact-90002.html'), 'utf8') });
    const collected = await vigil('--db', db, 'collect', 'mnd', '--url', server.url('/list'), '--min-interval', '0');
    expect(collected.out).toBe('mnd-web: 2 fetched, 22 observations, 22 new');
    // One audit entry per report page written, naming it (the `vigil ingest` runs above have one each).
    const users = openUserStore(db);
    try {
      const collectedEntries = await users.listAudit({ action: 'observations.collect' });
      expect(collectedEntries.map((e) => e.target).sort()).toEqual([
        server.url('/news/plaact/90001'),
        server.url('/news/plaact/90002'),
      ]);
      expect(await users.listAudit({ action: 'observations.ingest' })).toHaveLength(2);
    } finally {
      await users.close();
    }

    const listing = await vigil('--db', db, 'sources', '--series');
    // The fixtures are dated 2030 and 2030 is in the future here: fresh, so ok.
    // Local times in the pack's zone (Asia/Taipei), never UTC instants (`--json` keeps those).
    expect(listing.out).toMatch(/^Times are local \(Asia\/Taipei\); --json gives ISO instants\.$/m);
    expect(listing.out).toMatch(/^mnd +ok +2 d +2030-04-09 09:00 +0 d +12 +22$/m);
    expect(listing.out).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(listing.out).toMatch(/^msa +ok +7 d /m);
    expect(listing.out).toMatch(/^ {2}msa\.closure +4 {2}2030-03-02 → 2030-03-05/m);
    expect(listing.out).toMatch(/^jso +never /m);
    expect(listing.out).toMatch(/^mnd-web +\d{4}-\d\d-\d\d \d\d:\d\d +\d{4}-\d\d-\d\d \d\d:\d\d +0 {2}$/m);

    const json = JSON.parse((await vigil('--db', db, 'sources', '--json')).out) as {
      sources: Array<{ id: string; state: string }>;
      collectors: unknown[];
    };
    expect(json.sources.map((s) => [s.id, s.state])).toEqual([
      ['mnd', 'ok'],
      ['jso', 'never'],
      ['msa', 'ok'],
      ['news', 'never'],
      ['mfa', 'never'],
      ['gdelt', 'never'],
      ['triggers', 'never'],
      ['transits', 'never'],
      ['analyst', 'never'],
    ]);
    expect(json.collectors).toHaveLength(1);
  });

  it('a collection that fails exits non-zero and says why (never "0 fetched" and success)', async () => {
    const db = join(dir, 'dead.db');
    const dead = await vigil(
      '--db',
      db,
      'collect',
      'mnd',
      '--url',
      server.url('/no-such-list'),
      '--min-interval',
      '0',
      '--retries',
      '0',
    );
    expect(dead.code).toBe(1);
    expect(dead.err).toMatch(/mnd-web: collection failed: .*no-such-list/);
    const json = JSON.parse((await vigil('--db', db, 'sources', '--json')).out) as {
      collectors: Array<{ id: string; consecutiveFailures: number; lastError?: string }>;
    };
    expect(json.collectors).toMatchObject([{ id: 'mnd-web', consecutiveFailures: 1 }]);
  });

  it('refuses a bad collect flag as a configuration error', async () => {
    const result = await vigil(
      '--db',
      join(dir, 'c.db'),
      'collect',
      'mnd',
      '--url',
      server.url('/list'),
      '--every',
      '5s',
    );
    expect(result.code).toBe(1);
    expect(result.err).toContain('--every: must be an interval of at least 1m like 30m, 6h or 1d, got "5s"');
  });
});
