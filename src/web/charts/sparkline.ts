// A small SVG line (probability or level over time) with its last point marked.
import { h } from 'preact';
import { linear } from './scale.js';

export interface SparklineProps {
  values: readonly number[];
  width?: number;
  height?: number;
  /** Fixed vertical domain (default: the values' own range). */
  domain?: [number, number];
  label: string;
  className?: string;
}

export function Sparkline({ values, width = 120, height = 28, domain, label, className }: SparklineProps) {
  if (values.length === 0) return h('svg', { width, height, role: 'img', 'aria-label': label });
  const lo = domain?.[0] ?? Math.min(...values);
  const hi = domain?.[1] ?? Math.max(...values);
  const x = linear([0, Math.max(1, values.length - 1)], [1, width - 3]);
  const y = linear([lo, hi === lo ? lo + 1 : hi], [height - 2, 2]);
  const d = values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const last = values.length - 1;
  return h(
    'svg',
    {
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': label,
      class: `sparkline ${className ?? ''}`,
    },
    h('path', { d, fill: 'none', class: 'spark-line' }),
    h('circle', { cx: x(last), cy: y(values[last]), r: 2, class: 'spark-dot' }),
  );
}
