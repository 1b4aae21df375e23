// Renders in-sample and cross-validated scores side by side, as printed by `vigil backtest --cv`.
import type { CrossValidation } from './cross-validate.js';
import { metricRows } from './render-scores.js';
import type { Scores } from './scoring.js';

const LEVEL_NAMES = ['', 'NORMAL', 'WATCH', 'WARNING', 'ALERT', 'CRITICAL'];

export function renderCrossValidation(
  inSample: Scores,
  cv: Scores,
  cross: CrossValidation,
  judgementFile: string,
): string {
  const a = metricRows(inSample);
  const b = metricRows(cv);
  const line = (cells: string[]) => `${cells[0].padEnd(48)}  ${cells[1].padStart(10)}  ${cells[2].padStart(15)}`;
  const out = [
    `Cross-validation ${cv.from} → ${cv.to}: leave one episode out (${cross.folds.length} folds), each refitted from ${judgementFile}`,
    line(['metric', 'in-sample', 'cross-validated']),
    ...a.map(([label, value], i) => line([label, value, b[i][1]])),
    '',
    'Folds: held-out block scored by a pack fitted without it (block ± buffer left out of training, its episode unlabelled)',
  ];
  for (const f of cross.folds) {
    const m = f.eventModel;
    out.push(
      `  ${f.episode.padEnd(4)} scored ${f.scored.from} … ${f.scored.to}  excluded ${f.excluded.from} … ${f.excluded.to}  ` +
        `trained on ${f.trainingDays} days, ${f.trainingEpisodes} episodes  eventModel ${m.intercept} / ${m.lead} / ${m.concurrent}`,
    );
  }
  out.push('', 'Cross-validated levels at the end of D-3, D-2, D-1, D0, D+1');
  for (const e of cv.perEpisode) {
    const levels = e.levels.map((l) => (l === null ? '—' : `${l} ${LEVEL_NAMES[l]}`)).join(' · ');
    out.push(
      `  ${e.id.padEnd(4)} ${e.start}  ${e.detected ? 'detected' : 'MISSED  '}  ${e.warned ? 'warned' : '      '}  ${levels}  ${e.name}`,
    );
  }
  return out.join('\n');
}
