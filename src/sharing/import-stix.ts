// Stores received STIX content: observations into the Store (the sender as source, their TLP), everything else kept
// in the publication ledger as received. Everything is read and validated before anything is written; then the
// observations, the ledger entries, whatever the caller adds (a TAXII status, a pull's high-water mark) and one audit
// entry commit in ONE transaction, through the write services: if any of them fails, nothing is stored.
import { withId, type Observation } from '../model/index.js';
import type { Actor, WriteServices } from '../app/write-services.js';
import type { PutResult, Store } from '../storage/store.js';
import type { PublicationLedger } from './ledger/publication-ledger.js';
import { readStixObjects, type IncomingContent, type ReadOptions } from './stix/read-bundle.js';
import type { StixObject } from './stix/stix-types.js';

export interface ImportTargets {
  /** The process's store and ledger: both on the database of `writes` (one transaction needs one database). */
  store: Store;
  ledger: PublicationLedger;
  /** The audited write services of the process. */
  writes: Pick<WriteServices, 'audited'>;
  /** Who imports, as the audit log names it (`cli:root`, `partner:acme`), and the verb (`stix.import`, `taxii.add`). */
  actor: Actor;
  action: string;
  /**
   * This organisation's STIX identity id: what it produced itself (its own export coming back) is recognised and
   * skipped instead of being stored a second time under the importer's source.
   */
  ownIdentityId?: string;
}

export interface ImportSummary extends PutResult {
  observations: number;
  assessments: number;
  alerts: number;
  /** Objects of types Vigil does not use, kept as received. */
  kept: number;
  /** Our own objects recognised and not stored again (observations we hold, our assessments and alerts). */
  skipped: number;
  /** Per type, objects not analysed (support objects and unknown types). */
  ignored: Record<string, number>;
}

/** Reads and stores `objects`; a bad object throws before anything is written. */
export async function importStixObjects(
  targets: ImportTargets,
  objects: readonly StixObject[],
  options: ReadOptions,
  alsoWrite?: (summary: ImportSummary) => Promise<void>,
): Promise<ImportSummary> {
  return storeIncoming(targets, readStixObjects(objects, options), options, alsoWrite);
}

/**
 * Stores read content and appends one audit entry (target: the file or request), in one transaction; `alsoWrite`
 * runs inside the same transaction after the content is stored.
 */
export async function storeIncoming(
  targets: ImportTargets,
  content: IncomingContent,
  options: ReadOptions,
  alsoWrite?: (summary: ImportSummary) => Promise<void>,
): Promise<ImportSummary> {
  return targets.writes.audited({
    actor: targets.actor,
    action: targets.action,
    target: options.file ?? options.source,
    write: async () => {
      const own = await ownObjects(targets, content);
      const observations = content.observations.map(withId).filter((o) => !own.observations.has(o.id));
      const put = await targets.store.putObservations(observations, options.receivedAt);
      const received = [
        ...content.assessments.map((a) => ({ object: a.object, tlp: a.tlp, kind: 'assessment' as const })),
        ...content.alerts.map((a) => ({ object: a.object, tlp: a.tlp, kind: 'alert' as const })),
        ...content.foreign.map((f) => ({ object: f.object, tlp: f.tlp, kind: 'foreign' as const })),
      ].filter((r) => !own.others.has(r.object.id));
      if (received.length > 0) await targets.ledger.keepReceived(received, options.source, options.receivedAt);
      const summary: ImportSummary = {
        ...put,
        observations: observations.length,
        assessments: content.assessments.filter((a) => !own.others.has(a.object.id)).length,
        alerts: content.alerts.filter((a) => !own.others.has(a.object.id)).length,
        kept: content.foreign.filter((f) => !own.others.has(f.object.id)).length,
        skipped: own.observations.size + own.others.size,
        ignored: content.ignored,
      };
      await alsoWrite?.(summary);
      return summary;
    },
    details: (s) => ({
      source: options.source,
      observations: s.observations,
      inserted: s.inserted,
      unchanged: s.unchanged,
      assessments: s.assessments,
      alerts: s.alerts,
      kept: s.kept,
      skipped: s.skipped,
    }),
  });
}

/**
 * What in `content` this organisation produced itself: observations our identity made whose Vigil extension names an
 * observation we store with the same content (the export's `observation_id`, the observed-data id derived from it, and
 * the series, period, publication time and value all agree), and other objects whose `created_by_ref` is our
 * identity. Returned as the received observations' content-hash ids (the importer's source makes them differ from
 * ours) and STIX ids.
 */
async function ownObjects(
  targets: ImportTargets,
  content: IncomingContent,
): Promise<{ observations: Set<string>; others: Set<string> }> {
  const observations = new Set<string>();
  const others = new Set<string>();
  const ownId = targets.ownIdentityId;
  if (ownId === undefined) return { observations, others };
  // Only what our identity made is looked up: anyone else's export names its own copies (other content-hash ids).
  for (const o of content.observations) {
    const origin = content.origins.get(o.sourceRef ?? '');
    if (origin === undefined || origin.createdBy !== ownId) continue;
    const held = await targets.store.getObservation(origin.observationId);
    if (held !== undefined && sameClaim(held, o)) observations.add(withId(o).id);
  }
  for (const r of [...content.assessments, ...content.alerts, ...content.foreign])
    if (r.object.created_by_ref === ownId) others.add(r.object.id);
  return { observations, others };
}

function sameClaim(held: Observation, received: Parameters<typeof withId>[0]): boolean {
  return (
    held.series === received.series &&
    (held.subject ?? '') === (received.subject ?? '') &&
    held.periodStart === received.periodStart &&
    held.periodEnd === received.periodEnd &&
    held.publishedAt === received.publishedAt &&
    held.value === received.value &&
    held.unit === received.unit
  );
}
