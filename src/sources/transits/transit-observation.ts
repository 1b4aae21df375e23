// One foreign warship transit as a `naval.transit.foreign` event: shared by the `transits` (derived CSV) and
// `naval-transits` (raw pla-data-dashboard CSV) kinds, so the same transit gives the same observation from either.
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import { eventSubject } from '../event-subject.js';
import { localInstant } from '../local-time.js';

export type TransitPrecision = 'exact' | 'approximate';

export interface TransitFacts {
  /** Local (+08:00) date, YYYY-MM-DD. */
  date: string;
  country: string;
  /** `;`-separated in the bundled data; undefined when not stated. */
  hullNumber?: string;
  shipType?: string;
  datePrecision: TransitPrecision;
}

/** What makes a transit distinct: two rows with the same key would collapse into one event (same subject). */
export function transitKey(t: TransitFacts): string {
  return transitIdentity(t).join('|');
}

export function transitObservation(t: TransitFacts, sourceRef?: string): ObservationInput {
  const attributes: Record<string, AttributeValue> = { country: t.country, datePrecision: t.datePrecision };
  if (t.hullNumber !== undefined) attributes.hullNumber = t.hullNumber;
  if (t.shipType !== undefined) attributes.shipType = t.shipType;
  return {
    series: 'naval.transit.foreign',
    subject: eventSubject(...transitIdentity(t)),
    value: 1,
    unit: 'events',
    periodStart: localInstant(t.date, 0),
    periodEnd: localInstant(t.date, 24),
    publishedAt: localInstant(t.date, 23, 59),
    source: 'transits',
    ...(sourceRef !== undefined ? { sourceRef } : {}),
    reliability: 'B',
    credibility: 2,
    tlp: 'clear',
    attributes,
  };
}

function transitIdentity(t: TransitFacts): string[] {
  return [t.date, t.country, t.hullNumber ?? '', t.shipType ?? ''];
}
