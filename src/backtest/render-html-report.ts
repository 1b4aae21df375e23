// A self-contained HTML backtest report (inline SVG, no scripts, no CDN): level and pEvent7d over time, scores, episodes.
import { formatDay, parseDay } from '../time/zone.js';
import type { Episode } from './episodes.js';
import type { DayRecord } from './replay.js';
import { metricRows } from './render-scores.js';
import type { BacktestResult } from './run-backtest.js';

const LEVEL_COLOURS = ['', '#2e7d32', '#0277bd', '#f9a825', '#c62828', '#6a1b9a'];

export function renderHtmlReport(title: string, result: BacktestResult, episodes: readonly Episode[]): string {
  const { records, scores } = result;
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p>${records.length} days, ${esc(records[0]?.date ?? '')} → ${esc(records.at(-1)?.date ?? '')}. Each day is assessed with only what was published by the end of that local day.</p>`,
    chart(records, episodes),
    scores ? scoreTable(scores) : '<p>No episodes file given: no scores.</p>',
    scores ? episodeTable(scores.pack.perEpisode) : '',
  ].join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:12px 0}
td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child,th:first-child{text-align:left}
.legend span{display:inline-block;margin-right:12px}.sw{display:inline-block;width:12px;height:12px;vertical-align:middle;margin-right:4px}
</style></head><body>${body}</body></html>\n`;
}

function chart(records: readonly DayRecord[], episodes: readonly Episode[]): string {
  if (records.length === 0) return '';
  const W = 1100;
  const H = 260;
  const top = 10;
  const levelH = 120;
  const pTop = levelH + 30;
  const pH = 90;
  const first = parseDay(records[0].date);
  const n = records.length;
  const x = (day: number) => ((day - first) / Math.max(n - 1, 1)) * (W - 60) + 50;
  const parts: string[] = [];
  for (const e of episodes) {
    if (e.end < first || e.start > first + n - 1) continue;
    const x0 = x(Math.max(e.start, first));
    const x1 = x(Math.min(e.end + 1, first + n - 1));
    parts.push(
      `<rect x="${x0.toFixed(1)}" y="${top}" width="${Math.max(x1 - x0, 2).toFixed(1)}" height="${pTop + pH - top}" fill="#ffcdd2" opacity="0.7"><title>${esc(e.id)} ${esc(e.name)} ${formatDay(e.start)}</title></rect>`,
    );
  }
  records.forEach((r, i) => {
    const h = (r.level / 5) * levelH;
    parts.push(
      `<rect x="${x(first + i).toFixed(1)}" y="${(top + levelH - h).toFixed(1)}" width="${Math.max((W - 60) / n, 1).toFixed(2)}" height="${h.toFixed(1)}" fill="${LEVEL_COLOURS[r.level]}"/>`,
    );
  });
  const path = records
    .map((r, i) => `${i === 0 ? 'M' : 'L'}${x(first + i).toFixed(1)},${(pTop + pH - r.pEvent7d * pH).toFixed(1)}`)
    .join('');
  parts.push(`<path d="${path}" fill="none" stroke="#333" stroke-width="1"/>`);
  parts.push(
    `<text x="0" y="${top + 12}" font-size="11">level</text><text x="0" y="${pTop + 12}" font-size="11">pEvent7d</text>`,
  );
  parts.push(`<text x="0" y="${pTop + pH}" font-size="10">0</text><text x="0" y="${pTop + 8}" font-size="10">1</text>`);
  const years = new Set<string>();
  records.forEach((r, i) => {
    const y = r.date.slice(0, 4);
    if (!years.has(y) && r.date.endsWith('-01-01')) {
      years.add(y);
      parts.push(
        `<line x1="${x(first + i)}" x2="${x(first + i)}" y1="${top}" y2="${pTop + pH}" stroke="#999" stroke-dasharray="2,2"/><text x="${x(first + i) + 2}" y="${H - 2}" font-size="11">${y}</text>`,
      );
    }
  });
  const legend = ['NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL']
    .map((name, i) => `<span><i class="sw" style="background:${LEVEL_COLOURS[i + 1]}"></i>${i + 1} ${name}</span>`)
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="warning level and pEvent7d over time">${parts.join('')}</svg>
<p class="legend">${legend}<span><i class="sw" style="background:#ffcdd2"></i>labelled episode</span></p>`;
}

function scoreTable(scores: Required<BacktestResult>['scores']): string {
  const columns = [
    { name: 'pack', s: scores.pack },
    ...scores.baselines.map((b) => ({ name: `${b.id}<br><small>${esc(b.description)}</small>`, s: b.scores })),
  ];
  const rows = metricRows(scores.pack).map(
    ([label], i) =>
      `<tr><td>${esc(label)}</td>${columns.map((c) => `<td>${esc(metricRows(c.s)[i][1])}</td>`).join('')}</tr>`,
  );
  return `<h2>Scores</h2><table><tr><th>metric</th>${columns.map((c) => `<th>${c.name}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function episodeTable(perEpisode: Required<BacktestResult>['scores']['pack']['perEpisode']): string {
  const cell = (l: number | null) => (l === null ? '<td>—</td>' : `<td style="color:${LEVEL_COLOURS[l]}">${l}</td>`);
  const rows = perEpisode.map(
    (e) =>
      `<tr><td>${esc(e.id)} ${esc(e.name)}</td><td>${e.start}</td>${e.levels.map(cell).join('')}<td>${e.detected ? 'yes' : 'no'}</td><td>${e.warned ? 'yes' : 'no'}</td></tr>`,
  );
  return `<h2>Episodes</h2><table><tr><th>episode</th><th>D0</th><th>D-3</th><th>D-2</th><th>D-1</th><th>D0</th><th>D+1</th><th>detected</th><th>warned</th></tr>${rows.join('')}</table>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
