// When the daily brief is due: once a day at a local time in the theatre's zone, for the local day just ended. Pure:
// the clock reading comes in as an argument.
import { vigilError } from '../errors/index.js';
import { getZone, type DayNumber } from '../time/zone.js';

const MINUTE = 60_000;

export interface BriefSchedule {
  /** The theatre's IANA time zone (the pack's). */
  timeZone: string;
  /** Minutes after local midnight at which the brief of the previous day goes out. */
  minuteOfDay: number;
}

/** `HH:MM` (24-hour) → minutes after midnight; throws `invalid <what>` otherwise. */
export function parseLocalTime(text: string, what = '--brief-at'): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m)
    throw vigilError('VIGIL_CONFIG_INVALID', `invalid ${what}: ${JSON.stringify(text)} (expected HH:MM, 24-hour)`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Minutes after midnight on the wall clock of `timeZone` at `ms`. */
function wallMinute(timeZone: string, ms: number): number {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' });
    clocks.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/**
 * The instant the wall clock shows the send time on local day `day`. On a day the clocks change, midnight plus the
 * minutes is off by the change, so it is corrected once by what the wall clock then shows (a time inside a
 * spring-forward gap goes out when the clock has jumped past it).
 */
export function sendInstant(schedule: BriefSchedule, day: DayNumber): number {
  const guess = getZone(schedule.timeZone).startOfDay(day) + schedule.minuteOfDay * MINUTE;
  return guess + (schedule.minuteOfDay - wallMinute(schedule.timeZone, guess)) * MINUTE;
}

/**
 * The day whose brief is due at `nowMs`: the day before today once today's send time has come, else the day before
 * yesterday (whose brief went out, or should have, yesterday). A process started late on a day still sends that
 * day's brief; days missed while no process ran are not caught up (the brief is a morning product).
 */
export function dueBriefDay(schedule: BriefSchedule, nowMs: number): DayNumber {
  const today = getZone(schedule.timeZone).dayOf(nowMs);
  return nowMs >= sendInstant(schedule, today) ? today - 1 : today - 2;
}

/** The next send instant strictly after `nowMs`. */
export function nextBriefAt(schedule: BriefSchedule, nowMs: number): number {
  const today = getZone(schedule.timeZone).dayOf(nowMs);
  const todays = sendInstant(schedule, today);
  return todays > nowMs ? todays : sendInstant(schedule, today + 1);
}
