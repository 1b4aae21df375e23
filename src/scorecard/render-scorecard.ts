// The machine scorecard as the plain-text table printed by `vigil warning scorecard`.
import { metricRows } from '../backtest/render-scores.js';
import type { MachineScorecard } from './machine-scorecard.js';

export function renderMachineScorecard(card: MachineScorecard): string {
  const s = card.scores;
  const out = [
    `Scorecard of the machine level ${s.from} → ${s.to} (${s.days} days, ${s.episodes} labelled episodes, climatology ${(s.climatology * 100).toFixed(1)} %)`,
    `  hits ${card.hits}   misses ${card.misses}   false alarms ${card.falseAlarms}   median lead ${card.medianLeadDays === null ? 'n/a' : `${card.medianLeadDays} d`}`,
    ...metricRows(s).map(([label, value]) => `  ${label.padEnd(48)} ${value.padStart(8)}`),
    '',
    'Per episode (lead: days at WARNING or above before D0)',
    ...card.leads.map(
      (l) =>
        `  ${l.id.padEnd(4)} ${l.start}  ${l.hit ? 'hit ' : 'MISS'}  lead ${`${l.leadDays} d`.padStart(4)}  ${l.name}`,
    ),
    '',
    'Reliability of P(episode starts within the horizon): stated → observed',
    ...card.reliability
      .filter((b) => b.count > 0)
      .map(
        (b) =>
          `  ${pct(b.low)}–${pct(b.high)}`.padEnd(16) +
          `${String(b.count).padStart(6)} day${b.count === 1 ? ' ' : 's'}  mean ${pct(b.meanForecast!).padStart(6)}  observed ${pct(b.observed!).padStart(6)}`,
      ),
  ];
  return out.join('\n');
}

const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 && p > 0 ? 1 : 0)} %`;
