// What-if: a scenario pack edited by an analyst's overrides (an indicator off, a likelihood ratio, a prior, a detector
// threshold), plus states forced on the assessed day, assessed by the one assessor. The dashboard runs it in the
// browser and the CLI and tests on the server: the same code, and nothing is stored.
import { vigilError } from '../errors/index.js';
import type { Assessment } from '../model/assessment.js';
import type { Observation } from '../model/observation.js';
import type { Indicator, Pack } from '../packs/pack-schema.js';
import { detectorStates } from '../packs/detector-states.js';
import { getZone, type DayNumber } from '../time/zone.js';
import { createAssessor } from './assessor.js';
import type { Coverage } from './coverage.js';
import type { IndicatorEvaluation } from './indicator-evaluation.js';
import { PointInTimeIndex } from './point-in-time-index.js';

export interface LikelihoodOverride {
  indicator: string;
  state: string;
  hypothesis: string;
  /** The likelihood ratio against the baseline hypothesis (> 0). */
  ratio: number;
}

export type ThresholdField = 'z' | 'ratio' | 'min';

export interface ThresholdOverride {
  indicator: string;
  /** A state of the detector's levels (or low levels); `present` for a presence detector (field `min`). */
  state: string;
  field: ThresholdField;
  value: number;
}

export interface WhatIfOverrides {
  /** Indicators whose evidence is ignored: no likelihood ratio, no watch state (their state is still read and shown). */
  off?: readonly string[];
  /** Indicator id → the state it reads on the assessed day whatever the data say (any state its detector can take). */
  force?: Readonly<Record<string, string>>;
  likelihoods?: readonly LikelihoodOverride[];
  /** Non-baseline hypothesis → prior; the baseline hypothesis takes what is left, so the priors still sum to 1. */
  priors?: Readonly<Record<string, number>>;
  thresholds?: readonly ThresholdOverride[];
}

export const NO_OVERRIDES: WhatIfOverrides = {};

/** True when the overrides change nothing. */
export function isEmptyWhatIf(o: WhatIfOverrides): boolean {
  return (
    !o.off?.length &&
    !Object.keys(o.force ?? {}).length &&
    !o.likelihoods?.length &&
    !Object.keys(o.priors ?? {}).length &&
    !o.thresholds?.length
  );
}

const bad = (what: string, problem: string) => vigilError('VIGIL_INPUT_INVALID', `what-if: ${what}: ${problem}`);

/**
 * The pack as the overrides edit it (the input is not changed). A pack written out with these edits and assessed by
 * the CLI gives exactly the assessment `assessWhatIf` gives (test: what-if.test.ts). Forced states are not a pack edit:
 * they are passed to the assessor for the assessed day alone (`forcedStates`).
 */
export function applyWhatIf(pack: Pack, overrides: WhatIfOverrides): Pack {
  const indicators = new Map(pack.indicators.map((i) => [i.id, i]));
  const edited = new Map<string, Indicator>();
  const indicator = (id: string, what: string): Indicator => {
    const known = edited.get(id) ?? indicators.get(id);
    if (!known) throw bad(what, `no indicator ${id} in pack ${pack.id}`);
    if (!edited.has(id)) edited.set(id, structuredClone(known));
    return edited.get(id)!;
  };
  const hypotheses = new Set(pack.hypotheses.map((h) => h.id));
  const baseline = pack.hypotheses.find((h) => h.baseline);

  (overrides.likelihoods ?? []).forEach((o, i) => {
    const what = `likelihoods[${i}]`;
    const ind = indicator(o.indicator, what);
    if (!detectorStates(ind.detector).includes(o.state)) throw bad(what, `${o.indicator} has no state ${o.state}`);
    if (!hypotheses.has(o.hypothesis) || o.hypothesis === baseline?.id)
      throw bad(what, `${o.hypothesis} is not a non-baseline hypothesis of pack ${pack.id}`);
    if (!(Number.isFinite(o.ratio) && o.ratio > 0)) throw bad(what, `ratio must be a number above 0 (got ${o.ratio})`);
    ind.likelihoods[o.state] = { ...(ind.likelihoods[o.state] ?? {}), [o.hypothesis]: o.ratio };
  });

  (overrides.thresholds ?? []).forEach((o, i) => {
    const what = `thresholds[${i}]`;
    const ind = indicator(o.indicator, what);
    if (!Number.isFinite(o.value)) throw bad(what, `value must be a number (got ${o.value})`);
    const d = ind.detector;
    if (d.kind === 'presence' && o.state === 'present' && o.field === 'min') {
      d.min = o.value;
      return;
    }
    const levels = d.kind === 'robust-z' ? [...d.levels, ...d.lowLevels] : 'levels' in d ? d.levels : [];
    const level = levels.find((l) => l.state === o.state);
    if (!level) throw bad(what, `${o.indicator} (${d.kind}) has no level ${o.state} with a threshold`);
    if (!['z', 'ratio', 'min'].includes(o.field)) throw bad(what, `field must be z, ratio or min (got ${o.field})`);
    level[o.field] = o.value;
  });

  for (const id of overrides.off ?? []) {
    const ind = indicator(id, 'off');
    ind.likelihoods = {};
    ind.watchStates = [];
    ind.watchAtOnce = false;
  }

  for (const [id, state] of Object.entries(overrides.force ?? {})) {
    const ind = indicators.get(id);
    if (!ind) throw bad('force', `no indicator ${id} in pack ${pack.id}`);
    if (!detectorStates(ind.detector).includes(state))
      throw bad('force', `${id} cannot be ${state} (its states: ${detectorStates(ind.detector).join(', ')})`);
  }

  let hypothesisList = pack.hypotheses;
  const priors = Object.entries(overrides.priors ?? {});
  if (priors.length) {
    if (!baseline) throw bad('priors', `pack ${pack.id} has no baseline hypothesis`);
    for (const [id, p] of priors) {
      if (!hypotheses.has(id) || id === baseline.id) throw bad('priors', `${id} is not a non-baseline hypothesis`);
      if (!(Number.isFinite(p) && p > 0 && p < 1)) throw bad('priors', `${id} must be between 0 and 1 (got ${p})`);
    }
    const set = new Map(priors);
    const others = pack.hypotheses.filter((h) => !h.baseline).reduce((s, h) => s + (set.get(h.id) ?? h.prior), 0);
    if (others >= 1) throw bad('priors', `the non-baseline priors sum to ${others.toFixed(4)}; they must stay below 1`);
    hypothesisList = pack.hypotheses.map((h) =>
      h.baseline ? { ...h, prior: 1 - others } : set.has(h.id) ? { ...h, prior: set.get(h.id)! } : h,
    );
  }

  if (edited.size === 0 && hypothesisList === pack.hypotheses) return pack;
  return {
    ...pack,
    hypotheses: hypothesisList,
    indicators: pack.indicators.map((i) => edited.get(i.id) ?? i),
  };
}

