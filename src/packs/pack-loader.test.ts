import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPack } from '../../test/support/analysis-fixtures.js';
import { DEFAULT_PACK, PACKAGE_ROOT } from '../app/paths.js';
import { loadPack, validatePack } from './pack-loader.js';

const valid = () =>
  JSON.parse(JSON.stringify(testPack())) as Record<string, unknown> & {
    indicators: Record<string, unknown>[];
    hypotheses: Record<string, unknown>[];
  };

function rejects(mutate: (p: ReturnType<typeof valid>) => void): string {
  const p = valid();
  mutate(p);
  try {
    validatePack(p, 'bad.yaml');
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('pack was accepted');
}

describe('pack validation', () => {
  it('accepts the bundled packs', () => {
    expect(loadPack(DEFAULT_PACK).id).toBe('taiwan-strait');
    expect(
      loadPack(join(PACKAGE_ROOT, 'packs', 'taiwan-strait', 'judgement.yaml')).eventModel.trainedOn,
    ).toBeUndefined();
    expect(loadPack(join(PACKAGE_ROOT, 'packs', 'nansei', 'pack.yaml')).timeZone).toBe('Asia/Tokyo');
  });

  it('names the path of a field that fails the schema', () => {
    expect(rejects((p) => ((p.indicators[0].detector as Record<string, unknown>).baselineDays = 3))).toBe(
      'bad.yaml: indicators[0].detector.baselineDays: Too small: expected number to be >=7',
    );
    expect(rejects((p) => (p.timeZone = 5))).toMatch(/^bad\.yaml: timeZone: /);
    expect(rejects((p) => (p.colour = 'red'))).toMatch(/^bad\.yaml: \(pack\): Unrecognized key: "colour"/);
    expect(rejects((p) => ((p.indicators[1].detector as Record<string, unknown>).kind = 'magic'))).toMatch(
      /^bad\.yaml: indicators\[1\]\.detector\.kind: /,
    );
  });

  it('checks cross-references with the path of the offending field', () => {
    expect(rejects((p) => (p.indicators[0].likelihoods = { high: { H9: 2 } }))).toBe(
      'bad.yaml: indicators[0].likelihoods.high.H9: unknown hypothesis "H9"',
    );
    expect(rejects((p) => (p.indicators[0].likelihoods = { soaring: { H1: 2 } }))).toMatch(
      /^bad\.yaml: indicators\[0\]\.likelihoods\.soaring: state "soaring" is not produced by a robust-z detector/,
    );
    expect(rejects((p) => (p.indicators[0].group = 'nope'))).toBe(
      'bad.yaml: indicators[0].group: unknown evidence group "nope"',
    );
    expect(rejects((p) => (p.hypotheses[1].prior = 0.5))).toBe(
      'bad.yaml: hypotheses: priors must sum to 1 (they sum to 1.410000)',
    );
    expect(rejects((p) => (p.hypotheses[0].baseline = false))).toBe(
      'bad.yaml: hypotheses: exactly one hypothesis must have baseline: true (found 0)',
    );
    expect(rejects((p) => (p.timeZone = 'Mars/Base'))).toBe('bad.yaml: timeZone: unknown time zone "Mars/Base"');
    expect(rejects((p) => (p.indicators[1].id = 'air.count'))).toBe(
      'bad.yaml: indicators[1].id: duplicate indicator id "air.count"',
    );
    expect(rejects((p) => (p.indicators[0].likelihoods = { high: { H0: 2 } }))).toMatch(
      /indicators\[0\]\.likelihoods\.high\.H0: likelihood ratios are relative to the baseline/,
    );
  });

  it('validates coverage declarations and core indicators', () => {
    const cov = (coverage: unknown) => (p: ReturnType<typeof valid>) =>
      (p.data = [{ kind: 'jsonl', path: 'x.jsonl', coverage }]);
    expect(rejects(cov([{ series: ['mnd.x'], from: '2024-02-01', to: '2024-01-01' }]))).toBe(
      'bad.yaml: data[0].coverage[0].to: from must not be after to',
    );
    expect(rejects(cov([{ series: ['Bad Name'], from: '2024-01-01', to: '2024-01-02' }]))).toMatch(
      /data\[0\]\.coverage\[0\]\.series\[0\]: must be a series name/,
    );
    expect(rejects(cov([{ series: ['mnd.*'], from: '2024-1-1', to: '2024-01-02' }]))).toMatch(
      /data\[0\]\.coverage\[0\]\.from: must be a date/,
    );
    expect(rejects((p) => (p.core = { indicators: ['air.count', 'nope'], minReporting: 1 }))).toBe(
      'bad.yaml: core.indicators[1]: unknown indicator "nope"',
    );
    expect(rejects((p) => (p.core = { indicators: ['air.count'], minReporting: 2 }))).toBe(
      'bad.yaml: core.minReporting: must not exceed the number of core indicators (1)',
    );
  });

  it('reports syntax errors and missing files with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-pack-'));
    writeFileSync(join(dir, 'broken.yaml'), 'schema: [unclosed');
    expect(() => loadPack(join(dir, 'broken.yaml'))).toThrow(/broken\.yaml: \(syntax\): /);
    expect(() => loadPack(join(dir, 'absent.yaml'))).toThrow(/pack file not found: .*absent\.yaml/);
    const p = valid();
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ ...p, data: [{ kind: 'jsonl', path: 'nowhere.jsonl' }] }));
    expect(() => loadPack(join(dir, 'data.json'))).toThrow(
      /data\.json: data\[0\]\.path: file not found: nowhere\.jsonl/,
    );
  });
});
