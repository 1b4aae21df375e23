// One way to print a measured number on text surfaces (CLI, alerts, notifications): whole numbers as they are, others
// rounded to what a reader can use, never a float's full expansion (`0.6940990970021974` → `0.69`).

/** Integers as they are; from 1 up one decimal, below 1 two decimals, trailing zeros dropped; null → `—`. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (Number.isInteger(x)) return String(x);
  const text = x.toFixed(Math.abs(x) >= 1 ? 1 : 2);
  // `3.0` reads as 3; `-0.00` as 0.
  const trimmed = text.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
  return trimmed === '-0' ? '0' : trimmed;
}
