// Stores received STIX content: observations into the Store (the sender as source, their TLP), everything else kept
// in the publication ledger as received. Everything is read and validated before anything is written.
import { withId } from '../model/index.js';
import type { ObservationWriter } from '../app/write-services.js';
import type { PutResult } from '../storage/store.js';
import type { PublicationLedger } from './ledger/publication-ledger.js';
import { readStixObjects, type IncomingContent, type ReadOptions } from './stix/read-bundle.js';
import type { StixObject } from './stix/stix-types.js';

export interface ImportTargets {
  /** A Store, or an audited writer (writes.observations(actor, 'stix.import')): one audit entry per import. */
  store: ObservationWriter;
  ledger: PublicationLedger;
}

export interface ImportSummary extends PutResult {
  observations: number;
  assessments: number;
  alerts: number;
  /** Objects of types Vigil does not use, kept as received. */
  kept: number;
  /** Per type, objects not analysed (support objects and unknown types). */
  ignored: Record<string, number>;
}

/** Reads and stores `objects`; a bad object throws before anything is written. */
export async function importStixObjects(
  targets: ImportTargets,
  objects: readonly StixObject[],
  options: ReadOptions,
): Promise<ImportSummary> {
  return storeIncoming(targets, readStixObjects(objects, options), options);
}

export async function storeIncoming(
  targets: ImportTargets,
  content: IncomingContent,
  options: ReadOptions,
): Promise<ImportSummary> {
  const put = await targets.store.putObservations(
    content.observations.map(withId),
    options.receivedAt,
    options.file ?? options.source,
  );
  const received = [
    ...content.assessments.map((a) => ({ object: a.object, tlp: a.tlp, kind: 'assessment' as const })),
    ...content.alerts.map((a) => ({ object: a.object, tlp: a.tlp, kind: 'alert' as const })),
    ...content.foreign.map((f) => ({ object: f.object, tlp: f.tlp, kind: 'foreign' as const })),
  ];
  if (received.length > 0) await targets.ledger.keepReceived(received, options.source, options.receivedAt);
  return {
    ...put,
    observations: content.observations.length,
    assessments: content.assessments.length,
    alerts: content.alerts.length,
    kept: content.foreign.length,
    ignored: content.ignored,
  };
}
