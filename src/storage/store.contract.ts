// The one contract every Store adapter passes: each adapter's test file calls runStoreContract with a factory.
import { afterEach, beforeEach, describe, expect } from 'vitest';
import { isVigilError } from '../errors/index.js';
import { runAsOfContract } from './store-asof.contract.js';
import {
  contractTest,
  expectVigilError,
  ids,
  INGESTED_AT,
  instant,
  observation,
  unstored,
  type StoreContractContext,
} from './store-contract-fixtures.js';
import type { Store } from './store.js';

export interface StoreContractOptions {
  /** Test name → the written reason this adapter cannot pass it (yet). */
  skip?: Record<string, string>;
}

/**
 * Runs the contract against `create`, which must return a fresh, empty, migrated store on every call (the suite
 * closes it). Nothing here may assume a particular engine.
 */
export function runStoreContract(name: string, create: () => Promise<Store>, options: StoreContractOptions = {}): void {
  describe(`Store contract: ${name}`, () => {
    let current: Store | undefined;
    beforeEach(async () => {
      current = await create();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });
    const ctx: StoreContractContext = {
      store: () => {
        if (current === undefined) throw new Error('no store: contract tests run between beforeEach and afterEach');
        return current;
      },
      create,
      test: contractTest(options.skip),
    };
    writesAndReads(ctx);
    runAsOfContract(ctx);
    settingsSeriesAndLifecycle(ctx);
  });
}

