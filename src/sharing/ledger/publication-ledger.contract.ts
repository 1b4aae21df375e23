// The PublicationLedger contract: every adapter runs this one suite (src/sharing/sql/sharing-sqlite.test.ts,
// src/sharing/sql/sharing-postgres.test.ts).
import { describe, expect, it } from 'vitest';
import { freshHarnesses, type SharingHarness } from '../sharing-fixtures.js';
import type { StixObject } from '../stix/stix-types.js';
import { LATEST_VERSION, type LedgerEntry } from './publication-ledger.js';

const object = (n: number, extra: Record<string, unknown> = {}): StixObject => ({
  type: 'vigil-assessment',
  id: `vigil-assessment--2ed6657d-e927-568b-95e1-2665a8aea${String(n).padStart(3, '0')}`,
  spec_version: '2.1',
  created: '2024-04-10T15:59:59.999Z',
  modified: '2024-04-10T15:59:59.999Z',
  level: 1,
  ...extra,
});
const all = { tlpMax: 'red' as const, kinds: ['assessment' as const], versions: LATEST_VERSION };
const everyVersion = { ...all, versions: { ...LATEST_VERSION, last: false, all: true } };
const seqs = (entries: LedgerEntry[]) => entries.map((e) => e.seq);

export function runPublicationLedgerContract(
  name: string,
  create: () => Promise<SharingHarness>,
  options: { skip?: boolean } = {},
): void {
  describe.skipIf(options.skip ?? false)(`PublicationLedger contract: ${name}`, () => {
    const fresh = freshHarnesses(create);

    it('re-publishing unchanged content is a no-op; changed content is a new version with the same created', async () => {
      const l = (await fresh()).sharing.ledger;
      expect((await l.publish(object(1), 'assessment', 'green', '2026-01-01T00:00:00.000Z')).added).toBe(true);
      expect((await l.publish(object(1), 'assessment', 'green', '2026-01-02T00:00:00.000Z')).added).toBe(false);
      const changed = await l.publish(object(1, { level: 3 }), 'assessment', 'green', '2026-01-03T00:00:00.000Z');
      expect(changed.object).toMatchObject({
        created: '2024-04-10T15:59:59.999Z',
        modified: '2026-01-03T00:00:00.000Z',
        level: 3,
      });
      expect((await l.query(all)).map((e) => e.object.modified)).toEqual(['2026-01-03T00:00:00.000Z']);
      expect(
        (await l.query({ ...all, versions: { ...LATEST_VERSION, last: false, first: true } })).map(
          (e) => e.object.level,
        ),
      ).toEqual([1]);
      expect(await l.query(everyVersion)).toHaveLength(2);
      expect(
        (await l.query({ ...all, versions: { ...LATEST_VERSION, last: false, at: ['2024-04-10T15:59:59.999Z'] } })).map(
          (e) => e.object.level,
        ),
      ).toEqual([1]);
      // The same content under another TLP is a new version too.
      expect((await l.publish(object(1, { level: 3 }), 'assessment', 'amber', '2026-01-04T00:00:00.000Z')).added).toBe(
        true,
      );
      expect(await l.query(everyVersion)).toHaveLength(3);
    });

    it('applies the TLP ceiling in the query, to candidates and to the versions they are compared with', async () => {
      const l = (await fresh()).sharing.ledger;
      await l.publish(object(1), 'assessment', 'green', '2026-01-01T00:00:00.000Z');
      await l.publish(object(1, { level: 4 }), 'assessment', 'amber', '2026-01-02T00:00:00.000Z');
      await l.publish(object(2), 'assessment', 'red', '2026-01-02T00:00:00.000Z');
      const green = await l.query({ ...all, tlpMax: 'green' });
      expect(green.map((e) => [e.object.id, e.object.level, e.tlp])).toEqual([[object(1).id, 1, 'green']]);
      expect((await l.query({ ...all, tlpMax: 'amber' })).map((e) => e.object.level)).toEqual([4]);
      expect(await l.query({ ...all, tlpMax: 'red' })).toHaveLength(2);
      expect(await l.query({ ...everyVersion, tlpMax: 'clear' })).toEqual([]);
    });

    it('filters by id, type, added-after and kind, and never serves what was received from others', async () => {
      const l = (await fresh()).sharing.ledger;
      await l.publish(object(1), 'assessment', 'clear', '2026-01-01T00:00:00.000Z');
      await l.publish(object(2), 'assessment', 'clear', '2026-01-05T00:00:00.000Z');
      expect(
        await l.keepReceived(
          [{ object: object(3), kind: 'assessment', tlp: 'clear' }],
          'partner:beta',
          '2026-01-06T00:00:00.000Z',
        ),
      ).toBe(1);
      expect(
        await l.keepReceived(
          [{ object: object(3), kind: 'assessment', tlp: 'clear' }],
          'partner:beta',
          '2026-01-07T00:00:00.000Z',
        ),
      ).toBe(0);
      expect(await l.query(all)).toHaveLength(2);
      expect(await l.query({ ...all, ids: [object(2).id] })).toHaveLength(1);
      expect(await l.query({ ...all, ids: [] })).toEqual([]);
      expect(await l.query({ ...all, types: ['report'] })).toHaveLength(0);
      expect(await l.query({ ...all, types: ['report', 'vigil-assessment'] })).toHaveLength(2);
      expect(await l.query({ ...all, addedAfter: '2026-01-02T00:00:00.000Z' })).toHaveLength(1);
      expect(await l.query({ ...all, kinds: ['alert'] })).toHaveLength(0);
      expect(await l.query({ ...all, kinds: [] })).toEqual([]);
      const received = await l.received('partner:beta');
      expect(received.map((e) => [e.object.id, e.origin, e.dateAdded])).toEqual([
        [object(3).id, 'partner:beta', '2026-01-06T00:00:00.000Z'],
      ]);
      expect(await l.received('partner:nobody')).toEqual([]);
    });

    it('pages in the order objects were added: afterSeq and limit; received newest first', async () => {
      const l = (await fresh()).sharing.ledger;
      for (let n = 1; n <= 5; n++) await l.publish(object(n), 'assessment', 'green', `2026-01-0${n}T00:00:00.000Z`);
      const whole = await l.query(all);
      expect(whole.map((e) => e.object.id)).toEqual([1, 2, 3, 4, 5].map((n) => object(n).id));
      expect(seqs(whole)).toEqual([...seqs(whole)].sort((a, b) => a - b));
      const first = await l.query({ ...all, limit: 2 });
      const rest = await l.query({ ...all, afterSeq: first[1].seq });
      expect([...first, ...rest]).toEqual(whole);
      expect(whole[0]).toMatchObject({
        kind: 'assessment',
        tlp: 'green',
        origin: 'own',
        dateAdded: '2026-01-01T00:00:00.000Z',
        object: object(1),
      });
      await l.keepReceived(
        [1, 2, 3].map((n) => ({ object: object(10 + n), kind: 'foreign' as const, tlp: 'amber' as const })),
        'partner:beta',
        '2026-01-09T00:00:00.000Z',
      );
      expect((await l.received('partner:beta', 2)).map((e) => e.object.id)).toEqual([object(13).id, object(12).id]);
    });

    it('keeps every version when the same object is re-published at once, and a reader paging by seq misses nothing', async () => {
      const h = await fresh();
      const writers = [h.sharing.ledger, (await h.reopen({ now: '2026-01-01T00:00:00.000Z' })).ledger];
      const reader = (await h.reopen({ now: '2026-01-01T00:00:00.000Z' })).ledger;
      const seen: number[] = [];
      let reading = true;
      const polling = (async () => {
        let after = 0;
        while (reading) {
          for (const e of await reader.query({ ...everyVersion, afterSeq: after })) {
            seen.push(e.seq);
            after = e.seq;
          }
        }
      })();
      const now = '2026-01-02T00:00:00.000Z';
      const results = await Promise.all([
        ...Array.from({ length: 6 }, (_, i) =>
          writers[i % 2].publish(object(1, { level: i }), 'assessment', 'green', now),
        ),
        ...Array.from({ length: 20 }, (_, i) => writers[i % 2].publish(object(100 + i), 'assessment', 'green', now)),
        ...Array.from({ length: 4 }, (_, i) => writers[i % 2].publish(object(200), 'assessment', 'green', now)),
      ]);
      reading = false;
      await polling;
      expect(results.filter((r) => r.added)).toHaveLength(6 + 20 + 1);
      const versions = (await reader.query({ ...everyVersion, ids: [object(1).id] })).map((e) => e.object.modified);
      expect(versions).toHaveLength(6);
      expect(new Set(versions).size).toBe(6);
      expect(versions).toEqual([...versions].sort());
      const every = seqs(await reader.query(everyVersion));
      expect(every).toHaveLength(27);
      const late = seqs(await reader.query({ ...everyVersion, afterSeq: seen.at(-1) ?? 0 }));
      expect([...seen, ...late]).toEqual(every);
    });
  });
}
