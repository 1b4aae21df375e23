// The timeline of a window as known at `at`: triggers and other events, level changes, warning episodes and alerts.
import type { Alert } from '../alerting/alert.js';
import type { Assessment } from '../model/index.js';
import type { StoredObservation } from '../storage/store.js';
import type { Pack } from '../packs/pack-schema.js';
import { formatDay, type Zone } from '../time/zone.js';

export type TimelineItem =
  | {
      kind: 'event';
      day: string;
      title: string;
      series: string;
      indicators: string[];
      source: string;
      sourceRef: string | null;
      observationId: string;
    }
  | { kind: 'level-change'; day: string; from: number; to: number; toName: string }
  | { kind: 'episode'; day: string; end: string; peak: number; days: number; ongoing: boolean }
  | {
      kind: 'alert';
      day: string;
      id: string;
      rule: string;
      status: string;
      summary: string;
      /** The summary in Traditional Chinese (alerts stored before it was written have none: the English one). */
      summaryZh: string;
      severity: string | null;
      /** What the rules would have fired then, replayed on what was known (before any alert was stored). */
      replayed?: true;
    }
  /** A run of days on which too few core indicators reported: what the board did not know, and for how long. */
  | {
      kind: 'knowledge';
      day: string;
      end: string;
      state: 'degraded' | 'unknown';
      days: number;
      unknownDays: number;
      ongoing: boolean;
    };

/** Series read by event-like indicators (presence, decay): their observations are the timeline's events. */
export function eventSeries(pack: Pack): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ind of pack.indicators) {
    if (ind.detector.kind !== 'presence' && ind.detector.kind !== 'decay') continue;
    for (const s of ind.series) out.set(s, [...(out.get(s) ?? []), ind.id]);
  }
  return out;
}

export function eventItems(
  observations: readonly StoredObservation[],
  bySeries: Map<string, string[]>,
  zone: Zone,
): TimelineItem[] {
  return observations
    .filter((o) => o.value !== null && o.value > 0)
    .map((o) => ({
      kind: 'event' as const,
      day: formatDay(zone.dayOf(Date.parse(o.periodStart))),
      title: o.text ?? o.series,
      series: o.series,
      indicators: bySeries.get(o.series) ?? [],
      source: o.source,
      sourceRef: o.sourceRef ?? null,
      observationId: o.id,
    }));
}

/**
 * `days` are consecutive daily assessments; the first one only provides the level before the window. A warning
 * episode is a run of days at WARNING (3) or above.
 */
export function levelItems(days: readonly Assessment[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let run: { start: string; end: string; peak: number; days: number } | undefined;
  days.forEach((a, i) => {
    const prev = days[i - 1];
    if (i > 0 && prev.level !== a.level)
      items.push({ kind: 'level-change', day: a.day, from: prev.level, to: a.level, toName: a.levelName });
    if (i === 0) return;
    if (a.level >= 3) {
      if (run) Object.assign(run, { end: a.day, peak: Math.max(run.peak, a.level), days: run.days + 1 });
      else run = { start: a.day, end: a.day, peak: a.level, days: 1 };
    } else if (run) {
      items.push({ kind: 'episode', day: run.start, end: run.end, peak: run.peak, days: run.days, ongoing: false });
      run = undefined;
    }
  });
  if (run) items.push({ kind: 'episode', day: run.start, end: run.end, peak: run.peak, days: run.days, ongoing: true });
  return items;
}

/**
 * Runs of consecutive days whose knowledge state is not ok (the first day of `days` only gives the state before). A run
 * is `unknown` when no core indicator reported on any of its days, else `degraded`; `unknownDays` counts the former.
 */
export function knowledgeItems(days: readonly Assessment[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let run: { start: string; end: string; days: number; unknownDays: number } | undefined;
  const close = (ongoing: boolean) => {
    if (run) {
      const state = run.unknownDays === run.days ? 'unknown' : 'degraded';
      items.push({
        kind: 'knowledge',
        day: run.start,
        end: run.end,
        state,
        days: run.days,
        unknownDays: run.unknownDays,
        ongoing,
      });
    }
    run = undefined;
  };
  days.forEach((a, i) => {
    if (i === 0) return;
    const state = a.knowledge.state;
    if (state === 'ok') return close(false);
    run ??= { start: a.day, end: a.day, days: 0, unknownDays: 0 };
    Object.assign(run, {
      end: a.day,
      days: run.days + 1,
      unknownDays: run.unknownDays + (state === 'unknown' ? 1 : 0),
    });
  });
  close(true);
  return items;
}

export function alertItems(
  alerts: readonly Alert[],
  zone: Zone,
  fromDay: number,
  toDay: number,
  asOfMs: number,
): TimelineItem[] {
  return alerts
    .filter((a) => Date.parse(a.activeAt) <= asOfMs)
    .map((a) => ({ a, day: zone.dayOf(Date.parse(a.activeAt)) }))
    .filter(({ day }) => day >= fromDay && day <= toDay)
    .map(({ a, day }) => ({
      kind: 'alert' as const,
      day: formatDay(day),
      id: a.id,
      rule: a.rule,
      status: a.status,
      summary: a.annotations.summary ?? a.rule,
      summaryZh: a.annotations.summary_zh ?? a.annotations.summary ?? a.rule,
      severity: a.labels.severity ?? null,
    }));
}

/**
 * Alerts the rules would have fired in [fromDay, toDay] (a replay's `fired` entries), for the days before `beforeDay`
 * (the first day with a stored alert, when there is one): history that the stored alerts do not cover yet.
 */
export function replayedAlertItems(
  fired: readonly {
    day: string;
    id: string;
    rule: string;
    labels: Readonly<Record<string, string>>;
    annotations: Readonly<Record<string, string>>;
  }[],
  fromDay: string,
  toDay: string,
  beforeDay?: string,
): TimelineItem[] {
  return fired
    .filter((f) => f.day >= fromDay && f.day <= toDay && (beforeDay === undefined || f.day < beforeDay))
    .map((f) => ({
      kind: 'alert' as const,
      day: f.day,
      id: f.id,
      rule: f.rule,
      status: 'firing',
      summary: f.annotations.summary ?? f.rule,
      summaryZh: f.annotations.summary_zh ?? f.annotations.summary ?? f.rule,
      severity: f.labels.severity ?? null,
      replayed: true as const,
    }));
}

const ORDER: Record<TimelineItem['kind'], number> = { knowledge: 0, event: 1, episode: 2, 'level-change': 3, alert: 4 };

export function sortTimeline(items: TimelineItem[]): TimelineItem[] {
  return items.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : ORDER[x.kind] - ORDER[y.kind]));
}
