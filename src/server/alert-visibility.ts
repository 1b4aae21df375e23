// Whether a caller may see alerts. The alert loop assesses on every observation, so an alert (its level, hypotheses,
// evidence) can carry what an AMBER or RED observation said. A caller sees alerts only when nothing stored is above
// their TLP ceiling (the alerts were then computed on what they may read anyway), or when their ceiling is the highest.
//
// Cheap: stored observations are never changed or removed and the store's seq is commit order, so the most restrictive
// TLP stored only ever rises; it is found by one scan at first use, then by reading only rows stored since (afterSeq),
// at most every `freshnessMs` or at once after `invalidate()`. (Comparing listSeries counts per ceiling would miss an
// AMBER revision of a claim that also has a CLEAR revision: the claim counts once either way.)
import type { SseFilter } from '../alerting/receivers/sse-hub.js';
import { TLP_LEVELS, tlpRank, type Tlp } from '../model/index.js';
import type { Store } from '../storage/store.js';

export interface AlertVisibility {
  /** True when alerts may be shown to a caller whose TLP ceiling is `tlpMax`. */
  visibleTo(tlpMax: Tlp): Promise<boolean>;
  /** New observations were stored: look again on the next question. */
  invalidate(): void;
}

export interface AlertVisibilityOptions {
  now: () => Date;
  /** How long an answer stands before the store is asked for rows stored since (another process's ingest); default 2 s. */
  freshnessMs?: number;
  /** The series alerts are computed from (the pack's and those source-health rules watch); omitted: every series. */
  series?: readonly string[];
}

const HIGHEST = TLP_LEVELS.length - 1;

export function createAlertVisibility(store: Store, options: AlertVisibilityOptions): AlertVisibility {
  const freshnessMs = options.freshnessMs ?? 2000;
  /** The most restrictive TLP rank among rows up to `scannedSeq`; -1 before any row. */
  let highest = -1;
  let scannedSeq: number | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  /** Bumped by invalidate(); `covered` is the generation the last finished scan started in. */
  let generation = 0;
  let covered = -1;
  let scanning: Promise<void> | undefined;

  const scan = async () => {
    const rows = await store.queryObservations({
      allRevisions: true,
      ...(options.series === undefined ? {} : { series: [...options.series] }),
      ...(scannedSeq === undefined ? {} : { afterSeq: scannedSeq }),
    });
    for (const row of rows) {
      highest = Math.max(highest, tlpRank(row.tlp));
      scannedSeq = Math.max(scannedSeq ?? 0, row.seq);
    }
  };
  const stale = () => {
    const nowMs = options.now().getTime();
    return covered !== generation || nowMs - checkedAt >= freshnessMs || nowMs < checkedAt;
  };
  const start = (): Promise<void> => {
    const startedIn = generation;
    const run: Promise<void> = scan()
      .then(() => {
        covered = startedIn;
        checkedAt = options.now().getTime();
      })
      .finally(() => {
        if (scanning === run) scanning = undefined;
      });
    return run;
  };

  const current = async (): Promise<number> => {
    // RED is stored: the answer can no longer change.
    if (highest === HIGHEST || !stale()) return highest;
    // A scan already under way may have started before the latest invalidate(): wait for it, then look again.
    if (scanning) await scanning.catch(() => {});
    if (!stale()) return highest;
    scanning ??= start();
    await scanning;
    return highest;
  };

  return {
    async visibleTo(tlpMax) {
      const ceiling = tlpRank(tlpMax);
      if (ceiling === HIGHEST) return true;
      return (await current()) <= ceiling;
    },
    invalidate() {
      generation += 1;
    },
  };
}

/** The live events that describe alerts (a transition, an inbox change, a notification envelope). */
// `warning`: formal warnings snapshot the assessment on every observation, so they follow the same rule.
export const ALERT_EVENTS: ReadonlySet<string> = new Set(['alert', 'alert-notification', 'warning']);

/** One SSE connection's filter: alert events only while alerts are visible to its ceiling, asked as each is published. */
export function alertEventFilter(visibility: AlertVisibility, tlpMax: Tlp): SseFilter {
  return (event) => (ALERT_EVENTS.has(event.event) ? visibility.visibleTo(tlpMax) : true);
}