/** The states the overrides force (empty when none). */
export function forcedStates(overrides: WhatIfOverrides): ReadonlyMap<string, string> {
  return new Map(Object.entries(overrides.force ?? {}));
}

/** What one what-if needs besides the pack: the observations as known at the end of `day` over its look-back, and coverage. */
export interface WhatIfInputs {
  day: DayNumber;
  observations: readonly Observation[];
  coverage: Coverage;
}

/** A prepared what-if: the index is built once and every recompute assesses an edited pack over it. */
export interface WhatIfSession {
  readonly day: DayNumber;
  assess(overrides: WhatIfOverrides): Assessment;
}

/** Readings kept per session before starting afresh (each threshold tried adds a few days of one indicator). */
const MAX_READINGS = 50_000;

export function whatIfSession(pack: Pack, inputs: WhatIfInputs): WhatIfSession {
  const index = new PointInTimeIndex(inputs.observations, getZone(pack.timeZone));
  // Detector readings are shared across recomputes: a changed ratio, prior or switch runs no detector again.
  const readings = new Map<string, IndicatorEvaluation>();
  return {
    day: inputs.day,
    assess(overrides) {
      const edited = applyWhatIf(pack, overrides);
      const states = forcedStates(overrides);
      if (readings.size > MAX_READINGS) readings.clear();
      const options = { readings, ...(states.size ? { forced: { day: inputs.day, states } } : {}) };
      return createAssessor(edited, index, inputs.coverage, options).assess(inputs.day);
    },
  };
}

/** The JSON form of WhatIfInputs (GET /api/v1/what-if/:date): a live window's open end (Infinity) is null. */
export interface WhatIfInputsJson {
  day: DayNumber;
  observations: Observation[];
  coverage: {
    entries: (Omit<Coverage['entries'][number], 'windows'> & { windows: { from: number; to: number | null }[] })[];
  };
}

export function whatIfInputsToJson(inputs: WhatIfInputs): WhatIfInputsJson {
  return {
    day: inputs.day,
    // What the analysis reads of an observation; text, geometry and attributes stay on the server.
    observations: inputs.observations.map((o) => ({
      id: o.id,
      series: o.series,
      ...(o.subject !== undefined ? { subject: o.subject } : {}),
      value: o.value,
      ...(o.missingReason !== undefined ? { missingReason: o.missingReason } : {}),
      unit: o.unit,
      periodStart: o.periodStart,
      periodEnd: o.periodEnd,
      publishedAt: o.publishedAt,
      source: o.source,
      reliability: o.reliability,
      credibility: o.credibility,
      tlp: o.tlp,
    })),
    coverage: {
      entries: inputs.coverage.entries.map((e) => ({
        ...e,
        windows: e.windows.map((w) => ({ from: w.from, to: Number.isFinite(w.to) ? w.to : null })),
      })),
    },
  };
}

export function whatIfInputsFromJson(json: WhatIfInputsJson): WhatIfInputs {
  return {
    day: json.day,
    observations: json.observations,
    coverage: {
      entries: json.coverage.entries.map((e) => ({
        ...e,
        windows: e.windows.map((w) => ({ from: w.from, to: w.to ?? Number.POSITIVE_INFINITY })),
      })),
    },
  };
}
