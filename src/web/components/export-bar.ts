// The export buttons beside a chart or table: SVG and PNG of the chart, CSV of its data, and "copy link to this view".
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { copyViewLink, download, svgMarkup, svgToPng, toCsv } from '../export.js';
import { translate, type Lang } from '../i18n.js';

export type CsvRows = (string | number | boolean | null | undefined)[][];

export interface ExportBarProps {
  lang: Lang;
  /** File names start with this (e.g. `air.total-2023-04-10`). */
  name: string;
  /** The chart to export (absent: no SVG/PNG buttons). */
  chart?: () => SVGSVGElement | null | undefined;
  /** The rows to export as CSV, header first (absent: no CSV button); may load them first. */
  csv?: () => CsvRows | Promise<CsvRows>;
  /** Label of the CSV button when it is not the chart's data (e.g. "assessment history"). */
  csvLabel?: string;
  /** Offer "copy link to this view" (default true). */
  link?: boolean;
}

export function ExportBar({ lang, name, chart, csv, csvLabel, link = true }: ExportBarProps) {
  const [note, setNote] = useState('');
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const run = (work: () => Promise<void> | void) => async () => {
    try {
      setNote('');
      await work();
    } catch (error) {
      setNote(`${t('common.error')}: ${(error as Error).message}`);
    }
  };
  const svg = () => {
    const el = chart?.();
    if (!el) throw new Error(t('export.noChart'));
    return el;
  };
  return h(
    'div',
    { class: 'export-bar', 'data-testid': 'export-bar' },
    chart
      ? [
          h(
            'button',
            {
              type: 'button',
              'data-export': 'svg',
              onClick: run(() => download(`${name}.svg`, svgMarkup(svg()), 'image/svg+xml;charset=utf-8')),
            },
            'SVG',
          ),
          h(
            'button',
            {
              type: 'button',
              'data-export': 'png',
              onClick: run(async () => download(`${name}.png`, await svgToPng(svg()))),
            },
            'PNG',
          ),
        ]
      : null,
    csv
      ? h(
          'button',
          {
            type: 'button',
            'data-export': 'csv',
            onClick: run(async () => download(`${name}.csv`, toCsv(await csv()), 'text/csv;charset=utf-8')),
          },
          csvLabel ? `CSV: ${csvLabel}` : 'CSV',
        )
      : null,
    link &&
      h(
        'button',
        {
          type: 'button',
          'data-export': 'link',
          onClick: run(async () => {
            await copyViewLink();
            setNote(t('export.copied'));
          }),
        },
        t('export.copyLink'),
      ),
    note ? h('span', { class: 'muted', role: 'status' }, note) : null,
  );
}
