// Where a value stands in the record known so far: the daily values of an indicator's series as known at the end of
// the as-of day (a caller passes only observations published by then), and the rank of one value among them
// ("highest of 1,412 days on record"). Pure.
import type { Observation } from '../model/index.js';
import type { Zone } from '../time/zone.js';

export interface RecordRank {
  /** 1 = the highest on record; equal values share the better rank. */
  rank: number;
  /** Days on record with a value. */
  of: number;
}

/**
 * One value per local day (of periodStart) from observations already reduced to what was known at the as-of instant:
 * days with several observations combine as the indicator does (`sum`, `max`, or the `last` published). Null values
 * (not known) are no part of the record, never zero.
 */
export function dailyRecord(
  observations: readonly Pick<Observation, 'value' | 'periodStart' | 'publishedAt'>[],
  zone: Zone,
  aggregate: 'last' | 'sum' | 'max',
): number[] {
  const byDay = new Map<number, { value: number; publishedMs: number }>();
  for (const o of observations) {
    if (o.value === null || !Number.isFinite(o.value)) continue;
    const day = zone.dayOf(Date.parse(o.periodStart));
    const publishedMs = Date.parse(o.publishedAt);
    const prev = byDay.get(day);
    if (!prev) byDay.set(day, { value: o.value, publishedMs });
    else if (aggregate === 'sum') prev.value += o.value;
    else if (aggregate === 'max') prev.value = Math.max(prev.value, o.value);
    else if (publishedMs >= prev.publishedMs) byDay.set(day, { value: o.value, publishedMs });
  }
  return [...byDay.values()].map((x) => x.value);
}

/** The rank of `value` in `record` (which should hold it); undefined for an empty record or a value not known. */
export function recordRank(value: number | null, record: readonly number[]): RecordRank | undefined {
  if (value === null || !Number.isFinite(value) || record.length === 0) return undefined;
  let above = 0;
  for (const v of record) if (v > value) above++;
  return { rank: above + 1, of: record.length };
}