function writesAndReads({ store, test }: StoreContractContext): void {
  test('migrate is idempotent and keeps data', async () => {
    await store().putObservations([observation()], INGESTED_AT);
    await store().migrate();
    await store().migrate();
    expect(await store().queryObservations()).toHaveLength(1);
  });

  test('every field round-trips', async () => {
    const full = observation({
      subject: 'trigger-42',
      text: 'Joint Sword 2024A',
      geometry: { type: 'Point', coordinates: [121.5, 25.04] },
      retrievedAt: instant(2),
      sourceRef: 'https://example.org/report?id=1',
      reliability: 'B',
      credibility: 2,
      tlp: 'amber+strict',
      attributes: { category: 'exercise', ships: 3, confirmed: true, note: null },
      value: 71.5,
    });
    const missing = observation({
      series: 'test.ships.plan',
      value: null,
      missingReason: 'report not published',
      unit: 'ships',
    });
    expect(await store().putObservations([full, missing], INGESTED_AT)).toEqual({ inserted: 2, unchanged: 0 });
    const stored = await store().queryObservations();
    expect(stored.map(unstored)).toStrictEqual([missing, full].sort((a, b) => a.series.localeCompare(b.series)));
    for (const o of stored) {
      expect(Number.isSafeInteger(o.seq) && o.seq > 0).toBe(true);
      expect(o.ingestedAt).toBe(INGESTED_AT);
      expect(await store().getObservation(o.id)).toStrictEqual(o);
    }
    expect(await store().getObservation('no-such-id')).toBeUndefined();
  });

  test('instants are stored in canonical UTC form', async () => {
    const local = observation({ periodStart: '2024-05-01T06:00:00+08:00' });
    await store().putObservations([local], '2024-06-01T08:00:00+08:00');
    const [stored] = await store().queryObservations();
    expect(stored.periodStart).toBe('2024-04-30T22:00:00.000Z');
    expect(stored.ingestedAt).toBe(INGESTED_AT);
  });

  test('re-putting the same observations is a no-op', async () => {
    const batch = [
      observation(),
      observation({ value: 11, publishedAt: instant(2) }),
      observation({ series: 'test.other' }),
    ];
    expect(await store().putObservations(batch, INGESTED_AT)).toEqual({ inserted: 3, unchanged: 0 });
    const before = await store().queryObservations({ allRevisions: true });
    expect(await store().putObservations(batch, '2024-07-01T00:00:00.000Z')).toEqual({ inserted: 0, unchanged: 3 });
    expect(await store().putObservations([batch[0], batch[0]], INGESTED_AT)).toEqual({ inserted: 0, unchanged: 2 });
    expect(await store().queryObservations({ allRevisions: true })).toStrictEqual(before);
  });

  test('a duplicate inside one batch counts once', async () => {
    const o = observation();
    expect(await store().putObservations([o, o], INGESTED_AT)).toEqual({ inserted: 1, unchanged: 1 });
    expect(await store().putObservations([], INGESTED_AT)).toEqual({ inserted: 0, unchanged: 0 });
  });

  test('seq follows insertion order across batches', async () => {
    const [a, b, c] = [
      observation({ series: 'test.c' }),
      observation({ series: 'test.a' }),
      observation({ series: 'test.b' }),
    ];
    await store().putObservations([a, b], INGESTED_AT);
    await store().putObservations([c], INGESTED_AT);
    const seqs = new Map((await store().queryObservations()).map((o) => [o.id, o.seq]));
    expect(seqs.get(a.id)! < seqs.get(b.id)! && seqs.get(b.id)! < seqs.get(c.id)!).toBe(true);
  });

  test('a group of batches counts each on its own, in order, each with its own ingest time', async () => {
    const [a, b, c, d] = ['test.a', 'test.b', 'test.c', 'test.d'].map((series) => observation({ series }));
    await store().putObservations([d], INGESTED_AT);
    const later = '2024-06-02T00:00:00.000Z';
    const puts = await store().putObservationBatches([
      { observations: [a, b, a], ingestedAt: INGESTED_AT },
      { observations: [], ingestedAt: INGESTED_AT },
      { observations: [b, c, d], ingestedAt: later },
    ]);
    // As if each batch had been its own putObservations after the one before: b is the first batch's, d was stored.
    expect(puts).toEqual([
      { inserted: 2, unchanged: 1 },
      { inserted: 0, unchanged: 0 },
      { inserted: 1, unchanged: 2 },
    ]);
    const stored = await store().queryObservations({ allRevisions: true });
    const seq = new Map(stored.map((o) => [o.id, o.seq]));
    expect(seq.get(d.id)! < seq.get(a.id)! && seq.get(a.id)! < seq.get(b.id)! && seq.get(b.id)! < seq.get(c.id)!).toBe(
      true,
    );
    expect(stored.find((o) => o.id === c.id)?.ingestedAt).toBe(later);
    expect(stored.find((o) => o.id === b.id)?.ingestedAt).toBe(INGESTED_AT);
  });

  test('a group with one bad record writes nothing of any batch, and names the record in its batch', async () => {
    const bad = observation({ series: 'test.bad', value: null });
    const error = await expectVigilError(
      store().putObservationBatches([
        { observations: [observation({ series: 'test.a' })], ingestedAt: INGESTED_AT },
        { observations: [observation({ series: 'test.b' }), bad], ingestedAt: INGESTED_AT },
      ]),
      'VIGIL_INPUT_INVALID',
    );
    expect(error.message).toContain('observation 2 of 2 (series test.bad');
    expect(await store().queryObservations({ allRevisions: true })).toEqual([]);
  });

  test('a batch with one record the schema rejects writes nothing', async () => {
    const good = [observation({ series: 'test.a' }), observation({ series: 'test.b' })];
    // Valid TypeScript, invalid claim: a null value must say why it is missing.
    const noReason = observation({ series: 'test.c', value: null });
    const error = await expectVigilError(
      store().putObservations([...good, noReason], INGESTED_AT),
      'VIGIL_INPUT_INVALID',
    );
    expect(error.message).toContain('test.c');
    const backwards = observation({ series: 'test.d', periodStart: instant(2), periodEnd: instant(1) });
    await expectVigilError(store().putObservations([good[0], backwards], INGESTED_AT), 'VIGIL_INPUT_INVALID');
    const undated = observation({ series: 'test.e', publishedAt: '24 May 2024' });
    expect(
      (await expectVigilError(store().putObservations([...good, undated], INGESTED_AT), 'VIGIL_DATE_INVALID')).message,
    ).toContain('test.e');
    expect(await store().queryObservations({ allRevisions: true })).toEqual([]);
    expect(await store().putObservations(good, INGESTED_AT)).toEqual({ inserted: 2, unchanged: 0 });
  });

  test('invalid query options fail fast', async () => {
    await expectVigilError(store().queryObservations({ asOf: 'yesterday' }), 'VIGIL_DATE_INVALID');
    await expectVigilError(store().queryObservations({ from: '2024-05-01' }), 'VIGIL_DATE_INVALID');
    await expectVigilError(store().queryObservations({ tlpMax: 'purple' as never }), 'VIGIL_UNKNOWN_KIND');
    await expectVigilError(store().queryObservations({ limit: -1 }), 'VIGIL_INPUT_INVALID');
    await store().putObservations([observation()], INGESTED_AT);
    expect(await store().queryObservations({ asOf: '2024-05-02T09:00:00+08:00' })).toHaveLength(1);
  });
}

