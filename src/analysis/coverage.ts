// Coverage as data: the local days in which each series was being collected, an argument of the analysis (never read
// from a clock or the store). Declared by a pack's bundled files, learned from live collectors' health records.
import type { Pack } from '../packs/pack-schema.js';
import { parseDay, type DayNumber } from '../time/zone.js';

export interface DayWindow {
  from: DayNumber;
  /** Inclusive; Infinity for a live collector that is still running. */
  to: DayNumber;
}

export interface CoverageEntry {
  /** A series id, or a prefix ending in `*`. */
  series: string;
  windows: DayWindow[];
  /** Days after the latest report before a count series reads `stale` (default: the indicator's). */
  staleAfterDays?: number;
  /** `declared` by a bundled file, `learned` from a live collector's first and latest successful collection. */
  origin: 'declared' | 'learned';
  /** Where it comes from, for explanations (a file path, a collector id). */
  from: string;
  /** Learned: the local day of the latest successful collection; past it plus the cadence, the series is `stale`. */
  lastSuccess?: DayNumber;
}

/** Every coverage entry known. A series that matches none was never known to be collected (see coverageOf). */
export interface Coverage {
  entries: readonly CoverageEntry[];
}

export const NO_DECLARED_COVERAGE: Coverage = { entries: [] };

/** What is known of one indicator's coverage: the windows of every series it reads, merged. */
export interface IndicatorCoverage {
  /** Where any of its series was collected. */
  windows: DayWindow[];
  /** The closed windows of files (declared or observed): a file vouches for its days, no staleness inside them. */
  declared: DayWindow[];
  /** Latest successful collection among learned entries. */
  lastSuccess: DayNumber | undefined;
  staleAfterDays: number;
  sources: string[];
}

export function seriesMatches(pattern: string, series: string): boolean {
  return pattern.endsWith('*') ? series.startsWith(pattern.slice(0, -1)) : pattern === series;
}

/** The declared coverage of a pack's bundled files. */
export function declaredCoverage(pack: Pack): Coverage {
  const entries: CoverageEntry[] = [];
  for (const file of pack.data) {
    for (const w of file.coverage) {
      const window = { from: parseDay(w.from), to: parseDay(w.to) };
      for (const series of w.series) {
        entries.push({
          series,
          windows: [window],
          origin: 'declared',
          from: file.path.split('/').pop() ?? file.path,
          ...(w.staleAfterDays !== undefined ? { staleAfterDays: w.staleAfterDays } : {}),
        });
      }
    }
  }
  // Live-only series: declared with no window, so only learned coverage (a collector's successes) ever covers them.
  for (const series of pack.liveOnly)
    entries.push({ series, windows: [], origin: 'declared', from: 'live collection only' });
  return { entries };
}

export function combineCoverage(...parts: Coverage[]): Coverage {
  return { entries: parts.flatMap((p) => p.entries) };
}

/** The union of the windows of the series an indicator reads, sorted and merged. */
export function coverageOf(
  coverage: Coverage,
  series: readonly string[],
  fallbackStaleAfterDays: number,
): IndicatorCoverage {
  const matching = coverage.entries.filter((e) => series.some((s) => seriesMatches(e.series, s)));
  // Nothing declared or learned: no day is known to be collected. What arrives still counts (an event seen, a count
  // reported within its cadence: see indicator-evaluation), but a quiet day is `no-coverage`, never `absent`. A span
  // inferred from the data itself would not be point-in-time (its ends move as later data arrive).
  if (matching.length === 0)
    return { windows: [], declared: [], lastSuccess: undefined, staleAfterDays: fallbackStaleAfterDays, sources: [] };
  const windows = mergeWindows(matching.flatMap((e) => e.windows));
  const declared = mergeWindows(matching.filter((e) => e.origin !== 'learned').flatMap((e) => e.windows));
  const successes = matching.flatMap((e) => (e.lastSuccess === undefined ? [] : [e.lastSuccess]));
  const cadences = matching.map((e) => e.staleAfterDays ?? fallbackStaleAfterDays);
  return {
    windows,
    declared,
    lastSuccess: successes.length ? Math.max(...successes) : undefined,
    staleAfterDays: Math.max(...cadences),
    sources: [...new Set(matching.map((e) => e.from))],
  };
}

export function mergeWindows(windows: readonly DayWindow[]): DayWindow[] {
  const sorted = [...windows].sort((a, b) => a.from - b.from);
  const out: DayWindow[] = [];
  for (const w of sorted) {
    const last = out.at(-1);
    if (last && w.from <= last.to + 1) last.to = Math.max(last.to, w.to);
    else out.push({ ...w });
  }
  return out;
}

export function isCovered(windows: readonly DayWindow[], day: DayNumber): boolean {
  for (const w of windows) if (day >= w.from && day <= w.to) return true;
  return false;
}

/** The window holding `day`, or undefined. */
export function windowAt(windows: readonly DayWindow[], day: DayNumber): DayWindow | undefined {
  return windows.find((w) => day >= w.from && day <= w.to);
}
