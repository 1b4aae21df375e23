// Renders an assessment as the plain-text warning board printed by `vigil board` and `npm start`.
import { formatProbability } from '../model/probability-format.js';
import type { StaleSource } from '../app/source-readiness.js';
import type { Assessment } from '../model/index.js';

const LEVEL_COLOURS: Record<number, string> = { 1: '32', 2: '36', 3: '33', 4: '31', 5: '35' };

export interface RenderOptions {
  colour: boolean;
  packName: string;
  timeZone: string;
  /** Sources past their cadence now (only when showing the latest data, not a past day). */
  staleSources?: readonly StaleSource[];
}

export function renderBoard(a: Assessment, options: RenderOptions): string {
  const paint = (code: string, text: string) => (options.colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  lines.push(`VIGIL · ${options.packName} · as known at the end of ${a.day} (${options.timeZone})`);
  if (options.staleSources?.length) {
    const list = options.staleSources.map(
      (s) =>
        `${s.name} [${s.id}] ${s.ageDays === null ? 'never published' : `${Math.floor(s.ageDays)} d old`} (cadence ${s.cadenceDays} d)`,
    );
    lines.push(paint('1;33', `SOURCES STALE NOW: ${list.join(', ')}`));
  }
  // What we don't know comes before the level, so a board that knows nothing never reads as a calm NORMAL.
  const knowledge = knowledgeLine(a);
  if (knowledge) lines.push(paint('1;35', knowledge));
  const level = paint(`1;${LEVEL_COLOURS[a.level]}`, `LEVEL ${a.level} ${a.levelName}`);
  const qualifier =
    a.knowledge.state === 'unknown'
      ? '  (no core indicator reporting: not a calm board)'
      : a.knowledge.state === 'degraded'
        ? '  (degraded)'
        : '';
  const held = a.level !== a.rawLevel ? `  (held by hysteresis; today's evidence alone: ${a.rawLevel})` : '';
  lines.push(`${level}${qualifier}${held}`);
  lines.push(headline(a));
  lines.push('');
  lines.push('Courses of action');
  for (const h of a.hypotheses) {
    const bar = '█'.repeat(Math.round(h.probability * 20)).padEnd(20, '·');
    lines.push(
      `  ${h.id.padEnd(3)} ${h.name.padEnd(36)} ${pct(h.probability).padStart(7)}  ${bar}  prior ${pct(h.prior)}`,
    );
  }
  lines.push('');
  lines.push('Indicators');
  lines.push(
    `  ${'domain'.padEnd(12)} ${'indicator'.padEnd(44)} ${'state'.padEnd(17)} ${'value'.padStart(7)} ${'baseline'.padStart(8)}  ${'data day'.padEnd(10)}  log-odds`,
  );
  const byDomain = [...a.indicators].sort((x, y) => x.domain.localeCompare(y.domain));
  for (const i of byDomain) {
    const state =
      i.state === 'insufficient-data' ? 'insufficient data' : i.state === 'no-coverage' ? 'no coverage' : i.state;
    const contribution = i.contribution === 0 ? '·' : signed(i.contribution);
    lines.push(
      `  ${i.domain.padEnd(12)} ${truncate(i.name, 44).padEnd(44)} ${state.padEnd(17)} ${fmt(i.value).padStart(7)} ${fmt(i.baseline).padStart(8)}  ${(i.dataDay ?? '—').padEnd(10)}  ${contribution}`,
    );
  }
  return lines.join('\n');
}

/** `KNOWLEDGE DEGRADED: 1 of 5 core indicators reporting (minimum 2); not reporting: …`, or undefined when ok. */
export function knowledgeLine(a: Assessment): string | undefined {
  const k = a.knowledge;
  if (k.state === 'ok') return undefined;
  const missing = k.notReporting.map((n) => `${n.name} (${n.state})`).join(', ');
  return `KNOWLEDGE ${k.state.toUpperCase()}: ${k.reporting} of ${k.core.length} core indicators reporting (minimum ${k.minReporting}); not reporting: ${missing}`;
}

/** During an episode: since when and which course of action; otherwise P(start within the horizon). */
export function headline(a: Assessment): string {
  const e = a.episode;
  if (!e) return `P(major episode starts within ${a.horizonDays} days): ${pct(a.pEvent7d)}`;
  return `Episode under way since ${e.sinceBounded ? 'at least ' : ''}${e.since} (day ${e.days}): ${e.hypothesis.id} ${e.hypothesis.name}, ${pct(e.hypothesis.probability)}`;
}

/** Never 0 % or 100 %: see model/probability-format.ts. */
export const pct = (p: number): string => formatProbability(p, true);

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
