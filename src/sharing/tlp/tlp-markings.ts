// The TLP 2.0 marking-definition objects as published by OASIS, and the map from marking ids back to Vigil's TLP.
import type { Tlp } from '../../model/index.js';
import { TLP_LEVELS, tlpRank } from '../../model/index.js';

/**
 * The OASIS TLP 2.0 property extension and its five marking definitions, with the ids and `created` time fixed by
 * their publication (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0). Consumers
 * recognise the markings by these ids, so they must never change.
 */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
export const TLP2_CREATED = '2022-10-01T00:00:00.000Z';
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** The TLP 1.0 markings STIX 2.1 predefines (§7.2.1.4); read on import so older producers' data keeps its marking. */
const TLP1_MARKING_IDS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'clear', // TLP:WHITE
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'green',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'amber',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'red',
};

export interface TlpMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: Tlp }>;
}

/** The marking-definition object for one TLP 2.0 level, exactly as published. */
export function tlpMarkingDefinition(tlp: Tlp): TlpMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: TLP2_CREATED,
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}

const TLP_BY_MARKING_ID: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  ...TLP_LEVELS.map((t) => [TLP2_MARKING_IDS[t], t] as [string, Tlp]),
  ...Object.entries(TLP1_MARKING_IDS),
]);

export function isTlpMarkingId(id: string): boolean {
  return TLP_BY_MARKING_ID.has(id);
}

/**
 * The TLP an object's `object_marking_refs` give it: the most restrictive TLP marking among them (an object marked
 * both GREEN and AMBER is AMBER), or undefined when none is a TLP marking.
 */
export function tlpOfMarkingRefs(refs: readonly string[] | undefined): Tlp | undefined {
  let found: Tlp | undefined;
  for (const ref of refs ?? []) {
    const tlp = TLP_BY_MARKING_ID.get(ref);
    if (tlp !== undefined && (found === undefined || tlpRank(tlp) > tlpRank(found))) found = tlp;
  }
  return found;
}
