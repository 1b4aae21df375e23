// The daily brief of the playback day (or the latest), in English or Traditional Chinese: the one-page HTML the
// server renders, shown in a sandboxed frame, with its PDF to download.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { query } from '../api-client.js';
import { ExportBar } from '../components/export-bar.js';
import { download } from '../export.js';
import { StatusLine } from '../components/status-line.js';
import { translate } from '../i18n.js';
import { useApi } from '../use-api.js';
import type { ViewProps } from './board-view.js';
import './warning-product.css';

type BriefLang = 'en' | 'zh';

export function BriefView({ lang, at, revision }: ViewProps) {
  const [briefLang, setBriefLang] = useState<BriefLang | undefined>(undefined);
  const chosen: BriefLang = briefLang ?? (lang === 'zh-Hant' ? 'zh' : 'en');
  const [printing, setPrinting] = useState(false);
  const [pdfError, setPdfError] = useState<string | undefined>(undefined);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  // The span answers whether there is anything to brief on (and its error when not) before the frame loads the page.
  const span = useApi<{ latestDay: string }>('/span', revision);
  const day = at ?? span.data?.latestDay;
  return h(
    'main',
    { class: 'brief-view product-view' },
    h(
      'div',
      { class: 'product-toolbar' },
      h('h1', null, t('brief.title')),
      h(
        'label',
        null,
        `${t('brief.language')} `,
        h(
          'select',
          {
            'data-testid': 'brief-lang',
            value: chosen,
            onChange: (e: Event) => setBriefLang((e.target as HTMLSelectElement).value as BriefLang),
          },
          h('option', { value: 'en' }, 'English'),
          h('option', { value: 'zh' }, '繁體中文'),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-testid': 'brief-pdf',
          disabled: day === undefined || printing,
          onClick: async () => {
            // Fetched rather than linked, so a refusal (no Chromium on the server: 503) is shown, not saved as the PDF.
            setPrinting(true);
            setPdfError(undefined);
            try {
              const res = await fetch(`/api/v1/briefs/${day}${query({ lang: chosen, format: 'pdf' })}`, {
                credentials: 'same-origin',
              });
              if (!res.ok) {
                const problem = (await res.json().catch(() => ({}))) as { detail?: string };
                throw new Error(problem.detail ?? `HTTP ${res.status}`);
              }
              download(`vigil-brief-${day}-${chosen}.pdf`, await res.blob());
            } catch (error) {
              setPdfError((error as Error).message);
            } finally {
              setPrinting(false);
            }
          },
        },
        printing ? t('common.loading') : t('brief.pdf'),
      ),
      h(ExportBar, { lang, name: 'brief' }),
    ),
    pdfError ? h('p', { class: 'error', role: 'alert' }, `${t('common.error')}: ${pdfError}`) : null,
    h('p', { class: 'muted' }, t('brief.machine')),
    day === undefined
      ? h(StatusLine, { lang, loaded: span })
      : h('iframe', {
          key: `${day}-${chosen}-${revision}`,
          class: 'brief-frame',
          'data-testid': 'brief-frame',
          'data-day': day,
          'data-lang': chosen,
          title: t('brief.title'),
          // The page is self-contained (no script, nothing fetched; its own CSP says so): every sandbox flag stays off.
          sandbox: '',
          src: `/api/v1/briefs/${day}${query({ lang: chosen })}`,
        }),
  );
}
