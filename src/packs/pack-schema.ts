// The scenario-pack format (DESIGN §3): a theatre as configuration — hypotheses, indicators, likelihoods, warning rules.
import { z } from 'zod';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, dot, dash or underscore');
const seriesName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$/, 'must be a dotted lower-case series name');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const positive = z.number().positive();
const probability = z.number().min(0).max(1);

export const hypothesisSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** The name in Traditional Chinese, shown by the dashboard in 中文 (falls back to `name`). */
  nameZh: z.string().min(1).optional(),
  description: z.string().optional(),
  descriptionZh: z.string().min(1).optional(),
  prior: z.number().gt(0).lt(1),
  /** The routine hypothesis every likelihood ratio is relative to; exactly one per pack. */
  baseline: z.boolean().default(false),
  /** Specific to blockade or invasion: drives the CRITICAL level. */
  critical: z.boolean().default(false),
});

const stateLevel = z.strictObject({
  state: id,
  /** Robust z-score at or above which this state holds. */
  z: z.number().optional(),
  /** Ratio of value to baseline median at or above which this state holds (both z and ratio must hold when given). */
  ratio: z.number().optional(),
  /** Absolute value at or above which this state holds. */
  min: z.number().optional(),
});

const robustZ = z.strictObject({
  kind: z.literal('robust-z'),
  baselineDays: z.number().int().min(7).max(730),
  minSamples: z.number().int().min(3),
  /** Floor on the baseline scale, in the series' unit, so a flat baseline does not make every wiggle extreme. */
  minScale: positive.default(1),
  /** States from least to most extreme; the last that holds wins. Below all: `normal`. */
  levels: z.array(stateLevel).min(1),
  /** States for unusually low values (z at or below the negative threshold), e.g. a lull. */
  lowLevels: z.array(stateLevel).default([]),
});

const threshold = z.strictObject({
  kind: z.literal('threshold'),
  levels: z.array(stateLevel).min(1),
});

const presence = z.strictObject({
  kind: z.literal('presence'),
  /** An event in the last N local days (including the day assessed) makes the state `present`. */
  withinDays: z.number().int().min(1).max(365),
  /** Minimum summed value in the window to count as present. */
  min: z.number().default(1),
});

const decay = z.strictObject({
  kind: z.literal('decay'),
  halfLifeDays: positive,
  /** Ignore events older than this. */
  maxAgeDays: z.number().int().min(1).default(30),
  /** Weight of one event per series (default 1). */
  weights: z.record(seriesName, z.number().min(0)).default({}),
  levels: z.array(stateLevel).min(1),
});

const changePoint = z.strictObject({
  kind: z.literal('change-point'),
  baselineDays: z.number().int().min(14).max(730),
  minSamples: z.number().int().min(7),
  /** Days examined for a sustained shift. */
  recentDays: z.number().int().min(3).max(60),
  /** CUSUM allowance (in robust-z units) and decision threshold. */
  k: z.number().min(0).default(0.5),
  h: positive.default(5),
  /** A shift needs at least this many recent days above baseline + k; fewer means a spike. */
  minRunDays: z.number().int().min(2).default(3),
  minScale: positive.default(1),
});

export const detectorSchema = z.discriminatedUnion('kind', [robustZ, threshold, presence, decay, changePoint]);

