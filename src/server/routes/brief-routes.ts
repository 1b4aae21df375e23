// The daily brief of a local day as a document (HTML or PDF, English or Traditional Chinese): what the brief webhook
// links to. Each reader is given the brief assessed on, and marked with, what their TLP ceiling lets them see.
import { vigilError } from '../../errors/index.js';
import { formatDay } from '../../time/zone.js';
import { dateParam } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

interface BriefQuery {
  lang?: 'en' | 'zh';
  format?: 'html' | 'pdf';
}

export const briefRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Params: { date: string }; Querystring: BriefQuery }>(
    `${API_PREFIX}/briefs/:date`,
    {
      schema: {
        tags: ['brief'],
        summary: 'The daily warning brief of a local day, for the caller’s TLP ceiling',
        description:
          'One A4 page; `format=pdf` is printed by Chromium on the server. The response carries the brief’s own marking in `X-Vigil-TLP` (the most restrictive among the observations it was made from, never above the caller’s ceiling).',
        params: { type: 'object', required: ['date'], properties: { date: dateParam } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lang: { type: 'string', enum: ['en', 'zh'], default: 'en' },
            format: { type: 'string', enum: ['html', 'pdf'], default: 'html' },
          },
        },
      },
    },
    async (request, reply) => {
      if (!deps.briefs) throw vigilError('VIGIL_NOT_FOUND', 'this server does not render briefs');
      const tlpMax = request.principal!.user.tlpMax;
      // The same day checks as the assessments: not in the future, not before the first observation.
      const day = await deps.assessments.for(tlpMax).resolveDay(request.params.date, 'date');
      const doc = await deps.briefs.render({
        day: formatDay(day),
        lang: request.query.lang ?? 'en',
        format: request.query.format ?? 'html',
        tlpMax,
      });
      return reply
        .header('content-type', doc.contentType)
        .header('x-vigil-tlp', doc.tlp.toUpperCase())
        .header('cache-control', 'private, no-store')
        .send(doc.body);
    },
  );
};
