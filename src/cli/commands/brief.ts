// `vigil brief`: the daily warning brief of a local day, in English or Traditional Chinese, as HTML or a one-page PDF.
import type { Command } from 'commander';
import { resolveAssessDay } from '../../app/assess-at.js';
import { briefInputAt } from '../../app/brief-at.js';
import { printHtmlToPdf } from '../../app/print-pdf.js';
import { BRIEF_LANGS, type BriefLang } from '../../brief/brief-language.js';
import { renderBriefHtml } from '../../brief/render-brief-html.js';
import { vigilError } from '../../errors/index.js';
import { withContext } from '../context.js';
import { checkOutFile, writeOutFile } from '../output-file.js';

const FORMATS = ['html', 'pdf'] as const;
type BriefFormat = (typeof FORMATS)[number];

interface BriefFlags {
  at?: string;
  lang: string;
  format: string;
  out?: string;
}

export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description('write the daily warning brief of a local day (one A4 page) as HTML or PDF')
    .option('--at <date>', 'local date YYYY-MM-DD (default: the latest data day)')
    .option('--lang <lang>', `language: ${BRIEF_LANGS.join(' or ')} (zh: Traditional Chinese)`, 'en')
    .option('--format <format>', `output format: ${FORMATS.join(' or ')}`, 'html')
    .option('--out <file>', 'write to this file (default: HTML to standard output; PDF needs --out)')
    .option(
      '--chromium <path>',
      'Chromium executable that prints the PDF (default /usr/bin/chromium, or $VIGIL_CHROMIUM)',
    )
    .action(async (opts: BriefFlags, cmd: Command) => {
      const lang = oneOf<BriefLang>('--lang', opts.lang, BRIEF_LANGS);
      const format = oneOf<BriefFormat>('--format', opts.format, FORMATS);
      if (format === 'pdf' && !opts.out)
        throw vigilError('VIGIL_CONFIG_INVALID', 'invalid --out: a PDF brief needs --out <file>');
      if (opts.out) checkOutFile(opts.out);
      await withContext(cmd.optsWithGlobals(), async (ctx) => {
        const now = ctx.now();
        const day = await resolveAssessDay(ctx.store, ctx.pack, opts.at, now.getTime());
        const html = renderBriefHtml(await briefInputAt(ctx.store, ctx.pack, day, now), lang);
        if (format === 'html') {
          if (opts.out) writeOutFile(opts.out, html);
          else process.stdout.write(html);
          return;
        }
        const { pdf, pages } = await printHtmlToPdf(html, ctx.config.chromium);
        writeOutFile(opts.out!, pdf);
        process.stderr.write(`wrote ${opts.out} (${pages} page${pages === 1 ? '' : 's'}, ${pdf.length} bytes)\n`);
      });
    });
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw vigilError(
    'VIGIL_UNKNOWN_KIND',
    `invalid ${option}: ${JSON.stringify(value)} (expected ${allowed.join(' or ')})`,
  );
}
