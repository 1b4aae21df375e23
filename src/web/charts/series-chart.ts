// An indicator's series: the baseline band, the values judged, anomalies marked, definition breaks drawn; points are clickable.
import { h } from 'preact';
import type { SeriesPointView, UnknownSpanView } from '../api-types.js';
import { dayNumber, linear, ticks } from './scale.js';

export interface SeriesChartProps {
  points: readonly SeriesPointView[];
  breaks: readonly string[];
  /** Days on which nothing was known (no coverage, stale): shaded, never drawn as a line or a zero. */
  unknownSpans?: readonly UnknownSpanView[];
  from: string;
  to: string;
  selected?: string;
  onPick: (p: SeriesPointView) => void;
  labels: { band: string; break: string; anomaly: string; noCoverage: string; stale: string };
  /** Analyst notes about days of the window: a flag at the top of the day, the note in its tooltip. */
  notes?: readonly ChartNote[];
}

export interface ChartNote {
  day: string;
  /** The tooltip: who, grading, TLP and the text. */
  label: string;
  /** The note's series is read by no indicator: drawn hollow. */
  unread: boolean;
}

const W = 900;
const H = 300;
const M = { top: 16, right: 16, bottom: 28, left: 44 };

/** Outside its band, or in a state other than the calm ones: what the analysis flagged. */
export function isAnomaly(p: SeriesPointView): boolean {
  if (p.value === null) return false;
  if (p.band && (p.value > p.band.high || p.value < p.band.low)) return true;
  return false;
}

/** Runs of consecutive days (gaps of more than `maxGap` days split them). The value line never bridges a day. */
export function runs<T extends { day: string }>(items: readonly T[], maxGap = 1): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const last = out.at(-1)?.at(-1);
    if (last && dayNumber(item.day) - dayNumber(last.day) <= maxGap) out.at(-1)!.push(item);
    else out.push([item]);
  }
  return out;
}

export function SeriesChart({
  points,
  breaks,
  unknownSpans = [],
  from,
  to,
  selected,
  onPick,
  labels,
  notes = [],
}: SeriesChartProps) {
  const valued = points.filter((p) => p.value !== null);
  const banded = points.filter((p) => p.band !== null);
  const ys = [...valued.map((p) => p.value as number), ...banded.flatMap((p) => [p.band!.low, p.band!.high]), 0];
  const yMax = Math.max(1, ...ys) * 1.08;
  const yMin = Math.min(0, ...ys);
  const x = linear([dayNumber(from), dayNumber(to)], [M.left, W - M.right]);
  const y = linear([yMin, yMax], [H - M.bottom, M.top]);
  const px = (p: { day: string }) => x(dayNumber(p.day));

  const bandPaths = runs(banded).map((run) => {
    const upper = run.map((p, i) => `${i ? 'L' : 'M'}${px(p).toFixed(1)},${y(p.band!.high).toFixed(1)}`).join('');
    const lower = [...run]
      .reverse()
      .map((p) => `L${px(p).toFixed(1)},${y(p.band!.low).toFixed(1)}`)
      .join('');
    return run.length === 1
      ? `M${(px(run[0]) - 2).toFixed(1)},${y(run[0].band!.high).toFixed(1)}h4V${y(run[0].band!.low).toFixed(1)}h-4Z`
      : `${upper}${lower}Z`;
  });
  // A missing day is a gap in the line: nothing is drawn across a day without a value.
  const linePaths = runs(valued).map((run) =>
    run.map((p, i) => `${i ? 'L' : 'M'}${px(p).toFixed(1)},${y(p.value as number).toFixed(1)}`).join(''),
  );
  const yTicks = ticks(yMin, yMax, 5);
  const monthTicks = monthStarts(from, to);

  return h(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      class: 'series-chart',
      role: 'img',
      'data-testid': 'series-chart',
      'aria-label': `${from} – ${to}`,
    },
    h(
      'g',
      { class: 'axis' },
      ...yTicks.map((t) =>
        h(
          'g',
          null,
          h('line', { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: 'grid' }),
          h('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, String(t)),
        ),
      ),
      ...monthTicks.map((m) => h('text', { x: x(dayNumber(m)), y: H - 8, 'text-anchor': 'middle' }, m.slice(0, 7))),
    ),
    ...unknownSpans
      .filter((s) => s.to >= from && s.from <= to)
      .map((s) => {
        // Each day is a slot centred on its point, kept inside the plot area.
        const half = (x(dayNumber(from) + 1) - x(dayNumber(from))) / 2;
        const x0 = Math.max(M.left, x(dayNumber(s.from < from ? from : s.from)) - half);
        const x1 = Math.min(W - M.right, x(dayNumber(s.to > to ? to : s.to)) + half);
        const label = s.state === 'stale' ? labels.stale : labels.noCoverage;
        return h(
          'g',
          { class: `unknown-span ${s.state}`, 'data-testid': s.state, 'data-from': s.from, 'data-to': s.to },
          h('rect', { x: x0, y: M.top, width: Math.max(1, x1 - x0), height: H - M.bottom - M.top }),
          x1 - x0 > 60 ? h('text', { x: (x0 + x1) / 2, y: M.top + 24, 'text-anchor': 'middle' }, label) : null,
          h('title', null, `${label}: ${s.from} – ${s.to}`),
        );
      }),
    ...bandPaths.map((d) => h('path', { d, class: 'band', 'data-testid': 'band' }, h('title', null, labels.band))),
    ...breaks
      .filter((b) => b >= from && b <= to)
      .map((b) =>
        h(
          'g',
          { class: 'break', 'data-testid': 'break' },
          h('line', { x1: x(dayNumber(b)), x2: x(dayNumber(b)), y1: M.top, y2: H - M.bottom }),
          h('text', { x: x(dayNumber(b)) + 4, y: M.top + 10 }, `${labels.break} ${b}`),
        ),
      ),
    ...notes
      .filter((n) => n.day >= from && n.day <= to)
      .map((n) =>
        h(
          'g',
          { class: `note-mark${n.unread ? ' unread' : ''}`, 'data-testid': 'note-mark', 'data-day': n.day },
          h('line', { x1: x(dayNumber(n.day)), x2: x(dayNumber(n.day)), y1: M.top, y2: H - M.bottom }),
          h('path', {
            d: `M${x(dayNumber(n.day)).toFixed(1)},${M.top}l5,-7h-10z`,
          }),
          h('title', null, `${n.day}: ${n.label}`),
        ),
      ),
    ...linePaths.map((d) => h('path', { d, class: 'value-line' })),
    ...valued.map((p) => {
      const anomaly = isAnomaly(p);
      return h(
        'circle',
        {
          cx: px(p),
          cy: y(p.value as number),
          r: p.day === selected ? 5 : anomaly ? 3.5 : 2,
          class: `point${anomaly ? ' anomaly' : ''}${p.day === selected ? ' selected' : ''}`,
          'data-day': p.day,
          onClick: () => onPick(p),
          tabIndex: 0,
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter') onPick(p);
          },
        },
        h('title', null, `${p.day}: ${p.value} (${p.state})${anomaly ? ` — ${labels.anomaly}` : ''}`),
      );
    }),
  );
}

function monthStarts(from: string, to: string): string[] {
  const out: string[] = [];
  const d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const months = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / (30 * 86_400_000)));
  const step = Math.max(1, Math.ceil(months / 8));
  while (d.toISOString().slice(0, 10) <= to) {
    const s = d.toISOString().slice(0, 10);
    if (s >= from) out.push(s);
    d.setUTCMonth(d.getUTCMonth() + step);
  }
  return out;
}
