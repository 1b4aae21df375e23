// Builds the STIX bundle `vigil export stix` writes: observations of a period, the assessment of each day, all at
// or below a TLP ceiling, optionally signed.
import type { Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import type { DayNumber } from '../time/zone.js';
import { assessWithinCeiling } from './shared-assessment.js';
import { signDocument, type Signer } from './signing/signed-document.js';
import { assessmentToStix, summariseAssessment } from './stix/assessment-to-stix.js';
import { buildBundle } from './stix/build-bundle.js';
import { observationToStix } from './stix/observation-to-stix.js';
import { identityObject, type OrgIdentity } from './stix/producer-identity.js';
import type { StixBundle, StixObject } from './stix/stix-types.js';
import { mayReshare } from './tlp/tlp-ceiling.js';

export interface ExportOptions {
  /** Observations whose period overlaps [from, to) (ISO instants). */
  from: string;
  to: string;
  tlpMax: Tlp;
  identity: OrgIdentity;
  /** The pack and local days to include assessments for; none when omitted. */
  assessments?: { pack: Pack; days: DayNumber[] };
  signer?: Signer;
}

export interface ExportResult {
  bundle: StixBundle;
  observations: number;
  assessments: number;
}

/**
 * Every revision in the period at or below the ceiling is exported (the TLP ceiling is part of the store query);
 * what came from other organisations goes only up to GREEN, as TLP 2.0 allows (tlp-ceiling.ts).
 */
export async function exportStix(store: Store, options: ExportOptions): Promise<ExportResult> {
  const producer = identityObject(options.identity);
  const rows = await store.queryObservations({
    from: options.from,
    to: options.to,
    tlpMax: options.tlpMax,
    allRevisions: true,
  });
  const shared = rows.filter((o) => mayReshare(o.source, o.tlp, ''));
  const objects: StixObject[] = shared.flatMap((o) => observationToStix(o, producer.id));
  let assessments = 0;
  for (const day of options.assessments?.days ?? []) {
    const { assessment, tlp } = await assessWithinCeiling(store, options.assessments!.pack, day, options.tlpMax);
    objects.push(assessmentToStix(summariseAssessment(assessment), { producerId: producer.id, tlp }));
    assessments++;
  }
  const bundle = buildBundle(objects, producer);
  return {
    bundle: options.signer ? signDocument(bundle, options.signer) : bundle,
    observations: shared.length,
    assessments,
  };
}
