// The reliability diagram as a self-contained SVG: stated probability against observed frequency, the diagonal of
// perfect reliability, one dot per non-empty bin with its area by count and its count beside it. Pure.
import type { ReliabilityBin } from './reliability.js';

const SIZE = 320;
const PAD = { left: 48, right: 16, top: 40, bottom: 44 };
const W = SIZE - PAD.left - PAD.right;
const H = SIZE - PAD.top - PAD.bottom;

/** The axis titles, English unless a caller gives them in another language. */
export interface ReliabilityAxes {
  x: string;
  y: string;
}

const AXES_EN: ReliabilityAxes = { x: 'stated probability (%)', y: 'observed frequency (%)' };

export function renderReliabilitySvg(
  bins: readonly ReliabilityBin[],
  title: string,
  subtitle = '',
  axes: ReliabilityAxes = AXES_EN,
): string {
  const x = (p: number) => round(PAD.left + p * W);
  const y = (p: number) => round(PAD.top + (1 - p) * H);
  const max = Math.max(1, ...bins.map((b) => b.count));
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" class="grid"/><line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" class="grid"/>` +
        `<text x="${x(t)}" y="${y(0) + 14}" text-anchor="middle">${t * 100}</text><text x="${x(0) - 6}" y="${y(t) + 4}" text-anchor="end">${t * 100}</text>`,
    )
    .join('');
  const dots = bins
    .filter((b) => b.count > 0)
    .map((b) => {
      const r = round(2.5 + 9 * Math.sqrt(b.count / max));
      const cx = x(b.meanForecast!);
      const cy = y(b.observed!);
      return `<circle cx="${cx}" cy="${cy}" r="${r}" class="bin"><title>${pct(b.low)}–${pct(b.high)}: ${b.count} forecasts, mean ${pct(b.meanForecast!)}, observed ${pct(b.observed!)}</title></circle><text x="${round(cx + r + 2)}" y="${round(cy - r)}" class="n">${b.count}</text>`;
    })
    .join('');
  const line = bins
    .filter((b) => b.count > 0)
    .map((b) => `${x(b.meanForecast!)},${y(b.observed!)}`)
    .join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" aria-label="${esc(title)}">
<style>text{font:10px sans-serif;fill:#333}.grid{stroke:#e3e3e3}.diag{stroke:#999;stroke-dasharray:4 3}.curve{fill:none;stroke:#1565c0;stroke-width:1.5}.bin{fill:#1565c0;fill-opacity:.55;stroke:#0d47a1}.n{font-size:9px;fill:#0d47a1}.title{font-size:11px;font-weight:bold}</style>
<text x="${PAD.left}" y="14" class="title">${esc(title)}</text>
<text x="${PAD.left}" y="27">${esc(subtitle)}</text>
${grid}
<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" class="diag"/>
${line ? `<polyline points="${line}" class="curve"/>` : ''}
${dots}
<text x="${x(0.5)}" y="${SIZE - 8}" text-anchor="middle">${esc(axes.x)}</text>
<text transform="translate(12 ${y(0.5)}) rotate(-90)" text-anchor="middle">${esc(axes.y)}</text>
</svg>
`;
}

const round = (v: number) => Math.round(v * 10) / 10;
const pct = (p: number) => `${Math.round(p * 1000) / 10} %`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
