// Indicators: their definitions with today's state, and each one's series with baseline band, states and evidence.
import { atQuery, indicatorAssessmentSchema, knowledgeSchema, windowQuery } from '../api-schemas.js';
import { getZone } from '../../time/zone.js';
import {
  findIndicator,
  indicatorDefinition,
  indicatorSeries,
  ranksInRecord,
  withRecordRanks,
} from '../indicator-series.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';
import { resolveWindow } from './window.js';

const definitionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    nameZh: { type: ['string', 'null'] },
    domain: { type: 'string' },
    description: { type: ['string', 'null'] },
    series: { type: 'array', items: { type: 'string' } },
    detector: { type: 'string' },
    role: { type: 'string' },
    group: { type: 'string' },
    sumDays: { type: 'integer' },
    states: { type: 'array', items: { type: 'string' } },
    watchStates: { type: 'array', items: { type: 'string' } },
    breaks: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const indicatorRoutes: VigilRoutePlugin = async (app, { deps }) => {
  const zone = getZone(deps.pack.timeZone);
  app.get<{ Querystring: { at?: string } }>(
    `${API_PREFIX}/indicators`,
    {
      schema: {
        tags: ['indicators'],
        summary: "The pack's indicators with their state as known at the end of `at`",
        querystring: { type: 'object', additionalProperties: false, properties: { at: atQuery } },
        response: {
          200: {
            type: 'object',
            properties: {
              day: { type: 'string' },
              knowledge: knowledgeSchema,
              indicators: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { definition: definitionSchema, assessment: indicatorAssessmentSchema },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const assessments = deps.assessments.for(request.principal!.user.tlpMax);
      const a = await assessments.assess(await assessments.resolveDay(request.query.at));
      return {
        day: a.day,
        knowledge: a.knowledge,
        indicators: deps.pack.indicators.map((ind) => ({
          definition: indicatorDefinition(deps.pack, ind),
          assessment: a.indicators.find((i) => i.id === ind.id)!,
        })),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string; at?: string } }>(
    `${API_PREFIX}/indicators/:id/series`,
    {
      schema: {
        tags: ['indicators'],
        summary:
          'An indicator series: per data day the value judged, baseline band, state and the observations behind it',
        description:
          'Each point is the last judgement made by the end of `at` (playback). Defaults: `to` = `at`, `from` = 179 days earlier.',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } },
        querystring: windowQuery(),
        response: {
          200: {
            type: 'object',
            properties: {
              indicator: definitionSchema,
              at: { type: 'string' },
              from: { type: 'string' },
              to: { type: 'string' },
              breaks: { type: 'array', items: { type: 'string' } },
              points: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    day: { type: 'string' },
                    judgedOn: { type: 'string' },
                    value: { type: ['number', 'null'] },
                    baseline: { type: ['number', 'null'] },
                    band: {
                      type: ['object', 'null'],
                      properties: { low: { type: 'number' }, high: { type: 'number' }, n: { type: 'number' } },
                    },
                    state: { type: 'string' },
                    score: { type: ['number', 'null'] },
                    reason: { type: 'string' },
                    observationIds: { type: 'array', items: { type: 'string' } },
                    rank: {
                      type: ['object', 'null'],
                      description:
                        'Rank of the value among the daily values known by the end of `at` (1 = highest of `of` days); absent or null for window sums and event indicators.',
                      properties: { rank: { type: 'integer' }, of: { type: 'integer' } },
                    },
                  },
                },
              },
              unknownSpans: {
                type: 'array',
                description:
                  'Runs of assessed days on which the indicator was `no-coverage` or `stale`: nothing known, never zero.',
                items: {
                  type: 'object',
                  properties: {
                    from: { type: 'string' },
                    to: { type: 'string' },
                    state: { type: 'string', enum: ['no-coverage', 'stale'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const assessments = deps.assessments.for(request.principal!.user.tlpMax);
      const { at, from, to } = await resolveWindow(assessments, request.query, 180);
      const series = await indicatorSeries(assessments, deps.pack, request.params.id, from, to, at);
      const ind = findIndicator(deps.pack, request.params.id);
      if (!ranksInRecord(ind)) return series;
      // The record is what was published by the end of `at`: playback ranks among what was known then.
      const known = await deps.store.queryObservations({
        series: ind.series,
        asOf: new Date(zone.endOfDay(at) - 1).toISOString(),
        tlpMax: request.principal!.user.tlpMax,
      });
      return withRecordRanks(series, ind, known, zone);
    },
  );
};
