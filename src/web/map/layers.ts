// What the map draws for one day, read from that day's observations and indicator states: the MSA closure notices in
// force, the strait passages the Japan Joint Staff reported, and whether each layer had coverage at all — so an empty
// layer reads "no coverage" or "none reported", never as a calm sea. Pure.
import type { IndicatorDefinition, IndicatorView, ObservationView } from '../api-types.js';
import { straitOf } from './places.js';

export interface ClosureNotice {
  observationId: string;
  /** The notice number as the bureau writes it (闽航警0123/23), or the subject when the parser found none. */
  number: string;
  title: string;
  bureau?: string;
  kind?: string;
  /** The validity as the notice states it ("04/08 0600 至 04/10 2400"), when it does. */
  periodStated?: string;
  periodStart: string;
  periodEnd: string;
  text?: string;
  link?: string;
  geometry?: ObservationView['geometry'];
}

export type LayerStatus =
  | { state: 'no-coverage' }
  | { state: 'stale' }
  | { state: 'not-in-pack' }
  | { state: 'none' }
  | { state: 'some'; count: number };

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The MSA closure notices among the day's observations, by notice number. */
export function closureNotices(observations: readonly ObservationView[]): ClosureNotice[] {
  return observations
    .filter((o) => o.series === 'msa.closure')
    .map((o) => {
      const a = o.attributes ?? {};
      return {
        observationId: o.id,
        number: text(a.warningId) ?? o.subject ?? o.id,
        title: o.text ?? '',
        bureau: text(a.bureau),
        kind: text(a.kind),
        periodStated: text(a.period),
        periodStart: o.periodStart,
        periodEnd: o.periodEnd,
        text: text(a.notice),
        link: o.sourceRef,
        geometry: o.geometry,
      };
    })
    .sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
}

/**
 * The MSA layer's state: notices in force; none, when the scrape covers the day (its per-day `msa.closure.near-taiwan`
 * row, or any MSA record of the day); no coverage otherwise.
 */
export function closureStatus(
  observations: readonly ObservationView[],
  notices: readonly ClosureNotice[],
): LayerStatus {
  if (notices.length > 0) return { state: 'some', count: notices.length };
  return observations.some((o) => o.series.startsWith('msa.')) ? { state: 'none' } : { state: 'no-coverage' };
}

export interface StraitPassage {
  strait: string;
  /** The reports of the day naming this strait (value > 0). */
  observations: ObservationView[];
}

/** Passages through each strait reported on the day (Japan Joint Staff series ending in a strait id), by strait. */
export function straitPassages(observations: readonly ObservationView[]): StraitPassage[] {
  const by = new Map<string, ObservationView[]>();
  for (const o of observations) {
    const strait = straitOf(o.series);
    if (strait === undefined || !(typeof o.value === 'number' && o.value > 0)) continue;
    by.set(strait, [...(by.get(strait) ?? []), o]);
  }
  return [...by.entries()].map(([strait, list]) => ({ strait, observations: list }));
}

/**
 * The strait layer's state from the pack's indicators that read strait series: not in the pack when none does;
 * no coverage (or stale) when every one of them is; otherwise the passages found, or none.
 */
export function straitStatus(
  definitions: readonly Pick<IndicatorDefinition, 'id' | 'series'>[],
  states: readonly Pick<IndicatorView, 'id' | 'state'>[],
  passages: readonly StraitPassage[],
): LayerStatus {
  const readers = new Set(definitions.filter((d) => d.series.some((s) => straitOf(s) !== undefined)).map((d) => d.id));
  const count = passages.reduce((n, p) => n + p.observations.length, 0);
  if (count > 0) return { state: 'some', count };
  if (readers.size === 0) return { state: 'not-in-pack' };
  const mine = states.filter((s) => readers.has(s.id)).map((s) => s.state);
  if (mine.length > 0 && mine.every((s) => s === 'no-coverage')) return { state: 'no-coverage' };
  if (mine.length > 0 && mine.every((s) => s === 'no-coverage' || s === 'stale')) return { state: 'stale' };
  return { state: 'none' };
}
