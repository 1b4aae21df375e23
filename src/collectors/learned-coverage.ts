// Coverage learned from live collectors: a source counts as collected from its first successful run on, and its
// series turn `stale` once its latest success is older than the source's cadence. Pure: health records come in.
import type { Coverage, CoverageEntry } from '../analysis/coverage.js';
import type { Zone } from '../time/zone.js';
import type { CollectorHealth } from './collector-health.js';
import { SOURCE_CATALOG, type SourceSpec } from './source-status.js';

/** The catalogue source a collector feeds: by its ingest kind, or `collector <id>` / `collector feed:*`. */
export function sourceOfCollector(
  health: Pick<CollectorHealth, 'id' | 'kind'>,
  catalog: readonly SourceSpec[] = SOURCE_CATALOG,
): SourceSpec | undefined {
  return catalog.find((spec) =>
    spec.kinds.some(
      (k) =>
        k === health.kind ||
        k === `collector ${health.id}` ||
        (k.endsWith('*') && `collector ${health.id}`.startsWith(k.slice(0, -1))),
    ),
  );
}

export function learnedCoverage(
  records: readonly CollectorHealth[],
  zone: Zone,
  catalog: readonly SourceSpec[] = SOURCE_CATALOG,
): Coverage {
  const entries: CoverageEntry[] = [];
  for (const h of records) {
    const first = h.firstSuccessAt ?? h.lastSuccessAt;
    if (first === undefined || h.lastSuccessAt === undefined) continue;
    const spec = sourceOfCollector(h, catalog);
    if (!spec) continue;
    const from = zone.dayOf(Date.parse(first));
    const lastSuccess = zone.dayOf(Date.parse(h.lastSuccessAt));
    for (const prefix of spec.prefixes) {
      entries.push({
        series: `${prefix}*`,
        windows: [{ from, to: Number.POSITIVE_INFINITY }],
        origin: 'learned',
        from: `collector ${h.id}`,
        lastSuccess,
        ...(spec.cadenceDays !== undefined ? { staleAfterDays: spec.cadenceDays } : {}),
      });
    }
  }
  return { entries };
}
