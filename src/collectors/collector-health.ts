// The health record of each live collector (last run, last success, last error, consecutive failures), kept in the
// store's settings so `vigil sources` and the API can show it from any process.
import type { Store } from '../storage/store.js';

export interface CollectorHealth {
  /** Collector id, e.g. `mnd-web` or `feed:focustaiwan.tw`. */
  id: string;
  /** The ingest kind of what it collects (e.g. `mnd-bulletin-page`, `news-feed`). */
  kind: string;
  url: string;
  lastRunAt: string;
  /** First successful run: where learned coverage begins. */
  firstSuccessAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  consecutiveFailures: number;
  /** Observations produced and newly stored by the last successful run. */
  lastObservations: number;
  lastInserted: number;
}

export type RunOutcome = { ok: true; observations: number; inserted: number } | { ok: false; error: string };

const KEY = (id: string) => `source-health.${id}`;
const INDEX = 'source-health.index';

export async function recordRun(
  store: Store,
  collector: { id: string; kind: string; url: string },
  now: string,
  outcome: RunOutcome,
): Promise<CollectorHealth> {
  const previous = await store.getSetting<CollectorHealth>(KEY(collector.id));
  const health: CollectorHealth = outcome.ok
    ? {
        ...collector,
        lastRunAt: now,
        firstSuccessAt: previous?.firstSuccessAt ?? previous?.lastSuccessAt ?? now,
        lastSuccessAt: now,
        consecutiveFailures: 0,
        lastObservations: outcome.observations,
        lastInserted: outcome.inserted,
      }
    : {
        ...collector,
        lastRunAt: now,
        ...(previous?.firstSuccessAt !== undefined ? { firstSuccessAt: previous.firstSuccessAt } : {}),
        ...(previous?.lastSuccessAt !== undefined ? { lastSuccessAt: previous.lastSuccessAt } : {}),
        lastError: outcome.error,
        consecutiveFailures: (previous?.consecutiveFailures ?? 0) + 1,
        lastObservations: previous?.lastObservations ?? 0,
        lastInserted: previous?.lastInserted ?? 0,
      };
  await store.setSetting(KEY(collector.id), health);
  const index = (await store.getSetting<string[]>(INDEX)) ?? [];
  if (!index.includes(collector.id)) await store.setSetting(INDEX, [...index, collector.id].sort());
  return health;
}

export async function listCollectorHealth(store: Store): Promise<CollectorHealth[]> {
  const index = (await store.getSetting<string[]>(INDEX)) ?? [];
  const records = await Promise.all(index.map((id) => store.getSetting<CollectorHealth>(KEY(id))));
  return records.filter((r): r is CollectorHealth => r !== undefined);
}
