// The daily brief as facts, before any language: what changed since the previous day, which evidence moved the
// assessment and which argues against, the gaps in what we know, and what to watch. Pure: assessments in, facts out.
import type { Assessment, IndicatorAssessment, Tlp } from '../model/index.js';
import type { Hypothesis, Indicator, Pack } from '../packs/pack-schema.js';
import { INSUFFICIENT_DATA, KNOWLEDGE_STATES } from '../packs/detector-states.js';

/** Where the brief's facts came from: the sources read for the day and the most restrictive marking among them. */
export interface BriefProvenance {
  tlp: Tlp;
  sources: { source: string; observations: number; latestPublishedAt: string }[];
}

/** The parts of a pack the brief reads: names, Chinese names and the watch list. */
export type BriefPack = Pick<Pack, 'id' | 'name' | 'nameZh' | 'version' | 'timeZone' | 'watchList'> & {
  indicators: Pick<Indicator, 'id' | 'nameZh'>[];
  hypotheses: Pick<Hypothesis, 'id' | 'nameZh'>[];
};

export interface BriefInput {
  pack: BriefPack;
  today: Assessment;
  /** The previous local day's assessment (undefined when the data starts today). */
  previous: Assessment | undefined;
  provenance: BriefProvenance;
  /** When the brief was produced (ISO), passed in so the renderer stays pure. */
  generatedAt: string;
}

export interface IndicatorFact {
  id: string;
  name: string;
  nameZh: string;
  state: string;
  value: number | null;
  baseline: number | null;
  dataDay: string | null;
  contribution: number;
  reason?: string;
}

export interface StateChange extends IndicatorFact {
  from: string;
}

export interface HypothesisFact {
  id: string;
  name: string;
  nameZh: string;
  probability: number;
  previous: number | undefined;
  prior: number;
  baseline: boolean;
}

export interface WatchFact {
  id: string;
  text: string;
  textZh: string;
  indicators: IndicatorFact[];
}

export interface BriefContent {
  input: BriefInput;
  /** The non-routine course of action the evidence favours most today. */
  leading: HypothesisFact;
  hypotheses: HypothesisFact[];
  /** Indicators that raised the non-routine courses of action, largest first. */
  movers: IndicatorFact[];
  /** Indicators that lowered them, or core indicators reporting a calm state when none did. */
  against: IndicatorFact[];
  stateChanges: StateChange[];
  /** Indicators in no-coverage, stale, missing or insufficient-data: what we cannot see. */
  gaps: IndicatorFact[];
  watch: WatchFact[];
  /** First and last local day of the 72-hour watch window. */
  watchWindow: { from: string; to: string };
}

const MAX_MOVERS = 4;
const MAX_AGAINST = 3;
const GAP_STATES = new Set<string>([...KNOWLEDGE_STATES, INSUFFICIENT_DATA]);
const CALM_STATES = new Set(['normal', 'absent', 'none', 'stable']);

export function buildBriefContent(input: BriefInput): BriefContent {
  const { pack, today, previous } = input;
  const byId = new Map(pack.indicators.map((i) => [i.id, i]));
  const fact = (i: IndicatorAssessment): IndicatorFact => ({
    id: i.id,
    name: i.name,
    nameZh: byId.get(i.id)?.nameZh ?? i.name,
    state: i.state,
    value: i.value,
    baseline: i.baseline,
    dataDay: i.dataDay,
    contribution: i.contribution,
    ...(i.reason ? { reason: i.reason } : {}),
  });
  const zhOf = new Map(pack.hypotheses.flatMap((h) => (h.nameZh ? [[h.id, h.nameZh] as const] : [])));
  const before = new Map(previous?.hypotheses.map((h) => [h.id, h.probability]) ?? []);
  const hypotheses = today.hypotheses.map((h) => ({
    id: h.id,
    name: h.name,
    nameZh: zhOf.get(h.id) ?? h.name,
    probability: h.probability,
    previous: before.get(h.id),
    prior: h.prior,
    baseline: h.baseline,
  }));
  const nonRoutine = hypotheses.filter((h) => !h.baseline);
  const leading = nonRoutine.reduce((a, b) => (b.probability > a.probability ? b : a), nonRoutine[0] ?? hypotheses[0]);

  const byContribution = [...today.indicators].sort(
    (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.id.localeCompare(b.id),
  );
  const movers = byContribution
    .filter((i) => i.contribution > 0)
    .slice(0, MAX_MOVERS)
    .map(fact);
  const lowering = byContribution
    .filter((i) => i.contribution < 0)
    .slice(0, MAX_AGAINST)
    .map(fact);
  const core = new Set(today.knowledge.core);
  const calmCore = today.indicators
    .filter((i) => core.has(i.id) && CALM_STATES.has(i.state))
    .slice(0, MAX_AGAINST)
    .map(fact);
  const against = lowering.length > 0 ? lowering : calmCore;

  const previousState = new Map(previous?.indicators.map((i) => [i.id, i.state]) ?? []);
  const stateChanges = today.indicators
    .filter((i) => previousState.has(i.id) && previousState.get(i.id) !== i.state)
    .map((i) => ({ ...fact(i), from: previousState.get(i.id)! }));

  const gaps = today.indicators.filter((i) => GAP_STATES.has(i.state)).map(fact);
  const todayById = new Map(today.indicators.map((i) => [i.id, i]));
  const watch = pack.watchList.map((w) => ({
    id: w.id,
    text: w.text,
    textZh: w.textZh,
    indicators: w.indicators.flatMap((id) => (todayById.has(id) ? [fact(todayById.get(id)!)] : [])),
  }));
  return {
    input,
    leading,
    hypotheses,
    movers,
    against,
    stateChanges,
    gaps,
    watch,
    watchWindow: watchWindowAfter(today.day),
  };
}

/** The three local days after `day` (the next 72 hours from the end of the assessed day). */
export function watchWindowAfter(day: string): { from: string; to: string } {
  const t = Date.parse(`${day}T00:00:00Z`);
  const iso = (d: number) => new Date(t + d * 86_400_000).toISOString().slice(0, 10);
  return { from: iso(1), to: iso(3) };
}

/** True when the indicator's state is a gap in what we know. */
export function isGapState(state: string): boolean {
  return GAP_STATES.has(state);
}

/** True when the indicator's state is one the pack treats as a warning sign (not calm, not a gap). */
export function isSignalState(state: string): boolean {
  return !CALM_STATES.has(state) && !GAP_STATES.has(state);
}
