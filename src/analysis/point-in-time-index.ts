// Indexes observations by series and local day so any "as known at T" daily series is cheap to read.
import { gradingWeight } from '../model/grading.js';
import type { Observation } from '../model/observation.js';
import type { DayNumber, Zone } from '../time/zone.js';
import type { DayWindow } from './coverage.js';

interface Revision {
  publishedMs: number;
  /** Position in the input, which breaks publishedAt ties: a later input revises an earlier one. */
  order: number;
  subject: string;
  value: number | null;
  weight: number;
  observation: Observation;
}

interface SeriesIndex {
  /** Sorted distinct local days that have at least one revision. */
  days: number[];
  /** For each entry of `days`: revisions sorted by subject, then publishedMs, then order. */
  revisions: Revision[][];
}

export type Aggregate = 'last' | 'sum' | 'max';

/** A daily series as known at one instant. NaN = no value known (no observation, or a null one). */
export interface DailySeries {
  fromDay: DayNumber;
  values: Float64Array;
  /** 1 where at least one observation (even a null one) exists for the day. */
  observed: Uint8Array;
  /** Grading weight of the day's evidence (the weakest contributing observation). */
  weights: Float64Array;
}

export class PointInTimeIndex {
  private readonly bySeries = new Map<string, SeriesIndex>();
  /** Order given to the next added observation: after everything indexed so far. */
  private nextOrder: number;

  constructor(
    observations: readonly Observation[],
    readonly zone: Zone,
  ) {
    this.nextOrder = observations.length;
    const grouped = new Map<string, Map<number, Revision[]>>();
    observations.forEach((o, order) => {
      const day = zone.dayOf(Date.parse(o.periodStart));
      let byDay = grouped.get(o.series);
      if (!byDay) grouped.set(o.series, (byDay = new Map()));
      let list = byDay.get(day);
      if (!list) byDay.set(day, (list = []));
      list.push({
        publishedMs: Date.parse(o.publishedAt),
        order,
        subject: o.subject ?? '',
        value: o.value,
        weight: gradingWeight(o.reliability, o.credibility),
        observation: o,
      });
    });
    for (const [series, byDay] of grouped) {
      const days = [...byDay.keys()].sort((a, b) => a - b);
      const revisions = days.map((d) =>
        byDay
          .get(d)!
          .sort((a, b) =>
            a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : a.publishedMs - b.publishedMs || a.order - b.order,
          ),
      );
      this.bySeries.set(series, { days, revisions });
    }
  }

  /**
   * Adds observations stored after everything already indexed (later input revises earlier at equal publication
   * times), in time proportional to what is added: the same index as building it from the longer list.
   *
   * With `collapse: 'publication-day'`, a revision replaces the revision of the same series, day and subject just
   * before it when both were published on the same local day: a read as of the end of any day (or of any instant outside
   * the days those revisions were published) is unchanged, and a claim revised thousands of times a day stays one entry.
   * Only for an index read at day ends, as the assessor reads it ("as known at the end of day D").
   */
  add(observations: readonly Observation[], collapse?: 'publication-day'): void {
    for (const o of observations) {
      const day = this.zone.dayOf(Date.parse(o.periodStart));
      let idx = this.bySeries.get(o.series);
      if (!idx) this.bySeries.set(o.series, (idx = { days: [], revisions: [] }));
      const i = lowerBound(idx.days, day);
      if (idx.days[i] !== day) {
        idx.days.splice(i, 0, day);
        idx.revisions.splice(i, 0, []);
      }
      const list = idx.revisions[i];
      const r: Revision = {
        publishedMs: Date.parse(o.publishedAt),
        order: this.nextOrder++,
        subject: o.subject ?? '',
        value: o.value,
        weight: gradingWeight(o.reliability, o.credibility),
        observation: o,
      };
      // After every revision that sorts before or equal to it (its order is the largest so far).
      let at = list.length;
      while (
        at > 0 &&
        (list[at - 1].subject > r.subject ||
          (list[at - 1].subject === r.subject && list[at - 1].publishedMs > r.publishedMs))
      )
        at--;
      const before = list[at - 1];
      const sameDay =
        collapse === 'publication-day' &&
        before?.subject === r.subject &&
        this.zone.dayOf(before.publishedMs) === this.zone.dayOf(r.publishedMs);
      if (sameDay) list[at - 1] = r;
      else list.splice(at, 0, r);
    }
  }

