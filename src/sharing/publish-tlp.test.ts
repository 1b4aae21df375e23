// Derived objects carry the most restrictive marking of what they were derived from: alert reports never default to
// AMBER, and one resolved by RED data is RED (not served to an AMBER partner).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../alerting/alert.js';
import { loadPackAlerting } from '../alerting/open-alerting.js';
import { DEFAULT_PACK } from '../app/paths.js';
import { loadPack } from '../packs/pack-loader.js';
import { publishAlerts } from './publish.js';
import { at, createTestInstance, publishDeps, sampleObservation, type TestInstance } from './sharing-fixtures.js';

let b: TestInstance;
beforeEach(async () => void (b = await createTestInstance('publish-tlp')));
afterEach(async () => b.close());

const pack = loadPack(DEFAULT_PACK);
const NOW = '2026-01-01T00:00:00.000Z';
const alert = (over: Partial<Alert>): Alert => ({
  id: 'a1',
  fingerprint: 'f1',
  rule: 'level-watch',
  labels: { alertname: 'level-watch' },
  annotations: { summary: 's', description: 'd' },
  explanation: null,
  playbook: null,
  status: 'resolved',
  activeAt: at(1),
  firedAt: at(1),
  lastActiveAt: at(2),
  resolvedAt: at(3),
  value: 2,
  ...over,
});
const served = (tlpMax: 'amber' | 'red') =>
  b.sharing.ledger.query({ tlpMax, kinds: ['alert'], versions: { all: true, first: false, last: false, at: [] } });

describe('alert reports published to partners', () => {
  it('are RED when RED data is among their inputs: an AMBER partner is not given them', async () => {
    // The day named by the explanation holds only GREEN data; the RED report came later and resolved the alert.
    await b.store.putObservations(
      [
        sampleObservation({ tlp: 'green', value: 30 }),
        sampleObservation({ tlp: 'red', value: 2, periodStart: at(2), periodEnd: at(3), publishedAt: at(3, 1) }),
      ],
      NOW,
    );
    const deps = publishDeps(b, NOW);
    const withDay = alert({
      explanation: {
        day: '2024-05-01',
        asOf: at(0, 16),
        level: { from: 1, to: 2, name: 'WATCH' },
        moved: null,
        hypotheses: [],
        evidence: [],
      },
    });
    const sourceHealth = alert({
      id: 'a2',
      fingerprint: 'f2',
      rule: 'source-silent',
      labels: { alertname: 'source-silent' },
      explanation: null,
    });
    await publishAlerts(deps, pack, [withDay, sourceHealth], loadPackAlerting(pack));
    expect((await served('red')).map((e) => e.tlp)).toEqual(['red', 'red']);
    expect(await served('amber')).toEqual([]);
  });

  it('are as open as their inputs allow, never a default AMBER', async () => {
    await b.store.putObservations([sampleObservation({ tlp: 'green', value: 30 })], NOW);
    const deps = publishDeps(b, NOW);
    await publishAlerts(deps, pack, [alert({ explanation: null })], loadPackAlerting(pack));
    expect((await served('amber')).map((e) => e.tlp)).toEqual(['green']);
  });
});
