// Renders an assessment as the plain-text warning board printed by `vigil board` and `npm start`.
import type { Assessment } from '../model/index.js';

const LEVEL_COLOURS: Record<number, string> = { 1: '32', 2: '36', 3: '33', 4: '31', 5: '35' };

export interface RenderOptions {
  colour: boolean;
  packName: string;
  timeZone: string;
}

export function renderBoard(a: Assessment, options: RenderOptions): string {
  const paint = (code: string, text: string) => (options.colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  lines.push(`VIGIL · ${options.packName} · as known at the end of ${a.day} (${options.timeZone})`);
  const level = paint(`1;${LEVEL_COLOURS[a.level]}`, `LEVEL ${a.level} ${a.levelName}`);
  const held = a.level !== a.rawLevel ? `  (held by hysteresis; today's evidence alone: ${a.rawLevel})` : '';
  lines.push(`${level}${held}`);
  lines.push(`P(major episode starts within ${a.horizonDays} days): ${pct(a.pEvent7d)}`);
  lines.push('');
  lines.push('Courses of action');
  for (const h of a.hypotheses) {
    const bar = '█'.repeat(Math.round(h.probability * 20)).padEnd(20, '·');
    lines.push(`  ${h.id.padEnd(3)} ${h.name.padEnd(36)} ${pct(h.probability).padStart(7)}  ${bar}  prior ${pct(h.prior)}`);
  }
  lines.push('');
  lines.push('Indicators');
  lines.push(`  ${'domain'.padEnd(12)} ${'indicator'.padEnd(44)} ${'state'.padEnd(17)} ${'value'.padStart(7)} ${'baseline'.padStart(8)}  ${'data day'.padEnd(10)}  log-odds`);
  const byDomain = [...a.indicators].sort((x, y) => x.domain.localeCompare(y.domain));
  for (const i of byDomain) {
    const state = i.state === 'insufficient-data' ? 'insufficient data' : i.state;
    const contribution = i.contribution === 0 ? '·' : signed(i.contribution);
    lines.push(
      `  ${i.domain.padEnd(12)} ${truncate(i.name, 44).padEnd(44)} ${state.padEnd(17)} ${fmt(i.value).padStart(7)} ${fmt(i.baseline).padStart(8)}  ${(i.dataDay ?? '—').padEnd(10)}  ${contribution}`,
    );
  }
  return lines.join('\n');
}

export function pct(p: number): string {
  if (p > 0 && p < 0.001) return '<0.1 %';
  return `${(p * 100).toFixed(1)} %`;
}

export function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

function fmt(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
