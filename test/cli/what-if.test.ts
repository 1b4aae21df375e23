// The what-if the dashboard runs in the browser against the CLI with an edited pack: changing one likelihood ratio in
// the what-if gives exactly the posterior `vigil explain --json --pack edited.yaml` prints, through the same JSON the
// API serves the browser.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { tornado } from '../../src/analysis/sensitivity.js';
import {
  applyWhatIf,
  whatIfInputsFromJson,
  whatIfInputsToJson,
  whatIfSession,
  type WhatIfOverrides,
} from '../../src/analysis/what-if.js';
import { DEFAULT_PACK, PACKAGE_ROOT } from '../../src/app/paths.js';
import { whatIfInputs } from '../../src/app/what-if-inputs.js';
import type { Assessment } from '../../src/model/index.js';
import { loadPack } from '../../src/packs/pack-loader.js';
import type { Pack } from '../../src/packs/pack-schema.js';
import { openObservationStore } from '../../src/storage/open-store.js';
import { parseDay } from '../../src/time/zone.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-what-if-'));
const db = join(dir, 'vigil.db');
const DAY = '2023-04-10';

beforeAll(async () => {
  const r = await runCli('--db', db, 'init');
  expect(r.code, r.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundled pack with one likelihood ratio edited by hand, written where the CLI can read it. */
function editedPackFile(indicator: string, state: string, hypothesis: string, ratio: number): string {
  const doc = parseDocument(readFileSync(DEFAULT_PACK, 'utf8'));
  const indicators = doc.get('indicators') as { items: { get(k: string): unknown }[] };
  const node = indicators.items.find((i) => i.get('id') === indicator)!;
  (node as unknown as { setIn(path: string[], v: unknown): void }).setIn(['likelihoods', state, hypothesis], ratio);
  // The pack's data and area paths are relative to its folder: point them at the bundled data from the copy.
  const text = doc.toString().replaceAll('../../data/', `${join(PACKAGE_ROOT, 'data')}/`);
  const file = join(dir, `edited-${indicator}-${state}-${hypothesis}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** The what-if as the dashboard runs it: the pack and the inputs through JSON, as GET /pack and /what-if/:date serve them. */
async function browserSession() {
  const pack = loadPack(DEFAULT_PACK);
  const store = openObservationStore(db);
  try {
    const inputs = await whatIfInputs(store, pack, parseDay(DAY));
    const json = JSON.parse(JSON.stringify(whatIfInputsToJson(inputs)));
    const served = JSON.parse(JSON.stringify(pack)) as Pack;
    return { pack: served, session: whatIfSession(served, whatIfInputsFromJson(json)) };
  } finally {
    await store.close();
  }
}

async function browserWhatIf(overrides: WhatIfOverrides): Promise<Assessment> {
  return (await browserSession()).session.assess(overrides);
}

async function cliExplain(packFile?: string): Promise<Assessment> {
  const r = await runCli('--db', db, ...(packFile ? ['--pack', packFile] : []), 'explain', '--at', DAY, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Assessment;
}

const posteriors = (a: Assessment) => Object.fromEntries(a.hypotheses.map((h) => [h.id, h.probability]));

describe('what-if against the CLI with an edited pack', () => {
  it('with no override reproduces the CLI on the bundled pack', async () => {
    const [cli, whatIf] = await Promise.all([cliExplain(), browserWhatIf({})]);
    expect(posteriors(whatIf)).toEqual(posteriors(cli));
    expect(whatIf.level).toBe(cli.level);
    expect(whatIf.pEvent7d).toBe(cli.pEvent7d);
  }, 60_000);

  it('one likelihood ratio changed gives exactly the posterior of the CLI on the edited pack', async () => {
    const base = await cliExplain();
    const air = base.indicators.find((i) => i.id === 'air.total')!;
    expect(air.state).toBe('very-high'); // the LR edited below is the one this day reads
    const change = { indicator: 'air.total', state: 'very-high', hypothesis: 'H2', ratio: 400 };
    const [cli, whatIf] = await Promise.all([
      cliExplain(editedPackFile(change.indicator, change.state, change.hypothesis, change.ratio)),
      browserWhatIf({ likelihoods: [change] }),
    ]);
    expect(posteriors(cli)).not.toEqual(posteriors(base)); // the edit moves the posterior: the test can tell
    expect(posteriors(whatIf)).toEqual(posteriors(cli)); // exactly, not approximately
    expect(whatIf.level).toBe(cli.level);
    expect(whatIf.pEvent7d).toBe(cli.pEvent7d);
    expect(whatIf.indicators.map((i) => i.contributions)).toEqual(cli.indicators.map((i) => i.contributions));
  }, 60_000);

  it('applyWhatIf edits a copy: the pack it was given is unchanged', () => {
    const pack = loadPack(DEFAULT_PACK);
    const before = JSON.stringify(pack);
    const edited = applyWhatIf(pack, {
      likelihoods: [{ indicator: 'air.total', state: 'high', hypothesis: 'H1', ratio: 2 }],
      priors: { H1: 0.1 },
      thresholds: [{ indicator: 'air.total', state: 'high', field: 'z', value: 3 }],
      off: ['sea.plan'],
    });
    expect(JSON.stringify(pack)).toBe(before);
    expect(edited.indicators.find((i) => i.id === 'air.total')!.likelihoods.high.H1).toBe(2);
    expect(edited.hypotheses.reduce((s, h) => s + h.prior, 0)).toBeCloseTo(1, 12);
    expect(edited.hypotheses.find((h) => h.id === 'H1')!.prior).toBe(0.1);
    expect(edited.indicators.find((i) => i.id === 'sea.plan')!.likelihoods).toEqual({});
  });

  it('vigil explain --what-if FILE gives exactly what the CLI gives on the pack edited by hand', async () => {
    const change = { indicator: 'air.total', state: 'very-high', hypothesis: 'H3', ratio: 123 };
    const file = join(dir, 'what-if.json');
    writeFileSync(file, JSON.stringify({ likelihoods: [change] }, null, 2));
    const r = await runCli('--db', db, 'explain', '--at', DAY, '--json', '--what-if', file);
    expect(r.code, r.stderr).toBe(0);
    const viaFlag = JSON.parse(r.stdout) as Assessment;
    const edited = await cliExplain(editedPackFile(change.indicator, change.state, change.hypothesis, change.ratio));
    expect(posteriors(viaFlag)).toEqual(posteriors(edited));
    expect(viaFlag.level).toBe(edited.level);
    const text = await runCli('--db', db, 'explain', '--at', DAY, '--what-if', file);
    expect(text.stdout).toMatch(/^WHAT-IF \(.*what-if\.json\): not the assessment of record/);
  }, 60_000);

  it('a bad what-if file is refused with file:line: field: problem, and an override the pack cannot take too', async () => {
    const file = join(dir, 'bad-what-if.json');
    writeFileSync(file, '{\n  "off": ["air.total"],\n  "priors": {"H1": 2}\n}\n');
    const r = await runCli('--db', db, 'explain', '--at', DAY, '--what-if', file);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/bad-what-if\.json:3: priors\.H1: /);
    writeFileSync(file, JSON.stringify({ off: ['air.nothing'] }));
    const unknown = await runCli('--db', db, 'explain', '--at', DAY, '--what-if', file);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/what-if: off: no indicator air\.nothing in pack taiwan-strait/);
  }, 60_000);

  it('a session reused across what-ifs (detector readings shared) answers as a fresh one each time', async () => {
    const used = (await browserSession()).session;
    const steps: WhatIfOverrides[] = [
      {},
      { likelihoods: [{ indicator: 'sea.plan', state: 'elevated', hypothesis: 'H1', ratio: 3 }] },
      { thresholds: [{ indicator: 'air.total', state: 'very-high', field: 'z', value: 9 }] },
      { off: ['pol.transit'], priors: { H2: 0.05 } },
      { force: { 'far-seas.carrier': 'absent' } },
      {},
    ];
    for (const o of steps) {
      const fresh = (await browserSession()).session.assess(o);
      expect(used.assess(o)).toEqual(fresh);
    }
  }, 60_000);

  it('refuses overrides the pack cannot take, naming the field', () => {
    const pack = loadPack(DEFAULT_PACK);
    expect(() => applyWhatIf(pack, { off: ['nope'] })).toThrow(/what-if: off: no indicator nope/);
    expect(() => applyWhatIf(pack, { priors: { H1: 0.6, H2: 0.5 } })).toThrow(/priors sum to 1\.1030/);
    expect(() => applyWhatIf(pack, { priors: { H0: 0.5 } })).toThrow(/H0 is not a non-baseline hypothesis/);
    expect(() =>
      applyWhatIf(pack, { likelihoods: [{ indicator: 'air.total', state: 'high', hypothesis: 'H1', ratio: 0 }] }),
    ).toThrow(/likelihoods\[0\]: ratio must be a number above 0/);
    expect(() =>
      applyWhatIf(pack, { thresholds: [{ indicator: 'sea.plan-shift', state: 'shift-up', field: 'z', value: 1 }] }),
    ).toThrow(/thresholds\[0\]: sea.plan-shift \(change-point\) has no level shift-up/);
    expect(() => applyWhatIf(pack, { force: { 'air.total': 'present' } })).toThrow(/air.total cannot be present/);
  });
});

describe('tornado', () => {
  it('swings each assumption over its range, each end the assessment with that one change, largest first', async () => {
    const { pack, session } = await browserSession();
    const base = session.assess({});
    const t = tornado(pack, session, {}, base);
    expect(t.hypothesis).toBe('H1');
    expect(t.base).toBe(base.hypotheses.find((h) => h.id === 'H1')!.probability);
    expect(t.runs).toBe(2 * t.swings.length);
    const widths = t.swings.map((s) => Math.abs(s.high - s.low));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
    const air = t.swings.find((s) => s.kind === 'likelihood' && s.indicator === 'air.total' && s.hypothesis === 'H1')!;
    expect(air.value).toBe(76.893);
    const at = (ratio: number) =>
      session
        .assess({ likelihoods: [{ indicator: 'air.total', state: 'very-high', hypothesis: 'H1', ratio }] })
        .hypotheses.find((h) => h.id === 'H1')!.probability;
    expect(air.low).toBe(at(76.893 ** 0.5));
    expect(air.high).toBe(at(76.893 ** 1.5));
    // Strong evidence swung over the same range of its log moves the posterior more than weak evidence.
    const weak = t.swings.find(
      (s) => s.kind === 'likelihood' && s.indicator === 'prc.rhetoric' && s.hypothesis === 'H1',
    );
    if (weak) expect(Math.abs(air.high - air.low)).toBeGreaterThan(Math.abs(weak.high - weak.low));
    expect(t.swings.some((s) => s.kind === 'prior')).toBe(true);
    expect(t.swings.some((s) => s.kind === 'threshold')).toBe(true);
  }, 60_000);
});
