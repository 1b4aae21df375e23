import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../sharing-fixtures.js';
import type { StixObject } from '../stix/stix-types.js';
import { LATEST_VERSION } from './publication-ledger.js';

let a: TestInstance;
beforeEach(async () => void (a = await createTestInstance('ledger')));
afterEach(async () => a.close());

const object = (n: number, extra: Record<string, unknown> = {}): StixObject => ({
  type: 'vigil-assessment', id: `vigil-assessment--2ed6657d-e927-568b-95e1-2665a8aea6a${n}`, spec_version: '2.1',
  created: '2024-04-10T15:59:59.999Z', modified: '2024-04-10T15:59:59.999Z', level: 1, ...extra,
});
const all = { tlpMax: 'red' as const, kinds: ['assessment' as const], versions: LATEST_VERSION };

describe('publication ledger', () => {
  it('re-publishing unchanged content is a no-op; changed content is a new version with the same created', async () => {
    const l = a.sharing.ledger;
    expect((await l.publish(object(1), 'assessment', 'green', '2026-01-01T00:00:00.000Z')).added).toBe(true);
    expect((await l.publish(object(1), 'assessment', 'green', '2026-01-02T00:00:00.000Z')).added).toBe(false);
    const changed = await l.publish(object(1, { level: 3 }), 'assessment', 'green', '2026-01-03T00:00:00.000Z');
    expect(changed.object).toMatchObject({ created: '2024-04-10T15:59:59.999Z', modified: '2026-01-03T00:00:00.000Z', level: 3 });
    expect((await l.query(all)).map((e) => e.object.modified)).toEqual(['2026-01-03T00:00:00.000Z']);
    expect((await l.query({ ...all, versions: { ...LATEST_VERSION, last: false, first: true } })).map((e) => e.object.level)).toEqual([1]);
    expect(await l.query({ ...all, versions: { ...LATEST_VERSION, last: false, all: true } })).toHaveLength(2);
  });

  it('applies the TLP ceiling in the query, to candidates and to the versions they are compared with', async () => {
    const l = a.sharing.ledger;
    await l.publish(object(1), 'assessment', 'green', '2026-01-01T00:00:00.000Z');
    await l.publish(object(1, { level: 4 }), 'assessment', 'amber', '2026-01-02T00:00:00.000Z');
    await l.publish(object(2), 'assessment', 'red', '2026-01-02T00:00:00.000Z');
    const green = await l.query({ ...all, tlpMax: 'green' });
    expect(green.map((e) => [e.object.id, e.object.level, e.tlp])).toEqual([[object(1).id, 1, 'green']]);
    expect((await l.query({ ...all, tlpMax: 'amber' })).map((e) => e.object.level)).toEqual([4]);
    expect(await l.query({ ...all, tlpMax: 'red' })).toHaveLength(2);
  });

  it('filters by id, type, added-after and kind, and never serves what was received from others', async () => {
    const l = a.sharing.ledger;
    await l.publish(object(1), 'assessment', 'clear', '2026-01-01T00:00:00.000Z');
    await l.publish(object(2), 'assessment', 'clear', '2026-01-05T00:00:00.000Z');
    await l.keepReceived([{ object: object(3), kind: 'assessment', tlp: 'clear' }], 'partner:beta', '2026-01-06T00:00:00.000Z');
    expect(await l.query(all)).toHaveLength(2);
    expect(await l.query({ ...all, ids: [object(2).id] })).toHaveLength(1);
    expect(await l.query({ ...all, types: ['report'] })).toHaveLength(0);
    expect(await l.query({ ...all, addedAfter: '2026-01-02T00:00:00.000Z' })).toHaveLength(1);
    expect(await l.query({ ...all, kinds: ['alert'] })).toHaveLength(0);
    expect((await l.received('partner:beta')).map((e) => e.object.id)).toEqual([object(3).id]);
  });
});
