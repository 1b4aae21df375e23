// Renders which evidence moved which hypothesis, and by how much, for `vigil explain`.
import type { Assessment } from '../model/index.js';
import { formatNumber } from '../model/number-format.js';
import { headline, knowledgeLine, pct, signed } from './render-board.js';

export function renderExplanation(a: Assessment): string {
  const lines: string[] = [];
  lines.push(`Why the board reads ${a.levelName} (level ${a.level}) at the end of ${a.day}`);
  lines.push(
    'Each hypothesis starts at its prior; each indicator adds its log likelihood ratio (natural log; +0.69 doubles the odds).',
  );
  lines.push('Correlated indicators share an evidence group: only the strongest counts in full.');
  lines.push('Indicators with no coverage, stale or missing data add nothing: not knowing is never evidence.');
  const knowledge = knowledgeLine(a);
  if (knowledge) lines.push('', knowledge);
  for (const n of a.knowledge.notReporting) if (n.reason) lines.push(`  ${n.id}: ${n.reason}`);
  for (const h of a.hypotheses) {
    lines.push('');
    lines.push(`${h.id} ${h.name}: prior ${pct(h.prior)} → ${pct(h.probability)}`);
    const rows = a.indicators
      .map((i) => ({ i, c: i.contributions[h.id] ?? 0, raw: i.logLr[h.id] ?? 0 }))
      .filter((r) => r.c !== 0 || r.raw !== 0)
      .sort((x, y) => Math.abs(y.c) - Math.abs(x.c));
    if (rows.length === 0) {
      lines.push(
        h.baseline
          ? '  (the reference every ratio is measured against: it moves only as the others move)'
          : '  no indicator moved it',
      );
      continue;
    }
    for (const { i, c, raw } of rows) {
      const note =
        c === raw
          ? ''
          : c === 0
            ? `  (counted in group "${i.group}" by a stronger indicator)`
            : `  (damped in group "${i.group}" from ${signed(raw)})`;
      const lr = Math.exp(c);
      lines.push(
        `  ${signed(c).padStart(6)}  ×${lr >= 10 ? lr.toFixed(0) : lr.toFixed(2)}  ${i.name} is ${i.state}${i.value === null ? '' : ` (${formatNumber(i.value)}${i.baseline === null ? '' : ` vs baseline ${formatNumber(i.baseline)}`})`}${note}`,
      );
    }
  }
  lines.push('');
  if (a.episode) lines.push(headline(a));
  lines.push(
    `P(major episode starts within ${a.horizonDays} days) = ${pct(a.pEvent7d)} from lead evidence ${signed(a.leadLogLr)} and concurrent evidence ${signed(a.concurrentLogLr)}.`,
  );
  return lines.join('\n');
}
