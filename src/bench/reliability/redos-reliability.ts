// Reliability: hostile regular expressions in silence matchers, each evaluated against long labels; the worst time of
// one evaluation (goal ≤ 50 ms). Patterns RE2 refuses at creation count as refused, not as evaluated. A pattern is
// compiled once, when the silence is created (a process that did not create it, e.g. after a restart, compiles it at
// its first evaluation instead): that one-off cost is its own figure, the worst creation, so neither hides the other.
import type { Alert } from '../../alerting/alert.js';
import { createSilence, silencedAlerts } from '../../alerting/silences.js';
import type { BenchFigure, BenchOptions } from '../bench-types.js';

/** Classic catastrophic-backtracking shapes, and a few that RE2 refuses outright. */
export const HOSTILE_PATTERNS = [
  '(.*.*)*y',
  '(a+)+b',
  '(a|aa)*c',
  '(a|a?)+b',
  '(\\w+\\s?)*$',
  '([a-z]+)*[0-9]',
  '(x+x+)+y',
  '(.*a){20}',
  '^(([a-z])+.)+[A-Z]([a-z])+$',
  '(a*)*b',
  '(.*){1,32000}[bc]',
  '((a+)+)+z',
  '(?:a|b|ab)*c',
  '(.+)+\\.',
  '[a-z]*[a-z]*[a-z]*[a-z]*!',
  '(a|b)*(a|b)*(a|b)*x',
  '(a)\\1',
  '(?=a)b',
  '(?<!x)y',
  'a{1001}',
  `${'('.repeat(40)}a${')*'.repeat(40)}b`,
];

export async function runRedosReliability(options: BenchOptions): Promise<BenchFigure[]> {
  // --scale runs only the parts that depend on the storage engine and the bus (kill, soak, outage).
  if (options.scale) return [];
  const now = '2026-09-01T00:00:00.000Z';
  // Alert labels are Vigil's own (alertname, series, theatre…), tens of characters; 1,024 is far past any of them.
  const labels = ['x'.repeat(1_024), 'a'.repeat(1_024), 'ab '.repeat(341), 'sea.'.repeat(256)];
  let worst = 0;
  let worstCreation = 0;
  let evaluated = 0;
  let refused = 0;
  for (const pattern of HOSTILE_PATTERNS) {
    let silence;
    const creating = performance.now();
    try {
      silence = createSilence(
        {
          matchers: [`series=~${JSON.stringify(pattern)}`],
          startsAt: now,
          endsAt: '2026-09-02T00:00:00.000Z',
          createdBy: 'bench',
          comment: 'redos',
        },
        now,
      );
    } catch {
      refused++;
      continue;
    }
    worstCreation = Math.max(worstCreation, performance.now() - creating);
    for (const value of labels) {
      const alert = { id: 'a', labels: { series: value, alertname: 'x' } } as unknown as Alert;
      const started = performance.now();
      silencedAlerts([alert], [silence], '2026-09-01T01:00:00.000Z');
      worst = Math.max(worst, performance.now() - started);
      evaluated++;
    }
  }
  return [
    { name: 'redos.patterns', value: HOSTILE_PATTERNS.length, unit: 'patterns' },
    { name: 'redos.refused', value: refused, unit: 'patterns' },
    { name: 'redos.evaluations', value: evaluated, unit: 'evaluations' },
    { name: 'redos.worst_ms', value: Math.round(worst * 100) / 100, unit: 'ms' },
    { name: 'redos.worst_creation_ms', value: Math.round(worstCreation * 100) / 100, unit: 'ms' },
  ];
}
