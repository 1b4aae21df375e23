// The daily brief as a document on request: one day, one language, HTML or PDF, assessed and marked for a reader's
// TLP clearance. What the API's brief route and the scheduled delivery both render.
import type { Tlp } from '../model/index.js';
import type { BriefInput } from '../brief/brief-content.js';
import type { BriefLang } from '../brief/brief-language.js';
import { renderBriefHtml } from '../brief/render-brief-html.js';
import { parseDay } from '../time/zone.js';
import { briefInputAt } from './brief-at.js';
import type { Vigil } from './open-vigil.js';
import { printHtmlToPdf } from './print-pdf.js';

export type BriefFormat = 'html' | 'pdf';

export interface BriefDocument {
  contentType: string;
  body: string | Buffer;
  /** The marking of the brief: the most restrictive among the observations it was made from. */
  tlp: Tlp;
}

export interface BriefDocumentRequest {
  /** Local day YYYY-MM-DD. */
  day: string;
  lang: BriefLang;
  format: BriefFormat;
  /** The reader's clearance: nothing marked above it is read. */
  tlpMax: Tlp;
}

/** Prints HTML to PDF; Chromium through playwright-core unless a test passes another. */
export type PdfPrinter = (html: string) => Promise<Buffer>;

export function chromiumPrinter(executablePath: string): PdfPrinter {
  return async (html) => (await printHtmlToPdf(html, executablePath)).pdf;
}

export interface BriefDocuments {
  render(request: BriefDocumentRequest): Promise<BriefDocument>;
}

export function renderBriefDocument(input: BriefInput, lang: BriefLang, format: BriefFormat, print: PdfPrinter) {
  const html = renderBriefHtml(input, lang);
  return format === 'html'
    ? Promise.resolve({ contentType: 'text/html; charset=utf-8', body: html, tlp: input.provenance.tlp })
    : print(html).then((pdf) => ({ contentType: 'application/pdf', body: pdf, tlp: input.provenance.tlp }));
}

export function createBriefDocuments(vigil: Vigil, print: PdfPrinter): BriefDocuments {
  return {
    async render({ day, lang, format, tlpMax }) {
      const input = await briefInputAt(vigil.store, vigil.pack, parseDay(day, 'date'), vigil.clock(), tlpMax);
      return renderBriefDocument(input, lang, format, print);
    },
  };
}
