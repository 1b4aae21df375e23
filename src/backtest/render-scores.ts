// Renders backtest scores as the plain-text table printed by `vigil backtest --episodes`.
import type { BacktestResult } from './run-backtest.js';
import type { Scores } from './scoring.js';

const LEVEL_NAMES = ['', 'NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL'];

export function metricRows(s: Scores): [string, string][] {
  const f = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));
  return [
    ['episodes detected (level ≥ 4 by end of D0+1)', `${s.detected}/${s.episodes}`],
    ['episodes warned (level ≥ 3 at end of D0-1)', `${s.warned}/${s.episodes}`],
    ['false-alarm episodes', String(s.falseAlarmEpisodes)],
    ['false-alarm episodes per year', f(s.falseAlarmsPerYear, 2)],
    ['share of days at WARNING or above', `${(s.shareAtWarning * 100).toFixed(1)} %`],
    ['Brier score of pEvent7d', f(s.brier, 4)],
    ['Brier score of climatology', f(s.brierClimatology, 4)],
    ['Brier skill vs climatology', f(s.brierSkill, 3)],
  ];
}

export function renderScores(result: Required<BacktestResult>['scores']): string {
  const columns = [
    { name: 'pack', scores: result.pack },
    ...result.baselines.map((b) => ({ name: b.id, scores: b.scores })),
  ];
  const rows = metricRows(result.pack).map(([label], i) => [label, ...columns.map((c) => metricRows(c.scores)[i][1])]);
  const widths = [48, ...columns.map((c) => Math.max(c.name.length, 12))];
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [
    `Backtest ${result.pack.from} → ${result.pack.to} (${result.pack.days} days, ${result.pack.episodes} labelled episodes, climatology ${(result.pack.climatology * 100).toFixed(1)} %)`,
    line(['metric', ...columns.map((c) => c.name)]),
    ...rows.map(line),
    '',
    'Baselines: ' +
      result.baselines.map((b) => `${b.id} = ${b.description}`).join('; ') +
      '. Their probabilities are the in-sample outcome rate per level (flatters them).',
    '',
    'Per episode: levels at the end of D-3, D-2, D-1, D0, D+1',
  ];
  for (const e of result.pack.perEpisode) {
    const levels = e.levels.map((l) => (l === null ? '—' : `${l} ${LEVEL_NAMES[l]}`)).join(' · ');
    out.push(
      `  ${e.id.padEnd(4)} ${e.start}  ${e.detected ? 'detected' : 'MISSED  '}  ${e.warned ? 'warned' : '      '}  ${levels}  ${e.name}`,
    );
  }
  return out.join('\n');
}
