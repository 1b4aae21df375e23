// JSON Schemas of the API's main shapes: they validate nothing on the way out but document the OpenAPI and speed up serialisation.
const num = { type: 'number' } as const;
const nullableNum = { type: ['number', 'null'] } as const;
const str = { type: 'string' } as const;
const numberMap = { type: 'object', additionalProperties: { type: 'number' } } as const;

export const dateParam = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Local date YYYY-MM-DD in the pack time zone',
} as const;
export const atQuery = {
  ...dateParam,
  description: 'What was known at the end of this local day (default: the latest data day)',
} as const;
/** The querystring of a route over a window of days (`from`, `to`, as known at the end of `at`), with its own extras. */
export const windowQuery = <Extra extends object>(extra: Extra = {} as Extra) =>
  ({
    type: 'object',
    additionalProperties: false,
    properties: { from: dateParam, to: dateParam, at: atQuery, ...extra },
  }) as const;

export const indicatorAssessmentSchema = {
  type: 'object',
  properties: {
    id: str,
    name: str,
    domain: str,
    group: str,
    role: { type: 'string', enum: ['lead', 'concurrent'] },
    state: str,
    value: nullableNum,
    baseline: nullableNum,
    band: { type: ['object', 'null'], properties: { low: num, high: num, n: num } },
    score: nullableNum,
    dataDay: { type: ['string', 'null'] },
    reason: str,
    weight: num,
    logLr: numberMap,
    contributions: numberMap,
    contribution: num,
    observationIds: { type: 'array', items: str },
  },
} as const;

export const knowledgeSchema = {
  type: 'object',
  description:
    "`ok`, `degraded` (fewer core indicators reporting than the pack's minimum) or `unknown` (none): shown before the level.",
  properties: {
    state: { type: 'string', enum: ['ok', 'degraded', 'unknown'] },
    reporting: { type: 'integer' },
    minReporting: { type: 'integer' },
    core: { type: 'array', items: str },
    notReporting: {
      type: 'array',
      items: { type: 'object', properties: { id: str, name: str, state: str, reason: str } },
    },
  },
} as const;

export const assessmentSchema = {
  type: 'object',
  description: 'The assessment as known at the end of `day` (everything published by `asOf`, nothing after).',
  properties: {
    packId: str,
    asOf: str,
    day: str,
    level: { type: 'integer', minimum: 1, maximum: 5 },
    levelName: str,
    rawLevel: { type: 'integer' },
    pEvent7d: num,
    horizonDays: { type: 'integer' },
    hypotheses: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, name: str, prior: num, probability: num, baseline: { type: 'boolean' } },
      },
    },
    indicators: { type: 'array', items: indicatorAssessmentSchema },
    leadLogLr: num,
    concurrentLogLr: num,
    watch: { type: 'boolean' },
    knowledge: knowledgeSchema,
    episode: {
      type: 'object',
      description:
        'Present while the level is ALERT or above: the episode under way, since when, and its most probable hypothesis.',
      properties: {
        since: str,
        sinceBounded: { type: 'boolean' },
        days: { type: 'integer' },
        hypothesis: { type: 'object', properties: { id: str, name: str, probability: num } },
      },
    },
  },
} as const;

export const dayRecordSchema = {
  type: 'object',
  properties: {
    date: str,
    level: { type: 'integer' },
    pEvent7d: num,
    hypotheses: numberMap,
    knowledge: { type: 'string', enum: ['ok', 'degraded', 'unknown'] },
    top: { type: 'array', items: { type: 'object', properties: { indicator: str, contribution: num } } },
    leadLogLr: num,
    concurrentLogLr: num,
  },
} as const;

export const observationSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: str,
    seq: { type: 'integer' },
    series: str,
    subject: str,
    value: nullableNum,
    missingReason: str,
    unit: str,
    text: str,
    periodStart: str,
    periodEnd: str,
    publishedAt: str,
    retrievedAt: str,
    ingestedAt: str,
    source: str,
    sourceRef: str,
    reliability: str,
    credibility: { type: 'integer' },
    tlp: str,
  },
} as const;
