// After an ingest the server's assessment view reads only what was stored since its last look: no store-wide
// aggregate (listSeries) and no full re-read, and the result is the same as assessing from scratch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PointInTimeIndex } from '../analysis/point-in-time-index.js';
import { assessAt } from './assess-at.js';
import { ingestFiles } from './ingest-files.js';
import { DEFAULT_PACK } from './paths.js';
import { withId, type ObservationInput } from '../model/index.js';
import { loadPack, packPath } from '../packs/pack-loader.js';
import { openObservationStore } from '../storage/open-store.js';
import type { ObservationQuery, Store } from '../storage/store.js';
import { createAssessmentService } from './assessment-service.js';
import { getZone } from '../time/zone.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-incremental-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The store, counting the calls whose cost grows with the store. */
function counting(store: Store) {
  const calls = { listSeries: 0, fullQueries: 0, incremental: 0 };
  const wrapped: Store = Object.create(store);
  wrapped.listSeries = async (q) => {
    calls.listSeries++;
    return store.listSeries(q);
  };
  wrapped.queryObservations = async (q: ObservationQuery = {}) => {
    if (q.afterSeq === undefined) calls.fullQueries++;
    else calls.incremental++;
    return store.queryObservations(q);
  };
  return { store: wrapped, calls };
}

const report = (day: number, value: number, publishedHour = 9): ObservationInput => {
  const start = new Date(Date.UTC(2026, 7, 22 + day) - 8 * 3_600_000);
  const end = new Date(start.getTime() + 86_400_000);
  return {
    series: 'mnd.aircraft.total',
    value,
    unit: 'aircraft',
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    publishedAt: new Date(end.getTime() + publishedHour * 3_600_000).toISOString(),
    source: 'mnd',
    reliability: 'A',
    credibility: 1,
    tlp: 'clear',
  };
};

describe('the ingest path does work proportional to what changed', () => {
  it('keeps the assessment view and the data span current from the rows stored since, matching a fresh assessment', async () => {
    const pack = loadPack(DEFAULT_PACK);
    const raw = openObservationStore(join(dir, 'v.db'));
    await raw.migrate();
    const file = pack.data.find((d) => d.kind === 'mnd-daily')!;
    await ingestFiles(raw, file.kind, [packPath(pack, file.path)], { now: '2026-09-01T00:00:00.000Z' });
    const { store, calls } = counting(raw);
    const now = { ms: Date.parse('2026-09-20T00:00:00Z') };
    const service = createAssessmentService(store, pack, { now: () => new Date(now.ms), freshnessMs: 60_000 });
    await service.assess((await service.span())!.latest);
    expect(calls).toMatchObject({ listSeries: 0, fullQueries: 1 });

    const zone = getZone(pack.timeZone);
    const reads = vi.spyOn(PointInTimeIndex.prototype, 'daily');
    const seen = new Set<number>();
    for (let day = 1; day <= 12; day++) {
      const input = report(day, day % 4 === 0 ? 60 : 8);
      await raw.putObservations([withId(input)], '2026-09-20T00:00:00.000Z');
      service.invalidate();
      const span = (await service.span())!;
      reads.mockClear();
      const incremental = await service.assess(span.latest);
      // Days before the new report's publication kept their memo: none already worked out is read again.
      const published = zone.endOfDay(zone.dayOf(Date.parse(input.publishedAt))) - 1;
      const asOf = reads.mock.calls.map((call) => call[1]);
      expect(asOf.filter((ms) => ms < published && seen.has(ms))).toEqual([]);
      for (const ms of asOf) seen.add(ms);
      expect(incremental).toEqual(await assessAt(raw, pack, span.latest));
    }
    reads.mockRestore();
    // Only the first build read everything; each ingest cost one query for the rows stored since.
    expect(calls.listSeries).toBe(0);
    expect(calls.fullQueries).toBe(1);
    expect(calls.incremental).toBe(12);
    await raw.close();
  });
});
