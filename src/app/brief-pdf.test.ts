// The brief prints to exactly one A4 page in each language (real Chromium), and its provenance carries the most
// restrictive TLP among the observations read.
import { describe, expect, it } from 'vitest';
import { browserSkipReason, CHROMIUM } from '../../test/e2e/browser.js';
import { BRIEF_CASES } from '../brief/brief-fixtures.js';
import { BRIEF_LANGS } from '../brief/brief-language.js';
import { renderBriefHtml } from '../brief/render-brief-html.js';
import type { StoredObservation } from '../storage/store.js';
import { provenanceOf } from './brief-at.js';
import { countPdfPages, printHtmlToPdf } from './print-pdf.js';

const obs = (source: string, tlp: StoredObservation['tlp'], publishedAt: string) =>
  ({ source, tlp, publishedAt }) as StoredObservation;

describe('brief provenance', () => {
  it('counts observations per source with the latest publication, marked with the most restrictive TLP', () => {
    const p = provenanceOf([
      obs('mnd', 'clear', '2024-05-22T09:00:00Z'),
      obs('mnd', 'clear', '2024-05-23T09:00:00Z'),
      obs('partner:b', 'amber', '2024-05-21T00:00:00Z'),
      obs('jso', 'green', '2024-05-20T00:00:00Z'),
    ]);
    expect(p.tlp).toBe('amber');
    expect(p.sources).toEqual([
      { source: 'jso', observations: 1, latestPublishedAt: '2024-05-20T00:00:00Z' },
      { source: 'mnd', observations: 2, latestPublishedAt: '2024-05-23T09:00:00Z' },
      { source: 'partner:b', observations: 1, latestPublishedAt: '2024-05-21T00:00:00Z' },
    ]);
    expect(provenanceOf([]).tlp).toBe('clear');
  });

  it('counts PDF page objects, not the page tree', () => {
    expect(
      countPdfPages(
        Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page /Parent 1 0 R >>', 'latin1'),
      ),
    ).toBe(2);
  });
});

const skip = browserSkipReason();
describe.skipIf(skip !== undefined)('brief PDF in Chromium', () => {
  for (const lang of BRIEF_LANGS) {
    it(`the surge brief in ${lang} is one A4 page`, async () => {
      const { pdf, pages } = await printHtmlToPdf(renderBriefHtml(BRIEF_CASES.surge, lang), CHROMIUM);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pages).toBe(1);
    }, 60_000);
  }
});
