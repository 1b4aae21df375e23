// Assessments: as known at the end of a day, over a range (one compact record per day), and the board in one call.
import type { FastifyRequest } from 'fastify';
import { toRecord } from '../../backtest/replay.js';
import type { Assessment } from '../../model/index.js';
import { formatDay } from '../../time/zone.js';
import { assessmentSchema, atQuery, dateParam, dayRecordSchema, windowQuery } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';
import { levelSince, resolveWindow } from './window.js';

export const assessmentRoutes: VigilRoutePlugin = async (app, { deps }) => {
  // Each caller is assessed on what their TLP ceiling lets them see.
  const viewOf = (request: FastifyRequest) => deps.assessments.for(request.principal!.user.tlpMax);

  app.get(
    `${API_PREFIX}/assessments/latest`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'The assessment for the latest data day',
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const assessments = viewOf(request);
      return assessments.assess(await assessments.resolveDay(undefined));
    },
  );

  app.get<{ Params: { date: string } }>(
    `${API_PREFIX}/assessments/:date`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'The assessment as known at the end of a local day',
        params: { type: 'object', required: ['date'], properties: { date: dateParam } },
        response: { 200: assessmentSchema },
      },
    },
    async (request) => {
      const assessments = viewOf(request);
      return assessments.assess(await assessments.resolveDay(request.params.date, 'date'));
    },
  );

  app.get<{ Querystring: { from?: string; to?: string; at?: string } }>(
    `${API_PREFIX}/assessments`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'One compact record per day of a range, each as known at the end of its own day',
        description:
          'Days after `at` are left out (playback). Defaults: `to` = `at` or the latest day, `from` = 89 days before `to`.',
        querystring: windowQuery(),
        response: {
          200: {
            type: 'object',
            properties: {
              from: { type: 'string' },
              to: { type: 'string' },
              days: { type: 'array', items: dayRecordSchema },
            },
          },
        },
      },
    },
    async (request) => {
      const assessments = viewOf(request);
      const { from, to } = await resolveWindow(assessments, request.query, 90);
      const days = (await assessments.range(from, to)).map(dayRecord);
      return { from: formatDay(from), to: formatDay(to), days };
    },
  );

  app.get(
    `${API_PREFIX}/span`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'The days playback can show: first observed and latest published local day',
        response: {
          200: {
            type: 'object',
            properties: { firstDay: { type: 'string' }, latestDay: { type: 'string' }, timeZone: { type: 'string' } },
          },
        },
      },
    },
    async (request) => {
      const assessments = viewOf(request);
      await assessments.resolveDay(undefined);
      const span = (await assessments.span())!;
      return { firstDay: formatDay(span.first), latestDay: formatDay(span.latest), timeZone: deps.pack.timeZone };
    },
  );

  app.get<{ Querystring: { at?: string; days?: number } }>(
    `${API_PREFIX}/board`,
    {
      schema: {
        tags: ['assessments'],
        summary: 'Everything the warning board shows, in one call',
        description:
          'The assessment at `at`, since when the level holds, and the last `days` daily records for sparklines.',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { at: atQuery, days: { type: 'integer', minimum: 7, maximum: 366, default: 90 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              assessment: assessmentSchema,
              levelSince: { type: 'string', description: 'First day of the current run at this level' },
              firstDay: { type: 'string' },
              latestDay: { type: 'string' },
              history: { type: 'array', items: dayRecordSchema },
            },
          },
        },
      },
    },
    async (request) => {
      const assessments = viewOf(request);
      const day = await assessments.resolveDay(request.query.at);
      const span = (await assessments.span())!;
      const from = Math.max(span.first, day - (request.query.days ?? 90) + 1);
      const [assessment, history, since] = await Promise.all([
        assessments.assess(day),
        assessments.range(from, day),
        levelSince(assessments, day),
      ]);
      return {
        assessment,
        levelSince: formatDay(since),
        firstDay: formatDay(span.first),
        latestDay: formatDay(span.latest),
        history: history.map(dayRecord),
      };
    },
  );
};

/** The backtest's day record plus the day's knowledge state, so sparklines and charts can mark what was not known. */
function dayRecord(a: Assessment) {
  return { ...toRecord(a), knowledge: a.knowledge.state };
}
