// Assembles STIX bundles: the objects plus what they refer to (producer, TLP markings, extension definitions, series).
import { createHash } from 'node:crypto';
import { TLP_LEVELS, tlpRank, type Tlp } from '../../model/index.js';
import { isTlpMarkingId, tlpMarkingDefinition, tlpOfMarkingRefs } from '../tlp/tlp-markings.js';
import { seriesObject } from './observation-to-stix.js';
import { stixVersion, type StixBundle, type StixObject } from './stix-types.js';
import { stixId } from './uuid5.js';
import { VIGIL_EXTENSION_DEFINITIONS, VIGIL_OBSERVATION_EXTENSION_ID } from './vigil-extensions.js';

/**
 * The objects `objects` refer to that a consumer needs to read them: the producer's identity, the series SCOs their
 * observed-data point at (each marked like the least restricted object that refers to it), the Vigil extension
 * definitions they use, and the TLP 2.0 marking definitions all of these carry (STIX 2.1 predefines only TLP 1.0).
 */
export function supportObjects(objects: readonly StixObject[], producer: StixObject | undefined): StixObject[] {
  const series = new Map<string, Tlp>();
  const extensionIds = new Set<string>();
  for (const o of objects) {
    for (const key of Object.keys(o.extensions ?? {}))
      if (Object.hasOwn(VIGIL_EXTENSION_DEFINITIONS, key)) extensionIds.add(key);
    const observation = o.extensions?.[VIGIL_OBSERVATION_EXTENSION_ID];
    if (o.type === 'observed-data' && typeof observation?.series === 'string') {
      const tlp = tlpOfMarkingRefs(o.object_marking_refs) ?? 'red';
      const seen = series.get(observation.series);
      if (seen === undefined || tlpRank(tlp) < tlpRank(seen)) series.set(observation.series, tlp);
    }
  }
  const seriesObjects = [...series].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, tlp]) => seriesObject(name, tlp));
  for (const s of seriesObjects) for (const key of Object.keys(s.extensions ?? {})) extensionIds.add(key);
  const definitions = [...extensionIds].sort().map((id) => VIGIL_EXTENSION_DEFINITIONS[id]);
  const head = [...(producer ? [producer] : []), ...definitions, ...seriesObjects];
  const markingIds = new Set<string>();
  for (const o of [...head, ...objects])
    for (const ref of o.object_marking_refs ?? []) if (isTlpMarkingId(ref)) markingIds.add(ref);
  const markings = TLP_LEVELS.map(tlpMarkingDefinition).filter((m) => markingIds.has(m.id)) as unknown as StixObject[];
  return [...(producer ? [producer] : []), ...markings, ...definitions, ...seriesObjects];
}

/**
 * A bundle of `objects` and their support objects. Its id is derived from the ids and versions it holds, so
 * exporting the same data twice gives the same bundle, byte for byte.
 */
export function buildBundle(objects: readonly StixObject[], producer: StixObject | undefined): StixBundle {
  const all = [...supportObjects(objects, producer), ...objects];
  const digest = createHash('sha256');
  for (const o of all) digest.update(`${o.id}|${stixVersion(o) ?? ''}\n`);
  return { type: 'bundle', id: stixId('bundle', digest.digest('hex')), objects: all };
}
