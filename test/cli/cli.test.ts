import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// One database with the bundled Taiwan Strait data, shared by the read-only tests below.
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
const db = join(dir, 'vigil.db');

beforeAll(async () => {
  const r = await runCli('--db', db, 'init');
  expect(r.code, r.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigil on the bundled data', () => {
  it('start prints the warning board for the latest bundled date, and is idempotent', async () => {
    const r = await runCli('--db', db, 'start', '--no-serve');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/as known at the end of 2026-08-22 \(Asia\/Taipei\)/);
    expect(r.stdout).toMatch(/LEVEL [1-5] (NORMAL|WATCH|WARNING|ALERT|CRITICAL)/);
    expect(r.stderr).toMatch(/bundled observations \(0 new\)/);
    // The real clock is after the bundled data: the latest board says which sources are stale now.
    // Named as the catalogue names it, with the id an operator types (`vigil sources`).
    expect(r.stdout).toMatch(/^SOURCES STALE NOW: [A-Z][^[]+ \[mnd\] \d+ d old \(cadence 2 d\)/m);
    expect((await runCli('--db', db, 'board', '--at', '2023-04-10')).stdout).not.toMatch(/SOURCES STALE NOW/);
  });

  it('assess --json during Joint Sword shows level ≥ 4 with H1 the most probable non-routine hypothesis', async () => {
    const r = await runCli('--db', db, 'assess', '--at', '2023-04-10', '--json');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a)).toEqual([
      'asOf',
      'day',
      'level',
      'levelName',
      'pEvent7d',
      'knowledge',
      'episode',
      'hypotheses',
      'indicators',
    ]);
    expect(a.knowledge).toMatchObject({ state: 'ok', minReporting: 2 });
    expect(a.episode).toMatchObject({ since: '2023-04-06', hypothesis: { id: 'H1' } }); // ALERT from D-2 (lead evidence), held through D0
    expect(a.level).toBeGreaterThanOrEqual(4);
    const nonRoutine = a.hypotheses
      .filter((h: { id: string }) => h.id !== 'H0')
      .sort((x: { probability: number }, y: { probability: number }) => y.probability - x.probability);
    expect(nonRoutine[0].id).toBe('H1');
    expect(Object.keys(a.indicators[0])).toEqual(['id', 'domain', 'state', 'value', 'baseline', 'contribution']);
    expect(a.asOf).toBe('2023-04-10T16:00:00.000Z');
  });

  it('board says what it does not know before the level, and an episode under way instead of P(start)', async () => {
    const early = await runCli('--db', db, 'board', '--at', '2021-06-01');
    expect(early.stdout).toMatch(
      /KNOWLEDGE UNKNOWN: 0 of 5 core indicators reporting \(minimum 2\)[^\n]*Carrier activity reported by Japan's Joint Staff \(no-coverage\)/,
    );
    expect(early.stdout).toMatch(/LEVEL 1 NORMAL {2}\(no core indicator reporting: not a calm board\)/);
    const episode = await runCli('--db', db, 'board', '--at', '2023-04-10');
    expect(episode.stdout).toMatch(
      /Episode under way since 2023-04-06 \(day 5\): H1 Major coercive exercise or surge, 9[89]\.[0-9] %/,
    );
    expect(episode.stdout).not.toMatch(/P\(major episode starts within/);
    expect(episode.stdout).not.toMatch(/ 100\.0 %| 0\.0 %/);
  });

  it('a quiet day reads level 1–2', async () => {
    const r = await runCli('--db', db, 'assess', '--at', '2023-06-14', '--json');
    expect(JSON.parse(r.stdout).level).toBeLessThanOrEqual(2);
  });

  it('explain says which evidence moved which hypothesis', async () => {
    const r = await runCli('--db', db, 'explain', '--at', '2023-04-10');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/H1 Major coercive exercise or surge: prior 6\.0 % → \d+\.\d %/);
    expect(r.stdout).toMatch(/PLA aircraft around Taiwan is very-high \(70 vs baseline/);
    // Rounded figures, never a float's full expansion (it printed `fresh (0.6940990970021974)`).
    expect(r.stdout).toMatch(/Taiwanese leader transits the US is fresh \(0\.69\)/);
    expect(r.stdout).not.toMatch(/\d\.\d{3,}/);
  });

  it('board --at shows what was known at the end of that day', async () => {
    const r = await runCli('--db', db, 'board', '--at', '2023-04-10');
    expect(r.stdout).toMatch(/LEVEL 4 ALERT/);
  });

  it('backtest writes one JSON line per day', async () => {
    const r = await runCli('--db', db, 'backtest', '--from', '2023-04-01', '--to', '2023-04-12', '--format', 'jsonl');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    expect(Object.keys(lines[0])).toEqual(['date', 'level', 'pEvent7d', 'hypotheses', 'top']);
    expect(lines.find((l) => l.date === '2023-04-10').level).toBeGreaterThanOrEqual(4);
  });

  it('backtest scores against labels, next to the simple baselines, and writes an offline HTML report', async () => {
    const labels = join(dir, 'labels.csv');
    writeFileSync(labels, 'id,name,kind,start,end\nE4,Joint Sword,named-exercise,2023-04-08,2023-04-10\n');
    const r = await runCli('--db', db, 'backtest', '--from', '2023-03-01', '--to', '2023-05-31', '--episodes', labels);
    expect(r.stdout).toMatch(/episodes detected \(level ≥ 4 by end of D0\+1\)\s+1\/1/);
    expect(r.stdout).toMatch(/aircraft>=45\s+trigger-7d/);
    const html = join(dir, 'report.html');
    await runCli(
      '--db',
      db,
      'backtest',
      '--from',
      '2023-03-01',
      '--to',
      '2023-05-31',
      '--episodes',
      labels,
      '--format',
      'html',
      '--out',
      html,
    );
    const text = (await import('node:fs')).readFileSync(html, 'utf8');
    expect(text).toMatch(/<svg/);
    expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('backtest --cv prints in-sample and cross-validated scores, one fold per episode, and the level stability', async () => {
    const labels = join(dir, 'labels-cv.csv');
    writeFileSync(
      labels,
      'id,name,kind,start,end\nE4,Joint Sword,named-exercise,2023-04-08,2023-04-10\nE5,Patrol,surge,2023-08-19,2023-08-19\n',
    );
    const r = await runCli(
      '--db',
      db,
      'backtest',
      '--from',
      '2023-01-01',
      '--to',
      '2023-12-31',
      '--episodes',
      labels,
      '--cv',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Level stability: \d+ runs, \d+ one-day runs/);
    expect(r.stdout).toMatch(/leave one episode out \(2 folds\), each refitted from .*judgement\.yaml/);
    expect(r.stdout).toMatch(/metric\s+in-sample\s+cross-validated/);
    expect(r.stdout).toMatch(/E4\s+scored 2023-01-01 … 2023-06-14/); // halfway between E4's end and E5's start
    expect(r.stdout).toMatch(/Brier skill vs climatology\s+-?\d\.\d{3}\s+-?\d\.\d{3}/);
    expect(await runCli('--db', db, 'backtest', '--from', '2023-01-01', '--to', '2023-12-31', '--cv')).toMatchObject({
      code: 1,
      stderr: 'vigil: --cv needs --episodes FILE: cross-validation holds out labelled episodes\n',
    });
  }, 60_000);
});

describe('bad input gives one clear line and a non-zero exit', () => {
  it('rejects impossible, future and too-early --at dates', async () => {
    expect(await runCli('--db', db, 'assess', '--at', '2023-02-30')).toMatchObject({
      code: 1,
      stderr: 'vigil: invalid --at date "2023-02-30": expected a calendar date YYYY-MM-DD\n',
    });
    expect((await runCli('--db', db, 'assess', '--at', '2999-01-01')).stderr).toBe(
      'vigil: --at 2999-01-01 is in the future\n',
    );
    expect((await runCli('--db', db, 'assess', '--at', '2001-01-01')).stderr).toMatch(
      /^vigil: --at 2001-01-01 is before the first observation \(2020-01-01\)\n$/,
    );
  });

  it('reports a missing file and an unknown kind', async () => {
    const missing = await runCli('--db', db, 'ingest', 'mnd-daily', join(dir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vigil: .*nope\.csv: cannot read file \(ENOENT\)\n$/);
    expect((await runCli('--db', db, 'ingest', 'carrier-pigeon', 'x')).stderr).toMatch(
      /^vigil: unknown ingest kind "carrier-pigeon"; known kinds: /,
    );
  });

  it('a malformed row stops the file and writes nothing from it', async () => {
    const file = join(dir, 'reports.csv');
    writeFileSync(file, 'published,aircraft_total,plan_ships\n2030-01-01,12,5\n2030-01-02,many,5\n');
    const fresh = join(dir, 'fresh.db');
    const r = await runCli('--db', fresh, 'ingest', 'mnd-daily', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`vigil: ${file}:3: aircraft_total: must be a whole number, NA or empty, got "many"\n`);
    const count = new Database(fresh).prepare('SELECT count(*) AS n FROM observations').get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('ingests a user file and re-ingesting it is a no-op', async () => {
    const file = join(dir, 'mine.csv');
    writeFileSync(file, 'published,aircraft_total,plan_ships\n2030-01-01,12,5\n');
    const fresh = join(dir, 'mine.db');
    expect((await runCli('--db', fresh, 'ingest', 'mnd-daily', file)).stdout).toBe(
      'mine.csv: 2 observations, 2 new, 0 already stored\n',
    );
    expect((await runCli('--db', fresh, 'ingest', 'mnd-daily', file)).stdout).toBe(
      'mine.csv: 2 observations, 0 new, 2 already stored\n',
    );
  });

  it('a locked database is a one-line error, not a stack trace', async () => {
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const started = Date.now();
      const r = await runCli('--db', db, 'assess', '--at', '2023-04-10');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^vigil: database .*vigil\.db is locked by another process[^\n]*\n$/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 20_000);

  it('an invalid pack is rejected with the path of the field', async () => {
    const pack = join(dir, 'pack.yaml');
    writeFileSync(pack, 'schema: vigil.pack/1\nid: x\n');
    expect((await runCli('--db', db, '--pack', pack, 'board')).stderr).toMatch(/^vigil: .*pack\.yaml: name: /);
  });

  it('calibrate refuses a training window that ends before it starts', async () => {
    const r = await runCli(
      '--db',
      db,
      'calibrate',
      '--episodes',
      join(dir, 'labels.csv'),
      '--train-from',
      '2023-06-01',
      '--train-to',
      '2023-01-01',
    );
    expect(r).toMatchObject({ code: 1, stderr: 'vigil: --train-from 2023-06-01 is after --train-to 2023-01-01\n' });
  });

  it('an empty database says what to do', async () => {
    const r = await runCli('--db', join(dir, 'empty.db'), 'board');
    expect(r).toMatchObject({
      code: 1,
      stderr: 'vigil: the database holds no observations for this pack; run `vigil init` or `vigil ingest` first\n',
    });
  });

  it('pack check validates a pack file', async () => {
    expect((await runCli('pack', 'check', 'packs/taiwan-strait/judgement.yaml')).stdout).toMatch(
      /valid pack taiwan-strait 1\.0\.0 — 4 hypotheses, 16 indicators/,
    );
  });

  it('unknown commands and options are usage errors (exit 2)', async () => {
    expect((await runCli('frobnicate')).code).toBe(2);
    expect((await runCli('assess', '--sideways')).code).toBe(2);
  });
});
