// The pack's data span (first observed day, latest published day) kept current by reading only the rows stored since
// the last look: for long-running roles that re-assess after every ingest, where listSeries (an aggregate over the
// whole store) grew with the store and dominated the ingest path.
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import { getZone, type DayNumber } from '../time/zone.js';
import { packSeries } from './assess-at.js';

export interface DataSpanTracker {
  /** The span now, or undefined while the store holds nothing for the pack. */
  current(): Promise<{ first: DayNumber; latest: DayNumber } | undefined>;
}

export function createDataSpanTracker(store: Store, pack: Pack): DataSpanTracker {
  const zone = getZone(pack.timeZone);
  const series = packSeries(pack);
  let span: { first: DayNumber; latest: DayNumber } | undefined;
  let seq: number | undefined;
  return {
    async current() {
      // Stored observations are never changed or removed and seq is commit order: the rows after `seq` are all that is new.
      const rows = await store.queryObservations({
        series,
        allRevisions: true,
        ...(seq === undefined ? {} : { afterSeq: seq }),
      });
      for (const o of rows) {
        const first = zone.dayOf(Date.parse(o.periodStart));
        const latest = zone.dayOf(Date.parse(o.publishedAt));
        span =
          span === undefined
            ? { first, latest }
            : { first: Math.min(span.first, first), latest: Math.max(span.latest, latest) };
        seq = Math.max(seq ?? 0, o.seq);
      }
      seq ??= 0;
      return span;
    },
  };
}
