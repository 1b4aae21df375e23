import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importStixObjects } from './import-stix.js';
import {
  createTestInstance,
  importTargets,
  sampleObservation,
  STIX_BUNDLE_FIXTURES,
  type TestInstance,
} from './sharing-fixtures.js';
import { buildBundle } from './stix/build-bundle.js';
import { observationToStix } from './stix/observation-to-stix.js';
import { identityObject } from './stix/producer-identity.js';
import { parseJsonText, stixObjectsOf } from './stix/read-bundle.js';
import type { StixObject } from './stix/stix-types.js';
import { VIGIL_OBSERVATION_EXTENSION_ID } from './stix/vigil-extensions.js';

let b: TestInstance;
beforeEach(async () => void (b = await createTestInstance('import')));
afterEach(async () => b.close());

const options = {
  file: 'in.json',
  source: 'stix:synthetic',
  defaultTlp: 'amber' as const,
  receivedAt: '2026-03-01T00:00:00.000Z',
};
const fixture = (name: string) => {
  const file = join(STIX_BUNDLE_FIXTURES, name);
  return stixObjectsOf(parseJsonText(readFileSync(file, 'utf8'), file), file, 'bundle');
};
const producer = identityObject({
  name: 'Org A',
  publicKey: 'ed25519:11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  createdAt: '2026-01-01T00:00:00.000Z',
});
const vigilObjects = (): StixObject[] =>
  buildBundle(
    [
      ...observationToStix(sampleObservation(), producer.id),
      ...observationToStix(
        sampleObservation({ series: 'political.trigger.visit', unit: 'events', value: 1, text: 'Visit', tlp: 'clear' }),
        producer.id,
      ),
    ],
    producer,
  ).objects;
const targets = () => importTargets(b);
const stored = async () => (await b.store.queryObservations({ allRevisions: true })).length;

describe('importing STIX from other producers', () => {
  it('keeps a MISP-style event’s objects as received, ignored by the analysis, without failing', async () => {
    const summary = await importStixObjects(targets(), fixture('misp-style.json'), options);
    expect(summary).toMatchObject({ observations: 0, inserted: 0, kept: 6 });
    expect(summary.ignored).toEqual({
      identity: 1,
      report: 1,
      indicator: 1,
      'observed-data': 1,
      'ipv4-addr': 1,
      'x-misp-attribute': 1,
      relationship: 1,
    });
    const kept = await b.sharing.ledger.received('stix:synthetic');
    expect(kept.map((k) => k.object.type).sort()).toEqual([
      'indicator',
      'ipv4-addr',
      'observed-data',
      'relationship',
      'report',
      'x-misp-attribute',
    ]);
    expect(kept.find((k) => k.object.type === 'indicator')!.tlp).toBe('clear');
    expect(await stored()).toBe(0);
  });

  it('keeps an OpenCTI-style export, reading its TLP 2.0 AMBER marking', async () => {
    const summary = await importStixObjects(targets(), fixture('opencti-style.json'), options);
    expect(summary.kept).toBe(5);
    const kept = await b.sharing.ledger.received('stix:synthetic');
    expect(kept.find((k) => k.object.type === 'intrusion-set')!.tlp).toBe('amber');
    expect(kept.find((k) => k.object.type === 'location')!.tlp).toBe('amber');
  });

  it('stores Vigil observations from a bundle that also carries unknown objects, and a repeat import is a no-op', async () => {
    const objects = [...vigilObjects(), ...fixture('misp-style.json')];
    const first = await importStixObjects(targets(), objects, options);
    expect(first).toMatchObject({ observations: 2, inserted: 2, unchanged: 0, kept: 6 });
    const rows = await b.store.queryObservations({ allRevisions: true });
    expect(rows.map((r) => [r.series, r.source, r.tlp])).toEqual([
      ['mnd.aircraft.total', 'stix:synthetic', 'green'],
      ['political.trigger.visit', 'stix:synthetic', 'clear'],
    ]);
    expect(rows[0].attributes).toEqual({ originSource: 'mnd' });
    expect(await importStixObjects(targets(), objects, options)).toMatchObject({ inserted: 0, unchanged: 2 });
  });

  it('gives unmarked observations the default TLP', async () => {
    const objects = vigilObjects().map((o) =>
      o.type === 'observed-data' ? { ...o, object_marking_refs: undefined } : o,
    );
    await importStixObjects(targets(), objects, options);
    expect((await b.store.queryObservations()).map((r) => r.tlp)).toEqual(['amber', 'amber']);
  });

  it.each([
    ['truncated.json', /truncated\.json:\d+: \(json\): is not valid JSON/],
    ['not-a-bundle.json', /not-a-bundle\.json: type: must be "bundle"/],
    ['malformed-id.json', /malformed-id\.json: objects\[0\]\.id: must be "indicator--<UUID>"/],
  ])('rejects %s with a clear error', (name, message) => {
    expect(() => fixture(name)).toThrow(message);
  });

  it('writes nothing when one observation in the bundle is invalid', async () => {
    const objects = vigilObjects().map((o) =>
      o.type === 'observed-data' && o.extensions![VIGIL_OBSERVATION_EXTENSION_ID].series === 'political.trigger.visit'
        ? {
            ...o,
            extensions: {
              [VIGIL_OBSERVATION_EXTENSION_ID]: {
                ...o.extensions![VIGIL_OBSERVATION_EXTENSION_ID],
                period_end: '2020-01-01T00:00:00.000Z',
              },
            },
          }
        : o,
    );
    await expect(importStixObjects(targets(), [...objects, ...fixture('misp-style.json')], options)).rejects.toThrow(
      /objects\[\d+\] \(observed-data--.*\): periodEnd: is before periodStart/,
    );
    expect(await stored()).toBe(0);
    expect(await b.sharing.ledger.received('stix:synthetic')).toEqual([]);
  });

  it('stores nothing of a bundle whose foreign object has a `modified` that is not a string (the CLI import path)', async () => {
    const foreign = fixture('misp-style.json').map((o) => (o.type === 'indicator' ? { ...o, modified: 5 } : o));
    const text = JSON.stringify({
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4f5c-9f3b-5b1e9b2d2a11',
      objects: [...vigilObjects(), ...foreign],
    });
    const cliImport = async () =>
      importStixObjects(targets(), stixObjectsOf(parseJsonText(text, 'in.json'), 'in.json', 'bundle'), options);
    await expect(cliImport()).rejects.toThrow(/^in\.json: objects\[\d+\]\.modified: must be a STIX timestamp/);
    expect(await stored()).toBe(0);
    expect(await b.sharing.ledger.received('stix:synthetic')).toEqual([]);
  });

  it('refuses a bundle that gives a member twice ({"tlp":…,"tlp":…} style)', () => {
    expect(() => parseJsonText('{"type":"bundle","objects":[],"objects":[]}', 'in.json')).toThrow(
      'in.json:1: (json): is not valid JSON: member "objects" appears twice',
    );
  });
});
