// The daily brief of a local day as a document (HTML or PDF, English or Traditional Chinese): what the brief webhook
// links to and what the dashboard's Brief view frames. Each reader is given the brief assessed on, and marked with,
// what their TLP ceiling lets them see.
import { countPdfPages } from '../../app/print-pdf.js';
import { BRIEF_LANGS, type BriefLang } from '../../brief/brief-language.js';
import { vigilError } from '../../errors/index.js';
import { formatDay } from '../../time/zone.js';
import { dateParam } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

/** The brief's HTML needs only its own inline stylesheet (and data: images); the dashboard may frame it. */
export const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

interface BriefQuery {
  lang?: BriefLang;
  format?: 'html' | 'pdf';
}

export const briefRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Params: { date: string }; Querystring: BriefQuery }>(
    `${API_PREFIX}/briefs/:date`,
    {
      schema: {
        tags: ['brief'],
        summary: 'The daily warning brief of a local day (one A4 page), as HTML or PDF, for the caller’s TLP ceiling',
        description:
          'The same page as `vigil brief`, assessed on the observations the caller’s TLP ceiling lets them read. The response carries the brief’s own marking in `X-Vigil-TLP` (the most restrictive among the observations it was made from, never above the caller’s ceiling). `format=pdf` is printed by Chromium on the server (503 VIGIL_BROWSER_UNAVAILABLE without it) and sent as an attachment, its page count in `X-Vigil-Pages`. The HTML may be framed by the dashboard (same origin).',
        params: { type: 'object', required: ['date'], properties: { date: dateParam } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            lang: { type: 'string', enum: [...BRIEF_LANGS], default: 'en' },
            format: { type: 'string', enum: ['html', 'pdf'], default: 'html' },
          },
        },
        produces: ['text/html', 'application/pdf'],
      },
    },
    async (request, reply) => {
      if (!deps.briefs) throw vigilError('VIGIL_NOT_FOUND', 'this server does not render briefs');
      const tlpMax = request.principal!.user.tlpMax;
      // The same day checks as the assessments: not in the future, not before the first observation.
      const day = await deps.assessments.for(tlpMax).resolveDay(request.params.date, 'date');
      const lang = request.query.lang ?? 'en';
      const format = request.query.format ?? 'html';
      const doc = await deps.briefs.render({ day: formatDay(day), lang, format, tlpMax });
      reply
        .header('content-type', doc.contentType)
        .header('x-vigil-tlp', doc.tlp.toUpperCase())
        .header('cache-control', 'private, no-store');
      if (format === 'html')
        // The dashboard shows the page in a frame of its own origin; the page runs nothing and fetches nothing.
        return reply
          .header('x-frame-options', 'SAMEORIGIN')
          .header('content-security-policy', BRIEF_CSP)
          .send(doc.body);
      const pdf = doc.body as Buffer;
      return reply
        .header('content-disposition', `attachment; filename="vigil-brief-${formatDay(day)}-${lang}.pdf"`)
        .header('x-vigil-pages', String(countPdfPages(pdf)))
        .send(pdf);
    },
  );
};