export const indicatorSchema = z.strictObject({
  id,
  name: z.string().min(1),
  nameZh: z.string().min(1).optional(),
  domain: id,
  description: z.string().optional(),
  descriptionZh: z.string().min(1).optional(),
  /** Series whose daily values are combined (per `aggregate`) into this indicator's daily series. */
  series: z.array(seriesName).min(1),
  /** How several observations on one local day combine: counts take the latest report, events add up. */
  aggregate: z.enum(['last', 'sum', 'max']).default('last'),
  /** Judge the sum over the last N local days instead of the single day (e.g. 7 for a weekly count). */
  sumDays: z.number().int().min(2).max(90).optional(),
  /** Days with no observation count as 0 (for event series, where no event means none happened). Default: unknown. */
  absentIsZero: z.boolean().default(false),
  /** A count older than this many days (inside its source's coverage) is `stale`, never `normal`. */
  staleAfterDays: z.number().int().min(1).default(3),
  /** `lead` indicators move before an episode, `concurrent` ones show it under way (feeds P(event within horizon)). */
  role: z.enum(['lead', 'concurrent']).default('concurrent'),
  detector: detectorSchema,
  /** Evidence group: indicators in one group are correlated and combine without double counting. */
  group: id.optional(),
  /** Likelihood ratio vs the baseline hypothesis, per state, per hypothesis. Unlisted pairs are 1 (no evidence). */
  likelihoods: z.record(id, z.record(id, positive)).default({}),
  /** States that put the board on WATCH by themselves. */
  watchStates: z.array(id).default([]),
  /**
   * Its watch states need no confirmation (`warning.watch`): a discrete announcement published once (an exercise
   * announcement, a closure notice) is not a count that blips for a day.
   */
  watchAtOnce: z.boolean().default(false),
});

export const evidenceGroupSchema = z.strictObject({
  id,
  name: z.string().min(1),
  nameZh: z.string().min(1).optional(),
  /** `max`: the strongest indicator speaks for the group; `damped`: strongest + damping × the rest. */
  combine: z.enum(['max', 'damped']).default('max'),
  damping: z.number().min(0).max(1).default(0.5),
});

const enterExit = z.strictObject({ enter: probability, exit: probability }).refine((t) => t.exit <= t.enter, {
  message: 'exit must not exceed enter (hysteresis)',
  path: ['exit'],
});

export const warningSchema = z.strictObject({
  /** A level entered stays while its exit condition holds, for at most this many days after it was last entered. */
  holdDays: z.number().int().min(0).max(30).default(3),
  /** Every level is shown for at least this many days: the level of day D is never below the raw level of D-1 … D-(minDays-1). */
  minDays: z.number().int().min(1).max(7).default(1),
  /**
   * WATCH is confirmed, not a one-day blip: indicators of at least `groups` evidence groups in a watch state on the day,
   * or some indicator in a watch state on each of the last `confirmDays` days.
   */
  watch: z
    .strictObject({
      groups: z.number().int().min(1).max(10).default(1),
      confirmDays: z.number().int().min(1).max(14).default(1),
    })
    .default({ groups: 1, confirmDays: 1 }),
  /** CRITICAL: probability of the critical hypotheses together. */
  critical: enterExit,
  /** ALERT: probability that some non-baseline course of action is under way. */
  alert: enterExit,
  /** WARNING: P(major episode starts within the horizon). */
  warning: enterExit,
});

export const eventModelSchema = z.strictObject({
  /** pEvent = sigmoid(intercept + lead × leadLogLr + concurrent × concurrentLogLr). */
  intercept: z.number(),
  lead: z.number(),
  concurrent: z.number(),
  /** Training window the coefficients were fitted on (absent: set by hand). */
  trainedOn: z.strictObject({ from: date, to: date, episodes: z.number().int().min(0) }).optional(),
});

/** A series id, or a prefix ending in `*` (`jso.*`, `mnd.aircraft.*`). */
const seriesPattern = z.string().regex(/^[a-z0-9][a-z0-9_.-]*\*?$/, 'must be a series name, or a prefix ending in *');

/**
 * Where a bundled file says the source was being collected: inclusive local days. Outside every window of a series
 * the indicators reading it are `no-coverage` (no evidence, never absent or 0).
 */
export const coverageWindowSchema = z
  .strictObject({
    series: z.array(seriesPattern).min(1),
    from: date,
    to: date,
    /** Days after the latest report before a count series reads `stale` (default: the indicator's staleAfterDays). */
    staleAfterDays: z.number().int().min(1).optional(),
  })
  .refine((w) => w.from <= w.to, { message: 'from must not be after to', path: ['to'] });

