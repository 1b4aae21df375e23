// One way to print a probability on every surface: never 0 % or 100 % (a posterior is never certain), one decimal
// where rounding to a whole percent would hide the difference from certainty.

/** `precise`: always one decimal (text surfaces: CLI, notifications); otherwise whole percent in 10–90 %. */
export function formatProbability(p: number, precise = false): string {
  if (!Number.isFinite(p)) return '—';
  if (p < 0.001) return '<0.1 %';
  if (p >= 0.999) return '>99.9 %';
  const whole = Math.round(p * 100);
  if (!precise && p >= 0.1 && p <= 0.9 && whole > 0 && whole < 100) return `${whole} %`;
  return `${(p * 100).toFixed(1)} %`;
}
