// Reads the facts in the text of one Taiwan MND daily report, in any of its shapes since 2020: the old ADIZ
// announcements (one calendar day, aircraft by type), the Aug–Nov 2022 "as of 17:00 today" statements, the 06:00 → 06:00
// reports with their period stated ("中華民國115年8月7日（星期五）0600時至115年8月8日（星期六）0600時止", the second year
// often left out), and news paraphrases without a period ("國防部今日表示，迄0600時止…"). Numbers only.

export type MndTextFormat = 'calendar-day' | 'same-day-1700' | 'daily-0600';

export interface MndReportFacts {
  format: MndTextFormat;
  /** Start and end of the period the counts cover (UTC ISO instants). */
  periodStart: string;
  periodEnd: string;
  /** Whether the text states the period (true) or it follows from the format and the publication date (false). */
  periodStated: boolean;
  aircraft?: number;
  /** Aircraft that entered the ADIZ: the old format's count, or the subset in the parenthesis after the total. */
  adiz?: number;
  /** Aircraft that crossed the median line, as MND's parenthesis gives them (0 when it names no crossing). */
  medianLine?: number;
  planShips?: number;
  officialShips?: number;
  balloons?: number;
  /** 1 when the text names a joint combat-readiness patrol (聯合戰備警巡), else 0. */
  jointPatrol: 0 | 1;
  /** 1 when the text names joint sea-air exercises or operations (海空聯合演習, 聯合海空行動…), else 0. */
  jointExercise: 0 | 1;
  /** Old format: the part of the day an announcement covers (上午, 下午, 日間, 夜間…), when named. */
  dayPart?: string;
}

export class MndTextProblem extends Error {}

const OLD_DAY =
  /日期\s*[（(]?\s*(?:Date)?\s*[)）]?\s*[:：]?\s*中華民國\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/;