export const dataFileSchema = z.strictObject({
  kind: id,
  path: z.string().min(1),
  coverage: z.array(coverageWindowSchema).default([]),
});

/** The indicators the pack needs to know anything: fewer than `minReporting` of them reporting is a degraded state. */
export const coreSchema = z.strictObject({
  indicators: z.array(id).min(1),
  /** Fewer reporting core indicators than this: `degraded` (none: `unknown`). */
  minReporting: z.number().int().min(1),
});

/** Something the daily brief tells the reader to watch in the next 72 hours, in both languages, and the indicators that would show it. */
export const watchItemSchema = z.strictObject({
  id,
  text: z.string().min(1),
  textZh: z.string().min(1),
  indicators: z.array(id).default([]),
});

/** A name a reader sees, in English and Traditional Chinese (domains, series). */
export const bilingualNameSchema = z.strictObject({ name: z.string().min(1), nameZh: z.string().min(1) });

export const packSchema = z.strictObject({
  schema: z.literal('vigil.pack/1'),
  id,
  name: z.string().min(1),
  /** Every text a reader sees has a Traditional Chinese counterpart named `<field>Zh` (docs/packs.md, "Languages"). */
  /** The theatre's name in Traditional Chinese, for the brief in 中文 (the English name when absent). */
  nameZh: z.string().min(1).optional(),
  version: z.string().min(1),
  description: z.string().optional(),
  descriptionZh: z.string().min(1).optional(),
  timeZone: z.string().min(1),
  /** GeoJSON files (paths relative to the pack file) for maps: median line, ADIZ, closure areas… */
  areas: z.record(id, z.string()).default({}),
  /** Bundled data files (relative to the pack file) that `vigil init` ingests. */
  data: z.array(dataFileSchema).default([]),
  horizonDays: z.number().int().min(1).max(90),
  hypotheses: z.array(hypothesisSchema).min(2),
  evidenceGroups: z.array(evidenceGroupSchema).default([]),
  indicators: z.array(indicatorSchema).min(1),
  warning: warningSchema,
  eventModel: eventModelSchema,
  /** Core indicators and how many must report for the assessment to be `ok` (absent: every indicator, at least 1). */
  core: coreSchema.optional(),
  /** Local dates where a series changed definition: no baseline window reaches across them. */
  seriesBreaks: z.record(seriesName, z.array(date)).default({}),
  /**
   * Series that only live collectors supply (nothing bundled): they have no coverage until a collector has succeeded
   * (learned coverage), so their indicators read `no-coverage`, never a calm `absent`, when nothing is collected.
   */
  liveOnly: z.array(seriesPattern).default([]),
  /** What to watch in the next 72 hours (the daily brief's watch list). */
  watchList: z.array(watchItemSchema).default([]),
  /** Reader-facing names of the indicator domains (`air`, `sea`…); unnamed domains show their id. */
  domains: z.record(id, bilingualNameSchema).default({}),
  /**
   * Reader-facing names of series, for alerts about a source rather than an indicator (a silent feed); a series not
   * named here is called by the name of the first indicator that reads it.
   */
  seriesNames: z.record(seriesName, bilingualNameSchema).default({}),
});

export type PackInput = z.input<typeof packSchema>;
export type Pack = z.output<typeof packSchema>;
export type Indicator = z.output<typeof indicatorSchema>;
export type Hypothesis = z.output<typeof hypothesisSchema>;
export type Detector = z.output<typeof detectorSchema>;
export type StateLevel = z.output<typeof stateLevel>;
export type EventModel = z.output<typeof eventModelSchema>;
export type DataFile = z.output<typeof dataFileSchema>;
export type CoverageWindowDeclaration = z.output<typeof coverageWindowSchema>;
export type Core = z.output<typeof coreSchema>;
export type WatchItem = z.output<typeof watchItemSchema>;
export type BilingualName = z.output<typeof bilingualNameSchema>;
