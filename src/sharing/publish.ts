// Publishes assessments and alerts to partners: records them in the publication ledger, where the TAXII collections
// that share assessments or alerts serve them, each under the TLP of the data behind it. The STIX objects are computed
// first (reads only); then every ledger entry and one audit entry commit in one transaction (the write services).
import type { Alert } from '../alerting/alert.js';
import type { Actor, WriteServices } from '../app/write-services.js';
import { alertInputSeries, derivedAlertTlp } from '../alerting/alert-inputs.js';
import type { AlertingConfig } from '../alerting/alerting-config.js';
import type { Tlp } from '../model/index.js';
import type { Pack } from '../packs/pack-schema.js';
import type { Store } from '../storage/store.js';
import { parseDay, type DayNumber } from '../time/zone.js';
import type { PublicationLedger } from './ledger/publication-ledger.js';
import { assessWithinCeiling, observationsForDay } from './shared-assessment.js';
import { alertToStix, summariseAlert } from './stix/alert-to-stix.js';
import { assessmentStixId, assessmentToStix, summariseAssessment } from './stix/assessment-to-stix.js';
import { observedDataId } from './stix/observation-to-stix.js';
import { identityStixId, type OrgIdentity } from './stix/producer-identity.js';
import type { StixObject } from './stix/stix-types.js';
import { warningToStix } from './stix/warning-to-stix.js';
import { maxTlp } from './tlp/tlp-ceiling.js';
import type { WarningRecord } from '../warnings/warning-record.js';

export interface PublishDeps {
  /** The store, the ledger and `writes` share one database (one transaction needs one database). */
  store: Store;
  ledger: PublicationLedger;
  identity: OrgIdentity;
  now: string;
  writes: Pick<WriteServices, 'audited'>;
  /** Who publishes, as the audit log names it (`cli:root`). */
  actor: Actor;
}

export interface PublishCount {
  published: number;
  unchanged: number;
}

/** One object to publish, computed before anything is written. */
export interface Publication {
  object: StixObject;
  kind: 'assessment' | 'alert';
  tlp: Tlp;
}

/**
 * Records `publications` in the ledger with one `partner.publish` audit entry, in one transaction; counts per kind.
 * Re-publishing unchanged content is a no-op (counted as unchanged).
 */
export async function publishToLedger(
  deps: PublishDeps,
  publications: readonly Publication[],
): Promise<Record<Publication['kind'], PublishCount>> {
  return deps.writes.audited({
    actor: deps.actor,
    action: 'partner.publish',
    target: [...new Set(publications.map((p) => `${p.kind}s`))].join(', '),
    write: async () => {
      const counts = { assessment: { published: 0, unchanged: 0 }, alert: { published: 0, unchanged: 0 } };
      for (const p of publications) {
        const result = await deps.ledger.publish(p.object, p.kind, p.tlp, deps.now);
        counts[p.kind][result.added ? 'published' : 'unchanged']++;
      }
      return counts;
    },
    details: (counts) => ({ assessments: counts.assessment, alerts: counts.alert }),
  });
}

/**
 * The assessment of each day as computed from data at or below `tlpMax` (so a GREEN partner can be given an
 * assessment that used nothing it may not see), ready to publish. Re-publishing an unchanged day is a no-op; a changed
 * one is a new version of the same object.
 */
export async function assessmentPublications(
  deps: Pick<PublishDeps, 'store' | 'identity'>,
  pack: Pack,
  days: readonly DayNumber[],
  tlpMax: Tlp,
): Promise<Publication[]> {
  const producerId = identityStixId(deps.identity.publicKey);
  const out: Publication[] = [];
  for (const day of days) {
    const { assessment, tlp } = await assessWithinCeiling(deps.store, pack, day, tlpMax);
    out.push({
      object: assessmentToStix(summariseAssessment(assessment), { producerId, tlp }),
      kind: 'assessment',
      tlp,
    });
  }
  return out;
}