function settingsSeriesAndLifecycle({ store, create, test }: StoreContractContext): void {
  test('settings round-trip as JSON', async () => {
    expect(await store().getSetting('pack')).toBeUndefined();
    await store().setSetting('pack', { id: 'taiwan-strait', version: 3, tags: ['a', 'b'] });
    await store().setSetting('flag', false);
    await store().setSetting('nothing', null);
    expect(await store().getSetting('pack')).toEqual({ id: 'taiwan-strait', version: 3, tags: ['a', 'b'] });
    expect(await store().getSetting<boolean>('flag')).toBe(false);
    expect(await store().getSetting('nothing')).toBeNull();
    await store().setSetting('pack', 'other');
    expect(await store().getSetting('pack')).toBe('other');
    await store().setSetting('pack', undefined);
    expect(await store().getSetting('pack')).toBeUndefined();
  });

  test('listSeries summarises latest revisions per series', async () => {
    await store().putObservations(
      [
        observation({
          series: 'test.b',
          periodStart: instant(0),
          periodEnd: instant(1),
          publishedAt: instant(1),
          source: 'mnd',
        }),
        observation({
          series: 'test.b',
          periodStart: instant(0),
          periodEnd: instant(1),
          publishedAt: instant(3),
          source: 'analyst:alice',
          value: 12,
        }),
        observation({
          series: 'test.b',
          periodStart: instant(1),
          periodEnd: instant(2),
          publishedAt: instant(2),
          source: 'mnd',
        }),
        observation({
          series: 'test.a',
          periodStart: instant(5),
          periodEnd: instant(5),
          publishedAt: instant(6),
          source: 'jso',
          tlp: 'amber',
        }),
      ],
      INGESTED_AT,
    );
    expect(await store().listSeries()).toEqual([
      {
        series: 'test.a',
        count: 1,
        firstPeriodStart: instant(5),
        lastPeriodEnd: instant(5),
        lastPublishedAt: instant(6),
        sources: ['jso'],
      },
      {
        series: 'test.b',
        count: 2,
        firstPeriodStart: instant(0),
        lastPeriodEnd: instant(2),
        lastPublishedAt: instant(3),
        sources: ['analyst:alice', 'mnd'],
      },
    ]);
    expect(await store().listSeries({ asOf: instant(2), tlpMax: 'green' })).toEqual([
      {
        series: 'test.b',
        count: 2,
        firstPeriodStart: instant(0),
        lastPeriodEnd: instant(2),
        lastPublishedAt: instant(2),
        sources: ['mnd'],
      },
    ]);
  });

  test('close is idempotent and later calls fail as unavailable', async () => {
    const other = await create();
    await other.putObservations([observation()], INGESTED_AT);
    await other.close();
    await other.close();
    const error = await expectVigilError(other.queryObservations(), 'VIGIL_STORE_UNAVAILABLE');
    expect(isVigilError(error) && error.retryable).toBe(true);
    await expectVigilError(other.putObservations([observation()], INGESTED_AT), 'VIGIL_STORE_UNAVAILABLE');
    await expectVigilError(other.getSetting('x'), 'VIGIL_STORE_UNAVAILABLE');
    expect(ids(await store().queryObservations())).toEqual([]);
  });
}
