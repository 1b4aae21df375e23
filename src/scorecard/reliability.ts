// Reliability of stated probabilities: forecasts grouped into ten equal-width bins, each with its mean forecast and
// the observed frequency of the outcome, for the reliability diagram and the scorecard table. Pure.

export interface ReliabilityBin {
  /** Lower and upper edge of the bin (the last bin includes 1). */
  low: number;
  high: number;
  count: number;
  /** Mean stated probability in the bin (null when empty). */
  meanForecast: number | null;
  /** Share of the bin's forecasts whose outcome happened (null when empty). */
  observed: number | null;
}

export const RELIABILITY_BINS = 10;

export function reliabilityBins(
  forecasts: readonly { p: number; y: 0 | 1 }[],
  bins = RELIABILITY_BINS,
): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, () => ({ count: 0, p: 0, y: 0 }));
  for (const f of forecasts) {
    const k = Math.min(bins - 1, Math.floor(f.p * bins));
    sums[k].count += 1;
    sums[k].p += f.p;
    sums[k].y += f.y;
  }
  return sums.map((s, k) => ({
    low: k / bins,
    high: (k + 1) / bins,
    count: s.count,
    meanForecast: s.count ? s.p / s.count : null,
    observed: s.count ? s.y / s.count : null,
  }));
}
