// Gathers what the daily brief of a local day is made from: the day's and the previous day's assessments (the live
// path's assessAt) and the provenance of the observations read, marked with the most restrictive TLP among them.
import type { BriefInput, BriefProvenance } from '../brief/brief-content.js';
import type { Pack } from '../packs/pack-schema.js';
import { maxTlp } from '../sharing/tlp/tlp-ceiling.js';
import type { Store, StoredObservation } from '../storage/store.js';
import type { DayNumber } from '../time/zone.js';
import type { Tlp } from '../model/index.js';
import { assessAt, observationsAsKnownAt } from './assess-at.js';

/** `tlpMax`: assess and mark the brief from observations at or below this marking only (a reader's clearance). */
export async function briefInputAt(
  store: Store,
  pack: Pack,
  day: DayNumber,
  generatedAt: Date,
  tlpMax?: Tlp,
): Promise<BriefInput> {
  const today = await assessAt(store, pack, day, tlpMax);
  const previous = await assessAt(store, pack, day - 1, tlpMax);
  // Nothing published before the previous day: it has no assessment worth comparing with.
  const hasPrevious = previous.indicators.some((i) => i.dataDay !== null);
  const observations = await observationsAsKnownAt(store, pack, day, tlpMax);
  return {
    pack,
    today,
    previous: hasPrevious ? previous : undefined,
    provenance: provenanceOf(observations),
    generatedAt: generatedAt.toISOString(),
  };
}

/** Sources read (observation count, latest publication) and the most restrictive marking among the observations. */
export function provenanceOf(observations: readonly StoredObservation[]): BriefProvenance {
  const bySource = new Map<string, { observations: number; latestPublishedAt: string }>();
  for (const o of observations) {
    const s = bySource.get(o.source) ?? { observations: 0, latestPublishedAt: o.publishedAt };
    s.observations += 1;
    if (o.publishedAt > s.latestPublishedAt) s.latestPublishedAt = o.publishedAt;
    bySource.set(o.source, s);
  }
  const sources = [...bySource]
    .map(([source, s]) => ({ source, ...s }))
    .sort((a, b) => a.source.localeCompare(b.source));
  return { tlp: maxTlp(observations.map((o) => o.tlp)), sources };
}
