// Turns one analysed Japan Joint Staff release into observations: the release itself, each strait passage, each carrier.
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import { eventSubject } from '../event-subject.js';
import { localInstant } from '../local-time.js';
import type { Passage, ReleaseAnalysis } from './analyse-release.js';

/** Passages through the first island chain, where "toward the Pacific" is outbound and "toward the East China Sea" inbound. */
const ISLAND_CHAIN = new Set(['miyako', 'yonaguni', 'iriomote', 'osumi', 'amami', 'tokara']);

export interface ReleaseRef {
  /** Release id from the PDF name, e.g. `p20260625_01`. */
  id: string;
  /** Local date of the release (YYYY-MM-DD). */
  date: string;
  url?: string;
}

/**
 * Releases are dated by the Japanese calendar day and come out in the afternoon or evening; as in the `jso-flags` format
 * they are published at 18:00 on that date in the theatre's clock (+08:00), and events fall on the same calendar day.
 */
const PUBLISHED_HOUR = 18;
const GRADING = { source: 'jso', reliability: 'A', credibility: 2, tlp: 'clear' } as const;

export function releaseObservations(release: ReleaseRef, analysis: ReleaseAnalysis): ObservationInput[] {
  if (analysis.topic === undefined) return [];
  const publishedAt = localInstant(release.date, PUBLISHED_HOUR);
  const base = { ...GRADING, publishedAt, ...(release.url !== undefined ? { sourceRef: release.url } : {}) };
  const day = (date: string | undefined) => {
    // A date after the release (a misread year) falls back to the release day.
    const d = date !== undefined && date <= release.date ? date : release.date;
    return { periodStart: localInstant(d, 0), periodEnd: localInstant(d, 24) };
  };
  const shared: Record<string, AttributeValue> = { release: release.id };
  if (analysis.shipClasses.length > 0) shared.shipClasses = analysis.shipClasses.join(',');
  if (analysis.hullNumbers.length > 0) shared.hullNumbers = analysis.hullNumbers.join(',');

  const out: ObservationInput[] = [
    {
      series: `jso.release.${analysis.topic}`,
      subject: release.id,
      value: 1,
      unit: 'events',
      ...day(release.date),
      ...base,
      attributes: { ...shared },
    },
  ];
  analysis.passages.forEach((passage, i) => {
    out.push({
      series: passageSeries(passage),
      subject: eventSubject(release.id, String(i), passage.strait),
      value: 1,
      unit: 'events',
      ...day(passage.date),
      ...base,
      attributes: { ...shared, ...passageAttributes(passage) },
    });
  });
  for (const carrier of analysis.carriers) {
    out.push({
      series: `jso.carrier.${carrier.carrier}`,
      subject: release.id,
      value: 1,
      unit: 'events',
      ...day(carrier.date),
      ...base,
      attributes: { ...shared, flightOps: carrier.flightOps },
    });
  }
  return out;
}

/** `jso.transit.<strait>` for Chinese (or joint Chinese–Russian) ships; Russian-only and aircraft passages apart. */
function passageSeries(p: Passage): string {
  const kind = p.platform === 'ship' ? 'transit' : 'air-transit';
  return `jso.${kind}${p.country === 'russia' ? '-russia' : ''}.${p.strait}`;
}

function passageAttributes(p: Passage): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = { country: p.country, platform: p.platform };
  if (p.heading !== undefined) attributes.heading = p.heading;
  if (p.toward !== undefined) attributes.toward = p.toward;
  if (ISLAND_CHAIN.has(p.strait) && p.toward !== undefined) {
    if (p.toward === 'pacific') attributes.direction = 'outbound';
    else if (p.toward === 'east-china-sea' || p.toward === 'mainland') attributes.direction = 'inbound';
  }
  if (p.strait === 'other') attributes.passage = p.passage;
  return attributes;
}
