// Robust location and scale (median, MAD) for baselines that a single surge day cannot drag.

/** Median of the finite values; NaN when there are none. Does not modify its input. */
export function median(values: ArrayLike<number>): number {
  const sorted = finiteSorted(values);
  return medianOfSorted(sorted);
}

/** Median and scaled MAD (consistent with σ for normal data) of the finite values. */
export function medianAndMad(values: ArrayLike<number>): { median: number; mad: number; n: number } {
  const sorted = finiteSorted(values);
  const m = medianOfSorted(sorted);
  const deviations = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) deviations[i] = Math.abs(sorted[i] - m);
  deviations.sort();
  return { median: m, mad: 1.4826 * medianOfSorted(deviations), n: sorted.length };
}

function finiteSorted(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
