// Whether the sources the pack reads are current: `degraded` with the stale ones (and failing collectors) named, so a
// health check never says `ok` while the board rests on data weeks old.
import { packSeries } from './assess-at.js';
import { listCollectorHealth } from '../collectors/collector-health.js';
import { SOURCE_CATALOG, sourceStatuses, type SourceStatus } from '../collectors/source-status.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';

export interface StaleSource {
  id: string;
  name: string;
  /** The name in Traditional Chinese (the catalogue's; the English name when it has none). */
  nameZh: string;
  /** Days since its latest publication; null when it never published. */
  ageDays: number | null;
  cadenceDays: number;
}

export interface SourceReadiness {
  status: 'ok' | 'degraded';
  staleSources: StaleSource[];
  /** Live collectors whose latest run failed. */
  failingCollectors: { id: string; consecutiveFailures: number }[];
  /** Every source the pack reads, with its age (for metrics). */
  sources: SourceStatus[];
}

/** Sources with a cadence whose series the pack reads; event sources (triggers, transits) have none and are never stale. */
export async function sourceReadiness(store: Store, pack: Pack, nowMs: number): Promise<SourceReadiness> {
  const series = packSeries(pack);
  const statuses = sourceStatuses(await store.listSeries(), nowMs);
  const read = (s: SourceStatus) =>
    s.series.some((x) => series.includes(x.series)) || (s.state === 'never' && readsPrefixOf(s.id, series));
  const sources = statuses.filter(read);
  const staleSources = sources
    .filter((s) => s.cadenceDays !== undefined && (s.state === 'stale' || s.state === 'never'))
    .map((s) => ({
      id: s.id,
      name: s.name,
      nameZh: SOURCE_CATALOG.find((c) => c.id === s.id)?.nameZh ?? s.name,
      ageDays: s.ageDays ?? null,
      cadenceDays: s.cadenceDays!,
    }));
  const failingCollectors = (await listCollectorHealth(store))
    .filter((h) => h.consecutiveFailures > 0)
    .map((h) => ({ id: h.id, consecutiveFailures: h.consecutiveFailures }));
  const status = staleSources.length > 0 || failingCollectors.length > 0 ? 'degraded' : 'ok';
  return { status, staleSources, failingCollectors, sources };
}

function readsPrefixOf(sourceId: string, series: readonly string[]): boolean {
  const spec = SOURCE_CATALOG.find((c) => c.id === sourceId);
  return spec !== undefined && series.some((s) => spec.prefixes.some((p) => s.startsWith(p)));
}
