// A point-in-time observation: what was observed, over which period, when it became known, and who says so.
import type { Credibility, Reliability, Tlp } from './grading.js';

/** GeoJSON geometry, kept as plain JSON. */
export interface Geometry {
  type: string;
  coordinates?: unknown;
  geometries?: unknown;
}

export type AttributeValue = string | number | boolean | null;

/** What a source parser produces; the store adds nothing but the id it derives from the content. */
export interface ObservationInput {
  /** Dotted series name, e.g. `mnd.aircraft.total`. */
  series: string;
  /**
   * What the claim is about beyond series and period, for series that hold several distinct events at one
   * instant (e.g. a trigger's id). Observations with the same series, period and subject revise one another.
   */
  subject?: string;
  /** The measured value; `null` means not known (never zero), and then `missingReason` says why. */
  value: number | null;
  missingReason?: string;
  unit: string;
  text?: string;
  geometry?: Geometry;
  /** Start of the period observed (ISO 8601 instant). Events have periodStart === periodEnd. */
  periodStart: string;
  /** End of the period observed (ISO 8601 instant, exclusive for periods). */
  periodEnd: string;
  /** When the claim became public (ISO 8601 instant). Backtests see only publishedAt ≤ T. */
  publishedAt: string;
  /** When Vigil retrieved it, if different from ingestion. */
  retrievedAt?: string;
  /** Short source id, e.g. `mnd`, `jso`, `triggers`, `analyst:alice`. */
  source: string;
  /** Where exactly it came from: a URL, or `file:line`. */
  sourceRef?: string;
  reliability: Reliability;
  credibility: Credibility;
  tlp: Tlp;
  /** Extra typed facts (trigger category, ship class, date convention…). */
  attributes?: Record<string, AttributeValue>;
}

/** A stored observation: the input plus its content hash, which is also its identity. */
export interface Observation extends ObservationInput {
  id: string;
}