const PERIOD =
  /(\d{2,3})\s*年+\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^至]{0,16}?(\d{4})\s*時\s*至\s*(?:中華民國)?\s*(?:(\d{2,3})\s*年+\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日[^止]{0,16}?(\d{4})\s*時/;
const AS_OF_1700 = /(?:迄|至)\s*(?:今日)?\s*1700\s*時/;
const AS_OF_MORNING = /(?:迄|至)\s*(?:今日)?\s*(?:0[6-9]00\s*時|上午\s*[6-9]\s*時)/;

/** The text of one report, published on local date `published` (YYYY-MM-DD). */
export function readMndReportText(raw: string, published: string): MndReportFacts {
  const text = raw.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  const joint = {
    jointPatrol: flag(/聯合戰備警巡/.test(text)),
    jointExercise: flag(/海空聯合演[習訓]|聯合海空行動|聯合軍事行動|聯合演習/.test(text)),
  };
  const period = PERIOD.exec(text);
  if (period) {
    const startDate = rocDate(period[1], period[2], period[3]);
    // "111年12月31日0600時至1月1日0600時": a second date without its year that falls before the first is in the next year.
    let endDate = rocDate(period[5] ?? period[1], period[6], period[7]);
    if (period[5] === undefined && endDate < startDate)
      endDate = rocDate(String(Number(period[1]) + 1), period[6], period[7]);
    const periodStart = instant(startDate, period[4]);
    const periodEnd = instant(endDate, period[8]);
    if (periodEnd <= periodStart)
      throw new MndTextProblem(`has a report period that ends before it starts (${startDate} → ${endDate})`);
    return { format: 'daily-0600', periodStart, periodEnd, periodStated: true, ...currentCounts(text), ...joint };
  }
  if (AS_OF_1700.test(text)) {
    return {
      format: 'same-day-1700',
      periodStart: instant(published, '0000'),
      periodEnd: instant(published, '1700'),
      periodStated: false,
      ...currentCounts(text),
      ...joint,
    };
  }
  if (AS_OF_MORNING.test(text) && /共機|共艦/.test(text)) {
    return {
      format: 'daily-0600',
      periodStart: instant(addDays(published, -1), '0600'),
      periodEnd: instant(published, '0600'),
      periodStated: false,
      ...currentCounts(text),
      ...joint,
    };
  }
  const old = OLD_DAY.exec(text);
  if (old) {
    const day = rocDate(old[1], old[2], old[3]);
    const facts: MndReportFacts = {
      format: 'calendar-day',
      periodStart: instant(day, '0000'),
      periodEnd: instant(addDays(day, 1), '0000'),
      periodStated: true,
      ...joint,
    };
    const part = /^[^機]{0,12}?(上午|下午|傍晚|晚間|晚上|夜間|日間)/.exec(text.slice(old.index + old[0].length))?.[1];
    if (part !== undefined) facts.dayPart = part;
    // The old announcements counted ADIZ entries; the "臺海周邊空域" ones of the August 2022 crisis counted something else.
    // Read on the spaced text: "殲-16 2架次" must not run together into "殲-162架次".
    const spaced = raw.replace(/\s+/g, ' ');
    const start = spaced.indexOf('機型');
    const end = spaced.indexOf('活動概要', start);
    if (!/臺海周邊空域/.test(text) && start >= 0 && end > start) {
      let n = 0;
      for (const m of spaced.slice(start, end).matchAll(/(?<![\d-])(\d+)\s*架/g)) n += Number(m[1]);
      facts.adiz = n;
    }
    return facts;
  }
  throw new MndTextProblem(
    'states no report period ("…0600時至…0600時"), no "迄1700時" or "迄0600時" time and no old-format 日期 line',
  );
}

/** Counts in the 2022-08 → today wording: "偵獲共機14架次（逾越中線進入北部及西南空域11架次）、共艦6艘及公務船8艘". */
function currentCounts(
  text: string,
): Pick<MndReportFacts, 'aircraft' | 'adiz' | 'medianLine' | 'planShips' | 'officialShips' | 'balloons'> {
  const out: ReturnType<typeof currentCounts> = {};
  const aircraft = /共機(\d+)架次?/.exec(text);
  if (aircraft) {
    out.aircraft = Number(aircraft[1]);
    const inner = /^（([^（）]*?)(\d+)架次?）/.exec(text.slice(aircraft.index + aircraft[0].length));
    const words = inner?.[1] ?? '';
    const n = inner ? Number(inner[2]) : 0;
    out.medianLine = /中線/.test(words) ? n : 0;
    out.adiz = /空域/.test(words) ? n : 0;
  } else if (/[未末無](?:偵獲|發現)共機/.test(text)) {
    // "未偵獲共機" (also typed 末, or 無偵獲): none; "未偵獲共機、艦" / "無偵獲共機丶共艦": no ships either.
    out.aircraft = 0;
    out.adiz = 0;
    out.medianLine = 0;
  }
  const ships = /共艦(\d+)艘/.exec(text);
  if (ships) out.planShips = Number(ships[1]);
  else if (/[未末無](?:偵獲|發現)(?:共機[、丶及與]?(?:共)?)?艦/.test(text)) out.planShips = 0;
  const official = /公務船(\d+)艘/.exec(text);
  if (official) out.officialShips = Number(official[1]);
  // Balloons in this report's period ("空飄氣球計偵獲2顆", "空飄氣球1顆"); a paraphrase about "昨日" is another period.
  const balloons = /空飄氣球(?:計)?(?:偵獲)?(\d+)[顆枚]/.exec(text);
  if (balloons && !/昨[（(]?\d*[）)]?日偵獲中共空飄氣球/.test(text)) out.balloons = Number(balloons[1]);
  return out;
}

function flag(b: boolean): 0 | 1 {
  return b ? 1 : 0;
}

function rocDate(y: string, m: string, d: string): string {
  const date = `${Number(y) + 1911}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date)
    throw new MndTextProblem(`names an impossible date ${date}`);
  return date;
}

function instant(date: string, hhmm: string): string {
  const h = Number(hhmm.slice(0, 2));
  const m = Number(hhmm.slice(2));
  if (h > 24 || m > 59) throw new MndTextProblem(`names an impossible time ${hhmm}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + ((h - 8) * 60 + m) * 60_000).toISOString();
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
