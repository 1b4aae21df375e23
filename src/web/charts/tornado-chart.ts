// The tornado chart: one bar per assumption, from the measure at the low end of its range to the high end, the largest
// swing on top, a line at the current value. The ends are coloured by the direction they move the measure.
import { h } from 'preact';
import { formatProbability } from '../../model/probability-format.js';
import { linear, ticks } from './scale.js';

export interface TornadoRow {
  /** A stable key (data-key) and the label drawn at the left. */
  key: string;
  label: string;
  low: number;
  high: number;
}

export interface TornadoChartProps {
  rows: readonly TornadoRow[];
  /** The measure in the current case. */
  base: number;
  labels: { low: string; high: string; title: string };
}

/** Coordinates to a tenth of a unit: enough for the screen, and a golden file free of float noise. */
const r1 = (v: number) => v.toFixed(1);
/** The plot's own width (bars and their values); the label column in front of it grows with the labels. */
const PLOT = 600;
/** Label column bounds: a long label is shortened with an ellipsis (its <title> keeps it whole). */
const LABEL_MIN = 200;
const LABEL_MAX = 440;
const ROW = 22;

/** Rough drawn width of a label at the chart's font size: CJK characters are about twice as wide as Latin ones. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 13 : 7), 0);

function fitLabel(label: string, width: number): string {
  if (textWidth(label) <= width) return label;
  let out = '';
  for (const c of label) {
    if (textWidth(`${out}${c}…`) > width) break;
    out += c;
  }
  return `${out.trimEnd()}…`;
}
const M = { top: 22, right: 120, bottom: 26 };

export function TornadoChart({ rows, base, labels }: TornadoChartProps) {
  const values = [base, ...rows.flatMap((r) => [r.low, r.high])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = Math.max((hi - lo) * 0.08, 0.005);
  lo = Math.max(0, lo - pad);
  hi = Math.min(1, hi + pad);
  const H = M.top + rows.length * ROW + M.bottom;
  const LABEL = Math.min(LABEL_MAX, Math.max(LABEL_MIN, ...rows.map((r) => textWidth(r.label) + 16)));
  const W = LABEL + PLOT;
  const x = linear([lo, hi], [LABEL, W - M.right]);
  const axisY = H - M.bottom;
  const fmt = (p: number) => formatProbability(p, true);
  return h(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'tornado-chart',
      role: 'img',
      'data-testid': 'tornado-chart',
      'aria-label': labels.title,
    },
    h(
      'g',
      { class: 'axis' },
      ...ticks(lo, hi, 6).map((t) =>
        h(
          'g',
          null,
          h('line', { x1: r1(x(t)), x2: r1(x(t)), y1: M.top - 4, y2: axisY, class: 'grid' }),
          h('text', { x: r1(x(t)), y: axisY + 16, 'text-anchor': 'middle' }, fmt(t)),
        ),
      ),
      h('text', { x: LABEL, y: 12, class: 'legend low' }, `■ ${labels.low}`),
      h('text', { x: LABEL + 120, y: 12, class: 'legend high' }, `■ ${labels.high}`),
    ),
    ...rows.map((r, i) => {
      const y = M.top + i * ROW;
      const end = (v: number, cls: string) => {
        const x0 = Math.min(x(base), x(v));
        return h('rect', {
          x: r1(x0),
          y: y + 3,
          width: r1(Math.max(1, Math.abs(x(v) - x(base)))),
          height: ROW - 6,
          class: cls,
        });
      };
      return h(
        'g',
        { class: 'tornado-row', 'data-key': r.key },
        h('text', { x: LABEL - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end' }, fitLabel(r.label, LABEL - 12)),
        end(r.low, 'low'),
        end(r.high, 'high'),
        h(
          'text',
          { x: r1(Math.max(x(r.low), x(r.high)) + 4), y: y + ROW / 2 + 4, class: 'value' },
          `${fmt(r.low)} … ${fmt(r.high)}`,
        ),
        h('title', null, `${r.label}: ${labels.low} ${fmt(r.low)}, ${labels.high} ${fmt(r.high)} (${fmt(base)})`),
      );
    }),
    h('line', {
      x1: r1(x(base)),
      x2: r1(x(base)),
      y1: M.top - 4,
      y2: axisY,
      class: 'base',
      'data-testid': 'tornado-base',
    }),
  );
}
