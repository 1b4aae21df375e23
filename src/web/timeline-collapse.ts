// Collapses level flapping on the timeline: a run of back-and-forth changes between the same two levels, each within
// `gapDays` of the one before, becomes one row ("WATCH ↔ NORMAL, 7 changes, 2023-03-01 – 2023-03-20") that keeps the
// changes it stands for, so the view can expand it. Pure: items in, rows out, in the same (ascending) order.
import type { TimelineItemView } from './api-types.js';

type LevelChange = Extract<TimelineItemView, { kind: 'level-change' }>;

export interface FlapRow {
  kind: 'flap';
  /** Day of the first change of the run. */
  day: string;
  /** Day of the last change of the run. */
  end: string;
  /** The two levels the run moved between, lower first. */
  levels: [number, number];
  changes: number;
  /** The level changes the row stands for, in order. */
  items: LevelChange[];
}

export type TimelineRow = TimelineItemView | FlapRow;

export interface CollapseOptions {
  /** Largest number of days between two changes of one run (default 14). */
  gapDays?: number;
  /** Fewest changes a run needs to be collapsed (default 3: up, down and up again). */
  minChanges?: number;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/** `items` in ascending day order (as the API returns them); other kinds of item never break or join a run. */
export function collapseFlapping(items: readonly TimelineItemView[], options: CollapseOptions = {}): TimelineRow[] {
  const gapDays = options.gapDays ?? 14;
  const minChanges = options.minChanges ?? 3;
  // Runs as lists of indexes into `items`.
  const runs: number[][] = [];
  let run: number[] = [];
  items.forEach((item, i) => {
    if (item.kind !== 'level-change') return;
    const last = run.length ? (items[run[run.length - 1]] as LevelChange) : undefined;
    const continues =
      last !== undefined &&
      item.from === last.to &&
      item.to === last.from &&
      dayNumber(item.day) - dayNumber(last.day) <= gapDays;
    if (!continues) {
      if (run.length) runs.push(run);
      run = [];
    }
    run.push(i);
  });
  if (run.length) runs.push(run);
  const collapsed = new Map<number, FlapRow>();
  const dropped = new Set<number>();
  for (const r of runs) {
    if (r.length < minChanges) continue;
    const changes = r.map((i) => items[i] as LevelChange);
    const first = changes[0];
    collapsed.set(r[0], {
      kind: 'flap',
      day: first.day,
      end: changes[changes.length - 1].day,
      levels: [Math.min(first.from, first.to), Math.max(first.from, first.to)],
      changes: changes.length,
      items: changes,
    });
    for (const i of r.slice(1)) dropped.add(i);
  }
  const out: TimelineRow[] = [];
  items.forEach((item, i) => {
    if (dropped.has(i)) return;
    out.push(collapsed.get(i) ?? item);
  });
  return out;
}
