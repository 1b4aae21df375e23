// Prints an HTML page to PDF through the Chromium the dashboard tests already drive (playwright-core), A4, with the
// page's own print stylesheet; returns the PDF and its page count so callers can hold a one-page product to one page.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { vigilError } from '../errors/index.js';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface PrintedPdf {
  pdf: Buffer;
  pages: number;
  /** Print scale used: 1 unless the page had to shrink to fit one sheet. */
  scale: number;
}

/** Below this the text is too small to read on paper; a longer page then prints on more than one sheet. */
const MIN_SCALE = 0.8;

export async function printHtmlToPdf(html: string, executablePath: string): Promise<PrintedPdf> {
  if (!existsSync(executablePath))
    throw vigilError(
      'VIGIL_BROWSER_UNAVAILABLE',
      `Chromium is not at ${executablePath}: install it (apt-get install -y chromium) or pass --chromium <path>`,
    );
  const browser = await chromium
    .launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
    .catch((error: unknown) => {
      throw vigilError(
        'VIGIL_BROWSER_UNAVAILABLE',
        `Chromium at ${executablePath} could not start: ${(error as Error).message.split('\n')[0]}`,
      );
    });
  try {
    const page = await browser.newPage();
    // The brief is self-contained: nothing may be fetched while it is printed.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    // A page that runs over is printed smaller rather than onto a second sheet, down to MIN_SCALE.
    let scale = 1;
    for (;;) {
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, scale });
      const pages = countPdfPages(pdf);
      if (pages <= 1 || scale <= MIN_SCALE) return { pdf, pages, scale };
      scale = Math.max(MIN_SCALE, Math.round((scale - 0.05) * 100) / 100);
    }
  } finally {
    await browser.close();
  }
}

/** Pages in a PDF: the `/Type /Page` objects (not `/Pages`), which is how Chromium writes them. */
export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
