// Loading the alerting file: the bundled default is valid for its pack; every bad field is rejected with its path.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testPack } from '../../test/support/analysis-fixtures.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack } from '../packs/pack-loader.js';
import { alertingDocument } from './fixtures.contract.js';
import { defaultAlertingPath, loadAlertingConfig, validateAlertingConfig } from './load-alerting-config.js';
import { findRoute } from './route-tree.js';

const pack = testPack();
const dir = mkdtempSync(join(tmpdir(), 'vigil-alerting-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rejects(patch: Record<string, unknown>, message: string) {
  expect(() => validateAlertingConfig(alertingDocument(patch), 'rules.yaml', pack)).toThrow(
    expect.objectContaining({ code: 'VIGIL_RULES_INVALID', message }),
  );
}

describe('alerting file', () => {
  it('the bundled Taiwan Strait file is valid for the bundled pack', () => {
    const taiwan = loadPack(DEFAULT_PACK);
    const config = loadAlertingConfig(defaultAlertingPath(taiwan.file), taiwan);
    expect(config.rules.map((r) => r.name)).toEqual([
      'LevelWarning',
      'LevelAlert',
      'LevelCritical',
      'HypothesisH1',
      'HypothesisH2',
      'HypothesisH3',
      'NavalCountHigh',
      'SourceSilent',
      'ReceiverFailing',
    ]);
    expect(config.route.timeZone).toBe('Asia/Taipei');
  });

  it('children inherit what they do not set; matchers and continue stay their own', () => {
    const config = validateAlertingConfig(alertingDocument(), 'rules.yaml', pack);
    const child = findRoute(config.route, 'root.0')!;
    expect(child).toMatchObject({
      receiver: 'hook',
      groupBy: ['theatre'],
      groupWaitMs: 0,
      groupIntervalMs: 60_000,
      repeatIntervalMs: 14_400_000,
      escalateAfterMs: 900_000,
      escalation: ['mail'],
      continue: false,
    });
    expect(config.route.escalateAfterMs).toBeNull();
  });

  it('names the path of the offending field', () => {
    rejects(
      { rules: [{ name: 'X', kind: 'level', at_least: 7 }] },
      'rules.yaml: rules[0].at_least: Too big: expected number to be <=5',
    );
    rejects(
      { rules: [{ name: 'X', kind: 'hypothesis', hypothesis: 'H9', above: 0.3 }] },
      'rules.yaml: rules[0].hypothesis: unknown hypothesis "H9" (pack test has H0, H1, H2)',
    );
    rejects(
      { rules: [{ name: 'X', kind: 'indicator', indicators: ['ships'], states: ['extreme'] }] },
      expect.stringContaining('rules.yaml: rules[0].states[0]: state "extreme" is not produced'),
    );
    rejects(
      { rules: [{ name: 'X', kind: 'level', at_least: 3, for: '5 minutes' }] },
      'rules.yaml: rules[0].for: must be a duration such as 30s, 5m, 2h, 1d or 0',
    );
    rejects(
      { rules: [{ name: 'X', kind: 'levels', at_least: 3 }] },
      expect.stringContaining('rules.yaml: rules[0].kind:'),
    );
    rejects({ route: { receiver: 'nobody' } }, 'rules.yaml: route.receiver: unknown receiver "nobody"');
    rejects(
      { route: { receiver: 'term', routes: [{ matchers: ['severity'] }] } },
      expect.stringContaining('rules.yaml: route.routes[0].matchers[0]: invalid matcher "severity"'),
    );
    rejects(
      { route: { receiver: 'term', routes: [{ escalation: ['mail'] }] } },
      'rules.yaml: route.routes[0].escalate_after: an escalation chain needs escalate_after',
    );
    rejects(
      { receivers: [{ name: 'hook', type: 'webhook', url: 'http://127.0.0.1/x' }] },
      'rules.yaml: receivers[0].secret: give secret or secret_env (webhooks are always signed)',
    );
    rejects(
      { inhibit_rules: [{ source_matchers: ['a=~"["'], target_matchers: ['b=1'] }] },
      expect.stringContaining('rules.yaml: inhibit_rules[0].source_matchers[0]: invalid matcher'),
    );
    rejects({ theatre: 'nansei' }, 'rules.yaml: theatre: written for theatre "nansei" but the pack in use is "test"');
  });

  it('reports a missing file and a syntax error in one line', () => {
    expect(() => loadAlertingConfig(join(dir, 'none.yaml'))).toThrow(
      expect.objectContaining({ code: 'VIGIL_FILE_NOT_FOUND' }),
    );
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'rules: [\n');
    expect(() => loadAlertingConfig(bad)).toThrow(
      expect.objectContaining({ code: 'VIGIL_RULES_INVALID', message: expect.stringContaining('(syntax)') }),
    );
  });
});
