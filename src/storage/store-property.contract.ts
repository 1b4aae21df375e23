// Property test for the Store contract: random revisions, compared with a naive in-memory point-in-time reference.
import fc from 'fast-check';
import { expect } from 'vitest';
import { tlpRank, TLP_LEVELS, type Observation, type Tlp } from '../model/index.js';
import { ids, INGESTED_AT, instant, observation, type StoreContractContext } from './store-contract-fixtures.js';
import type { ObservationQuery } from './store.js';

const claim = fc.record({
  series: fc.constantFrom('test.a', 'test.b'),
  period: fc.integer({ min: 0, max: 1 }),
  event: fc.boolean(),
  subject: fc.constantFrom(undefined, 's1'),
  published: fc.integer({ min: 3, max: 5 }),
  value: fc.integer({ min: 0, max: 2 }),
  tlp: fc.constantFrom<Tlp>('clear', 'green', 'amber'),
});

const scenario = fc.record({
  batches: fc.array(fc.array(claim, { maxLength: 12 }), { minLength: 1, maxLength: 3 }),
  asOf: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }),
  tlpMax: fc.option(fc.constantFrom<Tlp>(...TLP_LEVELS), { nil: undefined }),
  allRevisions: fc.boolean(),
});

type Claim = typeof claim extends fc.Arbitrary<infer T> ? T : never;

function toObservation(c: Claim): Observation {
  const start = instant(c.period);
  return observation({
    series: c.series,
    periodStart: start,
    periodEnd: c.event ? start : instant(c.period + 1),
    subject: c.subject,
    publishedAt: instant(c.published),
    value: c.value,
    tlp: c.tlp,
  });
}

/** The obvious implementation of the port's as-of rules, over observations in storage order. */
function reference(stored: readonly Observation[], query: ObservationQuery): string[] {
  const seen = new Set<string>();
  const rows = stored.filter((o) => !seen.has(o.id) && seen.add(o.id)).map((o, seq) => ({ o, seq }));
  const visible = rows.filter(
    ({ o }) =>
      (query.asOf === undefined || o.publishedAt <= query.asOf) &&
      (query.tlpMax === undefined || tlpRank(o.tlp) <= tlpRank(query.tlpMax)),
  );
  const key = (o: Observation) => [o.series, o.periodStart, o.periodEnd, o.subject ?? ''];
  const latest = query.allRevisions
    ? visible
    : visible.filter(
        ({ o, seq }) =>
          !visible.some((other) => {
            const same = key(other.o).every((part, i) => part === key(o)[i]);
            return (
              same &&
              (other.o.publishedAt > o.publishedAt || (other.o.publishedAt === o.publishedAt && other.seq > seq))
            );
          }),
      );
  const sortKey = ({ o, seq }: { o: Observation; seq: number }) => [
    ...key(o),
    o.publishedAt,
    String(seq).padStart(6, '0'),
  ];
  return latest
    .sort((x, y) => {
      const [a, b] = [sortKey(x), sortKey(y)];
      const i = a.findIndex((part, j) => part !== b[j]);
      return i < 0 ? 0 : a[i] < b[i] ? -1 : 1;
    })
    .map(({ o }) => o.id);
}

export function runPropertyContract({ create, test }: StoreContractContext): void {
  test('as-of queries agree with a naive reference on random revisions', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ batches, asOf, tlpMax, allRevisions }) => {
        const store = await create();
        try {
          const put: Observation[] = [];
          for (const batch of batches) {
            const obs = batch.map(toObservation);
            await store.putObservations(obs, INGESTED_AT);
            put.push(...obs);
          }
          const query: ObservationQuery = {
            asOf: asOf === undefined ? undefined : instant(asOf),
            tlpMax,
            allRevisions,
          };
          expect(ids(await store.queryObservations(query))).toEqual(reference(put, query));
        } finally {
          await store.close();
        }
      }),
      { numRuns: 40 },
    );
  });
}
