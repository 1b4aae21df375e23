// Reads the text of one old-format (2020–2021) MND announcement of PLA aircraft entering Taiwan's south-western ADIZ.
//
// The text gives the day ("中華民國110年10月4日（星期一 夜間）"), then under 機型 one line per aircraft type with a count
// ("運-8反潛機 2架次(Two Y-8 ASW)"), then 活動概要. Day and night announcements for one day are separate texts.
import { isLocalDate } from '../local-time.js';
import { aircraftTypeSlug } from './aircraft-types.js';

export interface AircraftCount {
  /** Series slug, e.g. `y-8-asw`. */
  slug: string;
  /** The type name as written. */
  name: string;
  count: number;
}

export interface AdizAnnouncement {
  /** The local day reported on (YYYY-MM-DD). */
  day: string;
  /** Part of the day named in the heading, when any: morning, afternoon, evening, night, daytime. */
  dayPart?: string;
  aircraft: AircraftCount[];
}

/** What went wrong, for the caller to report as `file:line: text: problem`. */
export class AnnouncementProblem extends Error {}

const DAY = /中華民國\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日([^\n]*)/;
const DAY_PARTS: ReadonlyArray<[RegExp, string]> = [
  [/上午/, 'morning'],
  [/下午/, 'afternoon'],
  [/傍晚/, 'evening'],
  [/晚間|晚上|夜間/, 'night'],
  [/日間/, 'daytime'],
];
const COUNT_LINE = /^(.+?)\s*(?<!\d)(\d+)\s*架次?\s*(?:[(（]\s*(.*?)\s*[)）])?$/;
/** "三、", "(三)", "3." and the like: the number of the next section, left on its own line before 活動概要. */
const SECTION_NUMBER = /^[(（]?[一二三四五六七八九十0-9]+[)）、.．]?$/;

/** Whether the text is a daily activity announcement at all (a monthly CSV notice, for instance, has no 日期 section). */
export function isDailyAnnouncement(text: string): boolean {
  return DAY.test(text) || text.includes('機型');
}

/** The ROC-era date "109/09/17" (year + 1911) as YYYY-MM-DD, or undefined when it is not one. */
export function rocDate(text: string): string | undefined {
  const match = /^(\d{2,3})\/(\d{1,2})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const date = isoDate(Number(match[1]) + 1911, Number(match[2]), Number(match[3]));
  return isLocalDate(date) ? date : undefined;
}

export function parseAdizAnnouncement(text: string): AdizAnnouncement {
  const normalised = text.replace(/\u00a0/g, ' ').replace(/\r\n?/g, '\n');
  const dayMatch = DAY.exec(normalised);
  if (!dayMatch) throw new AnnouncementProblem('has no date line "中華民國YYY年M月D日"');
  const day = isoDate(Number(dayMatch[1]) + 1911, Number(dayMatch[2]), Number(dayMatch[3]));
  if (!isLocalDate(day))
    throw new AnnouncementProblem(`names an impossible date ${JSON.stringify(dayMatch[0].trim())}`);
  const dayPart = DAY_PARTS.find(([pattern]) => pattern.test(dayMatch[4]))?.[1];

  const start = normalised.indexOf('機型', dayMatch.index);
  if (start < 0) throw new AnnouncementProblem('has no 機型 (aircraft type) section');
  const end = normalised.indexOf('活動概要', start);
  if (end < 0) throw new AnnouncementProblem('has no 活動概要 section after the 機型 section');
  const lines = normalised.slice(normalised.indexOf('\n', start) + 1, end).split('\n');

  const aircraft: AircraftCount[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || SECTION_NUMBER.test(line) || /^[\x20-\x7e]+$/.test(line)) continue;
    const match = COUNT_LINE.exec(line);
    if (!match)
      throw new AnnouncementProblem(
        `cannot read the aircraft line ${JSON.stringify(line)} (expected e.g. "運8反潛機2架次")`,
      );
    const name = match[1].trim();
    const slug = aircraftTypeSlug(name, match[3]);
    if (slug === undefined)
      throw new AnnouncementProblem(
        `unknown aircraft type ${JSON.stringify(name)} (no English designation to name it by)`,
      );
    const count = Number(match[2]);
    if (count === 0) throw new AnnouncementProblem(`the aircraft line ${JSON.stringify(line)} has a count of 0`);
    aircraft.push({ slug, name, count });
  }
  if (aircraft.length === 0) throw new AnnouncementProblem('lists no aircraft in the 機型 section');
  return dayPart === undefined ? { day, aircraft } : { day, dayPart, aircraft };
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
