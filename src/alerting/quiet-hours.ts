// Quiet hours and digest slots in a route's local time: when a held-back notification may go out.
import { getZone, weekdayOf, type Zone } from '../time/zone.js';
import type { QuietWindow } from './alerting-config.js';

const MINUTE = 60_000;

/** If `ms` falls in a quiet window, the instant that window ends; otherwise null. */
export function quietUntil(windows: readonly QuietWindow[], timeZone: string, ms: number): number | null {
  if (windows.length === 0) return null;
  const zone = getZone(timeZone);
  const day = zone.dayOf(ms);
  const minute = Math.floor((ms - zone.startOfDay(day)) / MINUTE);
  let until: number | null = null;
  for (const w of windows) {
    const end = windowEnd(w, zone, day, minute);
    if (end !== null && end > ms) until = until === null ? end : Math.max(until, end);
  }
  return until;
}

function windowEnd(w: QuietWindow, zone: Zone, day: number, minute: number): number | null {
  const on = (d: number) => w.weekdays === null || w.weekdays.includes(weekdayOf(d));
  const at = (d: number, m: number) => zone.startOfDay(d) + m * MINUTE;
  if (w.startMinute < w.endMinute)
    return on(day) && minute >= w.startMinute && minute < w.endMinute ? at(day, w.endMinute) : null;
  // Wraps past midnight: the evening part belongs to today's window, the morning part to yesterday's.
  if (minute >= w.startMinute && on(day)) return at(day + 1, w.endMinute);
  if (minute < w.endMinute && on(day - 1)) return at(day, w.endMinute);
  return null;
}

/** The first digest slot at or after `ms`: multiples of the interval from local midnight. */
export function nextDigestSlot(intervalMs: number, timeZone: string, ms: number): number {
  const zone = getZone(timeZone);
  const start = zone.startOfDay(zone.dayOf(ms));
  const slots = Math.ceil((ms - start) / intervalMs);
  return start + slots * intervalMs;
}
