// The machine scorecard as the plain-text table printed by `vigil warning scorecard`.
import { metricRows } from '../backtest/render-scores.js';
import type { IssuedWarningScores } from './issued-warning-scores.js';
import type { MachineScorecard } from './machine-scorecard.js';
import type { ReliabilityBin } from './reliability.js';

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
    ...reliabilityRows(card.reliability, 'day'),
  ];
  return out.join('\n');
}

/** The issued formal warnings of the window from the store, scored (printed below the machine's scorecard). */
export function renderIssuedWarningScores(s: IssuedWarningScores): string {
  const scored = s.scored.length;
  const out = [
    `Issued formal warnings: ${scored} scored, ${s.pending.length} pending (horizon not yet passed)`,
    `  hits ${s.hits}   misses ${s.missed}   false alarms ${s.falseAlarms}   Brier ${s.brier === null ? 'n/a' : s.brier.toFixed(4)} (stated probability = midpoint of the ICD 203 range)`,
  ];
  if (scored === 0 && s.pending.length === 0) return [...out, '  no issued warning in the window'].join('\n');
  out.push(
    ...s.scored.map(
      (w) =>
        `  ${w.id.padEnd(22)} ${w.day} +${w.horizonDays} d  stated ${`${(w.stated * 100).toFixed(1)} %`.padStart(6)}  ${w.outcome.padEnd(19)} ${w.leadDays === null ? '' : `lead ${w.leadDays} d  `}(${w.judgedBy === 'adjudication' ? 'ruled by an analyst' : (w.episode ?? 'no episode')})`,
    ),
    ...(s.pending.length ? [`  pending: ${s.pending.join(', ')}`] : []),
    ...(s.episodesUnwarned.length
      ? [`  episodes no issued warning said was coming: ${s.episodesUnwarned.join(', ')}`]
      : []),
  );
  if (scored > 0) out.push('  reliability: stated → observed', ...reliabilityRows(s.reliability, 'warning'));
  return out.join('\n');
}

function reliabilityRows(bins: readonly ReliabilityBin[], unit: string): string[] {
  return bins
    .filter((b) => b.count > 0)
    .map(
      (b) =>
        `  ${pct(b.low)}–${pct(b.high)}`.padEnd(16) +
        `${String(b.count).padStart(6)} ${unit}${b.count === 1 ? ' ' : 's'}  mean ${pct(b.meanForecast!).padStart(6)}  observed ${pct(b.observed!).padStart(6)}`,
    );
}

const pct = (p: number) => `${(p * 100).toFixed(p < 0.1 && p > 0 ? 1 : 0)} %`;
