// An indicator's series for charts: per data day, the value judged, its baseline band and state, as the analysis saw it.
import { detectorStates } from '../packs/detector-states.js';
import { vigilError } from '../errors/index.js';
import type { Indicator, Pack } from '../packs/pack-schema.js';
import { formatDay, parseDay, type DayNumber, type Zone } from '../time/zone.js';
import type { AssessmentService } from '../app/assessment-service.js';
import { dailyRecord, recordRank, type RecordRank } from '../analysis/record-rank.js';
import type { Observation } from '../model/index.js';

export interface SeriesPoint {
  /** The local day whose data was judged. */
  day: string;
  /** The assessment day that judged it last (on or before `at`). */
  judgedOn: string;
  value: number | null;
  baseline: number | null;
  band: { low: number; high: number; n: number } | null;
  state: string;
  score: number | null;
  reason?: string;
  observationIds: string[];
  /** Rank of the value among the indicator's daily values known by the end of `at` (1 = highest); null: not ranked. */
  rank?: RecordRank | null;
}

export interface IndicatorSeries {
  indicator: ReturnType<typeof indicatorDefinition>;
  at: string;
  from: string;
  to: string;
  /** Local dates where one of its series changed definition: no baseline reaches across them. */
  breaks: string[];
  points: SeriesPoint[];
  /** Runs of assessed days on which nothing was known of the indicator (`no-coverage` or `stale`): charts shade them. */
  unknownSpans: UnknownSpan[];
}

export interface UnknownSpan {
  from: string;
  to: string;
  state: 'no-coverage' | 'stale';
}

export function indicatorDefinition(pack: Pack, ind: Indicator) {
  return {
    id: ind.id,
    name: ind.name,
    nameZh: ind.nameZh ?? null,
    domain: ind.domain,
    description: ind.description ?? null,
    series: ind.series,
    detector: ind.detector.kind,
    role: ind.role,
    group: ind.group ?? ind.id,
    sumDays: ind.sumDays ?? 1,
    states: detectorStates(ind.detector),
    watchStates: ind.watchStates,
    breaks: ind.series.flatMap((s) => pack.seriesBreaks[s] ?? []).sort(),
  };
}

export function findIndicator(pack: Pack, id: string): Indicator {
  const ind = pack.indicators.find((i) => i.id === id);
  if (!ind)
    throw vigilError(
      'VIGIL_NOT_FOUND',
      `no indicator ${id} in pack ${pack.id} (known: ${pack.indicators.map((i) => i.id).join(', ')})`,
    );
  return ind;
}

/**
 * Replays [from, to] (memoised by the assessor) and keeps, per data day, the last judgement made by `at`. A count
 * published a day late is judged on the next day; a day never judged (no report) has no point, so gaps stay gaps.
 */
export async function indicatorSeries(
  service: AssessmentService,
  pack: Pack,
  id: string,
  from: DayNumber,
  to: DayNumber,
  at: DayNumber,
): Promise<IndicatorSeries> {
  const ind = findIndicator(pack, id);
  const judgedTo = Math.min(at, to + ind.staleAfterDays + 1);
  const days = await service.range(from, judgedTo);
  const byDataDay = new Map<string, SeriesPoint>();
  const unknownSpans: UnknownSpan[] = [];
  for (const a of days) {
    const x = a.indicators.find((i) => i.id === id)!;
    const assessed = parseDay(a.day);
    if ((x.state === 'no-coverage' || x.state === 'stale') && assessed >= from && assessed <= to) {
      const last = unknownSpans.at(-1);
      if (last && last.state === x.state && parseDay(last.to) === assessed - 1) last.to = a.day;
      else unknownSpans.push({ from: a.day, to: a.day, state: x.state });
    }
    if (x.dataDay === null) continue;
    const d = parseDay(x.dataDay);
    if (d < from || d > to) continue;
    byDataDay.set(x.dataDay, {
      day: x.dataDay,
      judgedOn: a.day,
      value: x.value,
      baseline: x.baseline,
      band: x.band,
      state: x.state,
      score: x.score,
      ...(x.reason ? { reason: x.reason } : {}),
      observationIds: x.observationIds,
    });
  }
  const points = [...byDataDay.values()].sort((p, q) => (p.day < q.day ? -1 : 1));
  const definition = indicatorDefinition(pack, ind);
  return {
    indicator: definition,
    at: formatDay(at),
    from: formatDay(from),
    to: formatDay(to),
    breaks: definition.breaks,
    points,
    unknownSpans,
  };
}

/**
 * Indicators whose judged value is one day's count (no window sum, no event score) can say where a value stands in the
 * record: the others' values are not comparable to a day's count.
 */
export function ranksInRecord(ind: Indicator): boolean {
  return (ind.sumDays ?? 1) === 1 && ind.detector.kind !== 'presence' && ind.detector.kind !== 'decay';
}

/**
 * Adds each point's rank among the daily values of the indicator's series in `known` (the observations published by
 * the end of the as-of day, latest revisions): a record that grows with playback, never with what came later.
 */
export function withRecordRanks(
  series: IndicatorSeries,
  ind: Indicator,
  known: readonly Pick<Observation, 'value' | 'periodStart' | 'publishedAt'>[],
  zone: Zone,
): IndicatorSeries {
  if (!ranksInRecord(ind)) return series;
  const record = dailyRecord(known, zone, ind.aggregate);
  return { ...series, points: series.points.map((p) => ({ ...p, rank: recordRank(p.value, record) ?? null })) };
}
