// The daily brief over HTTP: the one-page brief of a local day in English or Traditional Chinese, as the HTML
// `vigil brief` writes or as the PDF Chromium prints from it, drawn only from what the caller's TLP ceiling may read.
import { briefInputWithin } from '../../app/brief-at.js';
import { printHtmlToPdf } from '../../app/print-pdf.js';
import { BRIEF_LANGS, type BriefLang } from '../../brief/brief-language.js';
import { renderBriefHtml } from '../../brief/render-brief-html.js';
import { formatDay } from '../../time/zone.js';
import { dateParam } from '../api-schemas.js';
import { API_PREFIX, type VigilRoutePlugin } from '../server-deps.js';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The brief's HTML needs only its own inline stylesheet (and data: images); the dashboard may frame it. */
export const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

export const briefRoutes: VigilRoutePlugin = async (app, { deps }) => {
  app.get<{ Params: { date: string }; Querystring: { lang?: BriefLang; format?: 'html' | 'pdf' } }>(
    `${API_PREFIX}/briefs/:date`,
    {
      schema: {
        tags: ['brief'],
        summary: 'The daily warning brief of a local day (one A4 page), as HTML or PDF, for your TLP ceiling',
        description:
          'The same page as `vigil brief`, assessed on the observations your TLP ceiling lets you read; its marking (the most restrictive among them) is also in `X-Vigil-TLP`. `format=pdf` is printed by Chromium (503 VIGIL_BROWSER_UNAVAILABLE without it) and sent as an attachment. The HTML may be framed by the dashboard (same origin).',
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
      const tlpMax = request.principal!.user.tlpMax;
      const assessments = deps.assessments.for(tlpMax);
      const day = await assessments.resolveDay(request.params.date, 'date');
      const lang = request.query.lang ?? 'en';
      const input = await briefInputWithin(assessments, deps.store, deps.pack, day, tlpMax, deps.now());
      const html = renderBriefHtml(input, lang);
      reply.header('x-vigil-tlp', input.provenance.tlp.toUpperCase());
      if (request.query.format !== 'pdf')
        return (
          reply
            .type('text/html; charset=utf-8')
            // The dashboard shows the page in a frame of its own origin; the page runs nothing and fetches nothing.
            .header('x-frame-options', 'SAMEORIGIN')
            .header('content-security-policy', BRIEF_CSP)
            .send(html)
        );
      const { pdf, pages } = await printHtmlToPdf(html, deps.chromium ?? DEFAULT_CHROMIUM);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="vigil-brief-${formatDay(day)}-${lang}.pdf"`)
        .header('x-vigil-pages', String(pages))
        .send(pdf);
    },
  );
};
