// One measured figure, as `npm run bench -- --json` prints it (one JSON object per line).
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

export interface BenchOptions {
  /** Run the benchmarks that need PostgreSQL and NATS (`npm run bench -- --scale`). */
  scale: boolean;
  /** Length of the reliability soak (default 300 s: 200 obs/s for five minutes). */
  soakSeconds?: number;
  /** Write a CPU profile of each `vigil serve` child the reliability suite starts into this folder (`--cpu-prof-dir`). */
  cpuProfDir?: string;
}

/** Median of a list of timings. */
export function medianOf(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
