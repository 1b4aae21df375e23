// Local calendar days in a theatre's time zone, as integer day numbers, and the instants that bound them.
import { vigilError } from '../errors/index.js';

const MS_PER_DAY = 86_400_000;

/** A local calendar day as days since 1970-01-01 (in the zone's own calendar). */
export type DayNumber = number;

export interface Zone {
  readonly name: string;
  /** Local day containing the instant. */
  dayOf(ms: number): DayNumber;
  /** Instant at which the local day starts (local midnight). */
  startOfDay(day: DayNumber): number;
  /** Instant at which the local day ends (= start of the next day). */
  endOfDay(day: DayNumber): number;
}

const zones = new Map<string, Zone>();

/** Returns the zone for an IANA name, validated once and cached. */
export function getZone(name: string): Zone {
  const cached = zones.get(name);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch (cause) {
    throw vigilError('VIGIL_CONFIG_INVALID', `unknown time zone "${name}"`, { cause });
  }
  const zone = createZone(name, format);
  zones.set(name, zone);
  return zone;
}

function createZone(name: string, format: Intl.DateTimeFormat): Zone {
  // Offsets are cached per UTC day when the day has one offset (almost always), else per hour around a transition.
  const hourCache = new Map<number, number>();
  const dayCache = new Map<number, number | null>();
  const offsetAtHour = (hour: number): number => {
    let offset = hourCache.get(hour);
    if (offset === undefined) {
      const p = Object.fromEntries(format.formatToParts(new Date(hour * 3_600_000)).map((x) => [x.type, x.value]));
      const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
      offset = local - hour * 3_600_000;
      hourCache.set(hour, offset);
    }
    return offset;
  };
  const offsetAt = (ms: number): number => {
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let uniform = dayCache.get(utcDay);
    if (uniform === undefined) {
      const first = offsetAtHour(utcDay * 24);
      uniform = first === offsetAtHour(utcDay * 24 + 24) ? first : null;
      dayCache.set(utcDay, uniform);
    }
    return uniform ?? offsetAtHour(Math.floor(ms / 3_600_000));
  };
  const startOfDay = (day: DayNumber): number => {
    // Local midnight: guess with the offset at the naive instant, then correct once for a transition.
    const naive = day * MS_PER_DAY;
    let guess = naive - offsetAt(naive);
    guess = naive - offsetAt(guess);
    return guess;
  };
  return {
    name,
    dayOf: (ms) => Math.floor((ms + offsetAt(ms)) / MS_PER_DAY),
    startOfDay,
    endOfDay: (day) => startOfDay(day + 1),
  };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` strictly into a day number, rejecting impossible dates such as 2023-02-30. */
export function parseDay(text: string, what = 'date'): DayNumber {
  const m = DATE_PATTERN.exec(text);
  if (m) {
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    const d = new Date(ms);
    if (d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3])
      return ms / MS_PER_DAY;
  }
  throw vigilError('VIGIL_DATE_INVALID', `invalid ${what} "${text}": expected a calendar date YYYY-MM-DD`);
}

/** Formats a day number as `YYYY-MM-DD`. */
export function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of week of a day number, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}