/** assessmentPublications, published (one transaction, one audit entry). */
export async function publishAssessments(
  deps: PublishDeps,
  pack: Pack,
  days: readonly DayNumber[],
  tlpMax: Tlp,
): Promise<PublishCount> {
  return (await publishToLedger(deps, await assessmentPublications(deps, pack, days, tlpMax))).assessment;
}

/**
 * Alerts as reports, ready to publish. An alert is as sensitive as everything the alerting cycle read to fire, update or
 * resolve it: its TLP is the most restrictive marking among all stored observations of the alert input series
 * (derivedAlertTlp; the same rule as who may see alerts in the API), never a default. It points at the day's
 * assessment and at its evidence observations. `config` names the series source-health rules watch; without it,
 * every stored series counts.
 */
export async function alertPublications(
  deps: Pick<PublishDeps, 'store' | 'identity'>,
  pack: Pack,
  alerts: readonly Alert[],
  config?: AlertingConfig,
): Promise<Publication[]> {
  const producerId = identityStixId(deps.identity.publicKey);
  const tlp = alerts.length === 0 ? 'clear' : await derivedAlertTlp(deps.store, alertInputSeries(pack, config));
  const out: Publication[] = [];
  for (const alert of alerts) {
    const day = alert.explanation?.day;
    const observations = day === undefined ? [] : await observationsForDay(deps.store, pack, parseDay(day));
    const known = new Set(observations.map((o) => o.id));
    const evidence = (alert.explanation?.evidence ?? [])
      .flatMap((e) => e.observationIds)
      .filter((id) => known.has(id))
      .map(observedDataId);
    const refs = [...(day === undefined ? [] : [assessmentStixId(pack.id, day)]), ...new Set(evidence)];
    out.push({ object: alertToStix(summariseAlert(alert), { producerId, tlp, refs }), kind: 'alert', tlp });
  }
  return out;
}

/** alertPublications, published (one transaction, one audit entry). */
export async function publishAlerts(
  deps: PublishDeps,
  pack: Pack,
  alerts: readonly Alert[],
  config?: AlertingConfig,
): Promise<PublishCount> {
  return (await publishToLedger(deps, await alertPublications(deps, pack, alerts, config))).alert;
}

/**
 * A formal warning is as sensitive as the machine assessment it was made against: the most restrictive marking among
 * the observations that assessment read (as known at the end of its day).
 */
export async function warningTlp(store: Store, pack: Pack, w: WarningRecord): Promise<Tlp> {
  const observations = await observationsForDay(store, pack, parseDay(w.madeAgainst.day));
  return maxTlp(observations.map((o) => o.tlp));
}

/**
 * Publishes an issued or withdrawn warning: the report with its opinions and notes under `tlp`, in the ledger's
 * `assessment` kind (collections that share assessments serve formal warnings too), and the machine assessment it
 * points at, computed from data at or below the same marking, so the report's reference resolves for its readers.
 * Call inside the transaction that issues or withdraws it.
 */
export async function publishWarning(
  deps: Pick<PublishDeps, 'store' | 'ledger' | 'identity' | 'now'>,
  pack: Pack,
  w: WarningRecord,
  tlp: Tlp,
): Promise<PublishCount> {
  // No audit entry of its own: the caller's transaction (warning.issue / warning.withdraw) is the audited write.
  const count = { published: 0, unchanged: 0 };
  const producerId = identityStixId(deps.identity.publicKey);
  const assessments = await assessmentPublications(deps, pack, [parseDay(w.madeAgainst.day)], tlp);
  const objects = [...assessments.map((p) => p.object), ...warningToStix(w, { producerId, tlp, packId: pack.id })];
  for (const object of objects) {
    const result = await deps.ledger.publish(object, 'assessment', tlp, deps.now);
    count[result.added ? 'published' : 'unchanged']++;
  }
  return count;
}