  hasSeries(series: string): boolean {
    return this.bySeries.has(series);
  }

  /** Last local day with any observation of these series published by asOfMs, or undefined. */
  lastObservedDay(series: readonly string[], asOfMs: number, notAfter: DayNumber): DayNumber | undefined {
    let best: number | undefined;
    for (const name of series) {
      const idx = this.bySeries.get(name);
      if (!idx) continue;
      for (let i = upperBound(idx.days, notAfter) - 1; i >= 0; i--) {
        if (best !== undefined && idx.days[i] <= best) break;
        if (idx.revisions[i].some((r) => r.publishedMs <= asOfMs)) {
          best = idx.days[i];
          break;
        }
      }
    }
    return best;
  }

  /**
   * The daily series for [fromDay, toDay] as known at asOfMs: per day and subject the latest revision published by
   * then, combined across subjects and series with `aggregate`. With `absentIsZero`, a day without observations is 0
   * only inside `zeroWindows` when given (the days a source was being collected): outside them it stays unknown.
   */
  daily(
    series: readonly string[],
    asOfMs: number,
    fromDay: DayNumber,
    toDay: DayNumber,
    aggregate: Aggregate,
    absentIsZero: boolean,
    zeroWindows?: readonly DayWindow[],
  ): DailySeries {
    const length = Math.max(0, toDay - fromDay + 1);
    const values = new Float64Array(length).fill(Number.NaN);
    const observed = new Uint8Array(length);
    const weights = new Float64Array(length).fill(1);
    const lastPublished = new Float64Array(length).fill(-Infinity);
    for (const name of series) {
      const idx = this.bySeries.get(name);
      if (!idx) continue;
      for (let i = lowerBound(idx.days, fromDay); i < idx.days.length && idx.days[i] <= toDay; i++) {
        const slot = idx.days[i] - fromDay;
        for (const r of latestRevisions(idx.revisions[i], asOfMs)) {
          observed[slot] = 1;
          weights[slot] = Math.min(weights[slot], r.weight);
          if (r.value === null) continue;
          const prev = values[slot];
          if (Number.isNaN(prev)) values[slot] = r.value;
          else if (aggregate === 'sum') values[slot] = prev + r.value;
          else if (aggregate === 'max') values[slot] = Math.max(prev, r.value);
          else if (r.publishedMs >= lastPublished[slot]) values[slot] = r.value;
          lastPublished[slot] = Math.max(lastPublished[slot], r.publishedMs);
        }
      }
    }
    if (absentIsZero && zeroWindows === undefined) for (let i = 0; i < length; i++) if (!observed[i]) values[i] = 0;
    if (absentIsZero && zeroWindows !== undefined) {
      for (const w of zeroWindows) {
        const lo = Math.max(0, w.from - fromDay);
        const hi = Math.min(length - 1, w.to - fromDay);
        for (let i = lo; i <= hi; i++) if (!observed[i]) values[i] = 0;
      }
    }
    return { fromDay, values, observed, weights };
  }

  /** The observations (latest revisions as known at asOfMs) behind one day of these series. */
  observationsOn(series: readonly string[], asOfMs: number, day: DayNumber): Observation[] {
    const out: Observation[] = [];
    for (const name of series) {
      const idx = this.bySeries.get(name);
      if (!idx) continue;
      const i = lowerBound(idx.days, day);
      if (idx.days[i] === day) for (const r of latestRevisions(idx.revisions[i], asOfMs)) out.push(r.observation);
    }
    return out;
  }
}

/** From revisions sorted by subject then publication, the latest per subject published by asOfMs. */
function latestRevisions(revisions: Revision[], asOfMs: number): Revision[] {
  if (revisions.length === 1) return revisions[0].publishedMs <= asOfMs ? revisions : [];
  const out: Revision[] = [];
  for (let i = 0; i < revisions.length; i++) {
    const r = revisions[i];
    if (r.publishedMs > asOfMs) continue;
    const next = revisions[i + 1];
    const supersededByNext = next !== undefined && next.subject === r.subject && next.publishedMs <= asOfMs;
    if (!supersededByNext) out.push(r);
  }
  return out;
}

function lowerBound(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: number[], x: number): number {
  return lowerBound(sorted, x + 1);
}
