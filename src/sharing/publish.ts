// Publishes assessments and alerts to partners: records them in the publication ledger, where the TAXII collections
// that share assessments or alerts serve them, each under the TLP of the data behind it.
import type { Alert } from '../alerting/alert.js';
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
import { maxTlp } from './tlp/tlp-ceiling.js';

export interface PublishDeps {
  store: Store;
  ledger: PublicationLedger;
  identity: OrgIdentity;
  now: string;
}

export interface PublishCount {
  published: number;
  unchanged: number;
}

/**
 * Publishes the assessment of each day as computed from data at or below `tlpMax` (so a GREEN partner can be given
 * an assessment that used nothing it may not see). Re-publishing an unchanged day is a no-op; a changed one is a
 * new version of the same object.
 */
export async function publishAssessments(deps: PublishDeps, pack: Pack, days: readonly DayNumber[], tlpMax: Tlp): Promise<PublishCount> {
  const count = { published: 0, unchanged: 0 };
  const producerId = identityStixId(deps.identity.publicKey);
  for (const day of days) {
    const { assessment, tlp } = await assessWithinCeiling(deps.store, pack, day, tlpMax);
    const result = await deps.ledger.publish(assessmentToStix(summariseAssessment(assessment), { producerId, tlp }), 'assessment', tlp, deps.now);
    count[result.added ? 'published' : 'unchanged']++;
  }
  return count;
}

/**
 * Publishes alerts as reports. An alert is as sensitive as the data its assessment read: its TLP is the most
 * restrictive marking among the pack's observations for its day (all of them: alerts are evaluated on everything),
 * and it points at the day's assessment and at its evidence observations.
 */
export async function publishAlerts(deps: PublishDeps, pack: Pack, alerts: readonly Alert[]): Promise<PublishCount> {
  const count = { published: 0, unchanged: 0 };
  const producerId = identityStixId(deps.identity.publicKey);
  for (const alert of alerts) {
    const day = alert.explanation?.day;
    const observations = day === undefined ? [] : await observationsForDay(deps.store, pack, parseDay(day));
    const tlp: Tlp = day === undefined ? 'amber' : maxTlp(observations.map((o) => o.tlp));
    const known = new Set(observations.map((o) => o.id));
    const evidence = (alert.explanation?.evidence ?? []).flatMap((e) => e.observationIds).filter((id) => known.has(id)).map(observedDataId);
    const refs = [...(day === undefined ? [] : [assessmentStixId(pack.id, day)]), ...new Set(evidence)];
    const result = await deps.ledger.publish(alertToStix(summariseAlert(alert), { producerId, tlp, refs }), 'alert', tlp, deps.now);
    count[result.added ? 'published' : 'unchanged']++;
  }
  return count;
}
