// Keeps each reader class's view of the store (one per TLP ceiling and series selection) in memory and tops it up
// with only the rows stored since, so a TAXII page does not re-read the whole store. Every row still comes from a
// store query carrying the ceiling (tlpMax); stored observations never change and seq only grows, in commit order
// on SQLite and on PostgreSQL (pg-store.ts's write lock).
import type { Store, StoredObservation } from '../../storage/store.js';
import { readerCeiling, visibleObservations, type ReaderScope } from './collection-reader.js';

export type VisibleRows = (scope: ReaderScope, afterSeq: number) => Promise<StoredObservation[]>;

export interface VisibleRowsCacheOptions {
  /** Rows kept across all views; the least recently used views are dropped beyond it (default 250,000). */
  maxRows?: number;
}

interface View {
  rows: StoredObservation[];
  maxSeq: number;
}

export function createVisibleRowsCache(store: Store, options: VisibleRowsCacheOptions = {}): VisibleRows {
  const maxRows = options.maxRows ?? 250_000;
  const views = new Map<string, View>();
  const locks = new Map<string, Promise<unknown>>();

  /** One refresh at a time per view, so concurrent requests never append the same rows twice. */
  function serialised<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const run = (locks.get(key) ?? Promise.resolve()).then(fn, fn);
    locks.set(
      key,
      run.catch(() => undefined),
    );
    return run;
  }

  function evict(): void {
    let total = [...views.values()].reduce((n, v) => n + v.rows.length, 0);
    for (const [key, view] of views) {
      if (total <= maxRows) break;
      views.delete(key);
      total -= view.rows.length;
    }
  }

  return async (scope, afterSeq) => {
    const key = `${readerCeiling(scope)}|${[...scope.collection.series].sort().join(',')}`;
    const view = await serialised(key, async () => {
      const cached = views.get(key);
      const fresh = await visibleObservations(store, scope, cached?.maxSeq ?? 0);
      const next =
        cached === undefined
          ? { rows: fresh, maxSeq: 0 }
          : { rows: fresh.length > 0 ? cached.rows.concat(fresh) : cached.rows, maxSeq: cached.maxSeq };
      if (next.rows.length > 0) next.maxSeq = next.rows[next.rows.length - 1].seq;
      views.delete(key);
      if (next.rows.length <= maxRows) views.set(key, next);
      evict();
      return next;
    });
    return view.rows.slice(firstAfter(view.rows, afterSeq));
  };
}

/** Index of the first row with seq > afterSeq (rows are sorted by seq). */
function firstAfter(rows: readonly StoredObservation[], afterSeq: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid].seq <= afterSeq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
