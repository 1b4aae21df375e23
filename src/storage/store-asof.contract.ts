// Contract tests for point-in-time reads: revisions, as-of cut-offs, and every query filter.
import { expect } from 'vitest';
import { ids, INGESTED_AT, instant, observation, type StoreContractContext } from './store-contract-fixtures.js';
import { runPropertyContract } from './store-property.contract.js';

export function runAsOfContract(ctx: StoreContractContext): void {
  revisions(ctx);
  filters(ctx);
  runPropertyContract(ctx);
}

function revisions({ store, test }: StoreContractContext): void {
  const first = observation({ value: 10, publishedAt: instant(1, 1) });
  const revised = observation({ value: 12, publishedAt: instant(3) });

  test('a later revision supersedes the earlier one, which stays answerable as of its time', async () => {
    await store().putObservations([revised, first], INGESTED_AT);
    expect(ids(await store().queryObservations())).toEqual([revised.id]);
    expect(ids(await store().queryObservations({ asOf: instant(2) }))).toEqual([first.id]);
    expect(ids(await store().queryObservations({ asOf: instant(3) }))).toEqual([revised.id]);
    expect(ids(await store().queryObservations({ asOf: instant(1) }))).toEqual([]);
  });

  test('allRevisions returns every revision in publication order, still bounded by asOf', async () => {
    await store().putObservations([revised, first], INGESTED_AT);
    expect(ids(await store().queryObservations({ allRevisions: true }))).toEqual([first.id, revised.id]);
    expect(ids(await store().queryObservations({ allRevisions: true, asOf: instant(2) }))).toEqual([first.id]);
  });

  test('a tie on publishedAt goes to the later-stored revision', async () => {
    const a = observation({ value: 1, publishedAt: instant(2) });
    const b = observation({ value: 2, publishedAt: instant(2) });
    await store().putObservations([a], INGESTED_AT);
    await store().putObservations([b], INGESTED_AT);
    expect(ids(await store().queryObservations())).toEqual([b.id]);
    const c = observation({ series: 'test.other', value: 1, publishedAt: instant(2) });
    const d = observation({ series: 'test.other', value: 2, publishedAt: instant(2) });
    await store().putObservations([d, c], INGESTED_AT);
    expect(ids(await store().queryObservations({ series: ['test.other'] }))).toEqual([c.id]);
  });

  test('subject tells apart events on the same series and instant', async () => {
    const at = {
      periodStart: instant(4, 3),
      periodEnd: instant(4, 3),
      publishedAt: instant(4, 5),
      series: 'test.triggers',
    };
    const x = observation({ ...at, subject: 'visit', value: 1 });
    const y = observation({ ...at, subject: 'arms-sale', value: 1 });
    const bare = observation({ ...at, value: 1 });
    await store().putObservations([x, y, bare], INGESTED_AT);
    expect(ids(await store().queryObservations())).toEqual([bare.id, y.id, x.id]);
  });

  test('observations published after asOf are invisible; publishedAt == asOf is visible', async () => {
    const early = observation({ series: 'test.a', publishedAt: instant(1) });
    const late = observation({ series: 'test.b', publishedAt: instant(5) });
    await store().putObservations([early, late], INGESTED_AT);
    expect(ids(await store().queryObservations({ asOf: instant(4) }))).toEqual([early.id]);
    expect(ids(await store().queryObservations({ asOf: instant(5) }))).toEqual([early.id, late.id]);
    expect(ids(await store().queryObservations({ asOf: instant(4), allRevisions: true }))).toEqual([early.id]);
  });

  test('tlpMax hides more restricted markings, before the latest revision is picked', async () => {
    const clear = observation({ series: 'test.a', tlp: 'clear' });
    const green = observation({ series: 'test.b', tlp: 'green' });
    const amber = observation({ series: 'test.c', tlp: 'amber' });
    const amberRevision = observation({ series: 'test.b', tlp: 'amber', value: 99, publishedAt: instant(4) });
    await store().putObservations([clear, green, amber, amberRevision], INGESTED_AT);
    expect(ids(await store().queryObservations({ tlpMax: 'green' }))).toEqual([clear.id, green.id]);
    expect(ids(await store().queryObservations({ tlpMax: 'clear' }))).toEqual([clear.id]);
    expect(ids(await store().queryObservations({ tlpMax: 'amber' }))).toEqual([clear.id, amberRevision.id, amber.id]);
    expect(ids(await store().queryObservations({ tlpMax: 'red' }))).toHaveLength(3);
  });
}

function filters({ store, test }: StoreContractContext): void {
  test('from/to select overlapping periods, events included at from and excluded at to', async () => {
    const day0 = observation({ periodStart: instant(0), periodEnd: instant(1) });
    const day1 = observation({ periodStart: instant(1), periodEnd: instant(2) });
    const eventAtFrom = observation({ series: 'test.events', periodStart: instant(1), periodEnd: instant(1) });
    const eventInside = observation({ series: 'test.events', periodStart: instant(1, 12), periodEnd: instant(1, 12) });
    const eventAtTo = observation({ series: 'test.events', periodStart: instant(2), periodEnd: instant(2) });
    await store().putObservations([day0, day1, eventAtFrom, eventInside, eventAtTo], INGESTED_AT);
    expect(ids(await store().queryObservations({ from: instant(1), to: instant(2) }))).toEqual([
      day0.id,
      day1.id,
      eventAtFrom.id,
      eventInside.id,
    ]);
    expect(ids(await store().queryObservations({ from: instant(1, 6), to: instant(1, 18) }))).toEqual([
      day1.id,
      eventInside.id,
    ]);
    expect(ids(await store().queryObservations({ from: instant(2, 1) }))).toEqual([]);
    expect(ids(await store().queryObservations({ to: instant(1) }))).toEqual([day0.id]);
  });

  test('series and seriesPrefix select exact names and name prefixes (no wildcards)', async () => {
    const names = [
      'mnd.aircraft.total',
      'mnd.aircraft.median_line',
      'mnd.ships.plan',
      'mndx.other',
      'jso.ships',
      'a_b.x',
      'axb.x',
    ];
    const obs = names.map((series) => observation({ series }));
    await store().putObservations(obs, INGESTED_AT);
    const series = async (q: Parameters<ReturnType<typeof store>['queryObservations']>[0]) =>
      (await store().queryObservations(q)).map((o) => o.series);
    expect(await series({ series: ['jso.ships', 'mnd.ships.plan', 'nope'] })).toEqual(['jso.ships', 'mnd.ships.plan']);
    expect(await series({ series: [] })).toEqual([]);
    expect(await series({ seriesPrefix: 'mnd.' })).toEqual([
      'mnd.aircraft.median_line',
      'mnd.aircraft.total',
      'mnd.ships.plan',
    ]);
    expect(await series({ seriesPrefix: 'mnd.aircraft.' })).toEqual(['mnd.aircraft.median_line', 'mnd.aircraft.total']);
    expect(await series({ seriesPrefix: 'a_b' })).toEqual(['a_b.x']);
    expect(await series({ seriesPrefix: 'mnd.', series: ['jso.ships', 'mnd.ships.plan'] })).toEqual(['mnd.ships.plan']);
  });

  test('source selects one source, whose latest revision is its own', async () => {
    const mnd = observation({ series: 'test.a', source: 'mnd' });
    const jso = observation({ series: 'test.b', source: 'jso' });
    const analystRevision = observation({
      series: 'test.a',
      source: 'analyst:alice',
      value: 13,
      publishedAt: instant(4),
    });
    await store().putObservations([mnd, jso, analystRevision], INGESTED_AT);
    expect(ids(await store().queryObservations({ source: 'jso' }))).toEqual([jso.id]);
    expect(ids(await store().queryObservations({ source: 'mnd' }))).toEqual([mnd.id]);
    expect(ids(await store().queryObservations())).toEqual([analystRevision.id, jso.id]);
  });

  test('afterSeq returns latest revisions stored after a sequence number', async () => {
    const a = observation({ series: 'test.a' });
    const b = observation({ series: 'test.b' });
    await store().putObservations([a, b], INGESTED_AT);
    const mark = Math.max(...(await store().queryObservations()).map((o) => o.seq));
    expect(await store().queryObservations({ afterSeq: mark })).toEqual([]);
    const newer = observation({ series: 'test.a', value: 11, publishedAt: instant(3) });
    const staleBackfill = observation({ series: 'test.b', value: 9, publishedAt: instant(0, 1) });
    const fresh = observation({ series: 'test.c' });
    await store().putObservations([newer, staleBackfill, fresh], INGESTED_AT);
    expect(ids(await store().queryObservations({ afterSeq: mark }))).toEqual([newer.id, fresh.id]);
    expect(ids(await store().queryObservations({ afterSeq: mark, allRevisions: true }))).toEqual([
      newer.id,
      staleBackfill.id,
      fresh.id,
    ]);
  });

  test('limit caps the ordered result', async () => {
    const obs = ['test.c', 'test.a', 'test.b'].map((series) => observation({ series }));
    await store().putObservations(obs, INGESTED_AT);
    expect((await store().queryObservations({ limit: 2 })).map((o) => o.series)).toEqual(['test.a', 'test.b']);
    expect(await store().queryObservations({ limit: 0 })).toEqual([]);
  });
}
