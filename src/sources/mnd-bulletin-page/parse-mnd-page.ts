// Reads the current MND daily report page (www.mnd.gov.tw/news/plaact/<id>, "中共解放軍臺海周邊海、空域動態"): the report
// period, aircraft, median-line crossings with the ADIZ regions entered, PLAN and official ships, balloons.
//
// The page text reads: "中華民國115年3月18日（星期三）0600時至115年3月19日（星期四）0600時止。… 偵獲共機12架次（逾越中線進入
// 北部、中部及西南部空域5架次）、共艦9艘及公務船2艘…". The publication date is the compact ROC date "115.03.19" in the
// page header; the page URL is its og:url.

export interface MndPage {
  /** Publication date YYYY-MM-DD (ROC date in the page header), when present. */
  published?: string;
  periodStart: string;
  periodEnd: string;
  aircraft?: number;
  /** Aircraft that crossed the median line (and entered the ADIZ), as MND's parenthesis gives them. */
  medianLine?: number;
  /** Aircraft that entered the ADIZ. */
  adiz?: number;
  regions?: string[];
  planShips?: number;
  officialShips?: number;
  balloons?: number;
  url?: string;
}

/** A page whose ADIZ figure exceeds its total is kept as published; the observations flag it. */
export function pageInconsistency(page: MndPage): string | undefined {
  return page.adiz !== undefined && page.aircraft !== undefined && page.adiz > page.aircraft
    ? `adiz ${page.adiz} > total ${page.aircraft}`
    : undefined;
}

export class MndPageProblem extends Error {}

const PERIOD =
  /(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^至]{0,12}?(\d{4})\s*時\s*至\s*(?:中華民國)?\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^止]{0,12}?(\d{4})\s*時/;
const REGION_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/北部/, 'north'],
  [/中部/, 'central'],
  [/西南/, 'southwest'],
  [/東南/, 'southeast'],
  [/東部/, 'east'],
  [/(?<![西東])南部/, 'south'],
];

/** The visible text of an HTML page: tags removed, character references decoded, whitespace collapsed. */
export function pageText(html: string): string {
  const main = /<div[^>]*class="[^"]*maincontent[^"]*"[^>]*>([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? html;
  return decodeEntities(
    main
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, ' '),
  )
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .trim();
}

export function parseMndPage(html: string): MndPage {
  const text = pageText(html).replace(/\s+/g, '');
  const period = PERIOD.exec(text);
  if (!period) throw new MndPageProblem('has no report period "YYY年M月D日…0600時至YYY年M月D日…0600時"');
  const periodStart = rocInstant(period[1], period[2], period[3], period[4]);
  const periodEnd = rocInstant(period[5], period[6], period[7], period[8]);
  if (periodEnd <= periodStart) throw new MndPageProblem('has a report period that ends before it starts');
  const page: MndPage = { periodStart, periodEnd };

  const header = /class="[^"]*body-2[^"]*">\s*(\d{2,3})\.(\d{1,2})\.(\d{1,2})\s*</.exec(html);
  if (header) page.published = rocDate(header[1], header[2], header[3]);
  const url = /<meta[^>]+property="og:url"[^>]+content="([^"]+)"/i.exec(html)?.[1];
  if (url !== undefined && /^https?:\/\//.test(url)) page.url = decodeEntities(url);

  const aircraft = /共機(\d+)架次/.exec(text);
  if (aircraft) page.aircraft = Number(aircraft[1]);
  else if (/未(偵獲|發現)共機/.test(text)) page.aircraft = 0;
  // The parenthesis after the aircraft count: "（逾越中線進入北部、中部及西南部空域5架次）" or "（進入西南空域3架次）".
  const entered = /[（(]([^（()）]*?)(\d+)架次[)）]/.exec(text.slice(aircraft?.index ?? 0));
  if (entered && /空域/.test(entered[1])) {
    const n = Number(entered[2]);
    page.adiz = n;
    page.medianLine = /逾越中線/.test(entered[1]) ? n : 0;
    page.regions = REGION_WORDS.filter(([re]) => re.test(entered[1])).map(([, r]) => r);
  } else if (page.aircraft !== undefined) {
    page.adiz = 0;
    page.medianLine = 0;
    page.regions = [];
  }
  const ships = /共艦(\d+)艘/.exec(text);
  if (ships) page.planShips = Number(ships[1]);
  else if (/未(偵獲|發現)共艦/.test(text)) page.planShips = 0;
  const official = /公務船(\d+)艘/.exec(text);
  if (official) page.officialShips = Number(official[1]);
  const balloons = /空飄氣球計?偵獲(\d+)顆/.exec(text);
  if (balloons) page.balloons = Number(balloons[1]);
  if (page.aircraft === undefined && page.planShips === undefined)
    throw new MndPageProblem('states neither an aircraft count (共機N架次) nor a ship count (共艦N艘)');
  return page;
}

function rocDate(y: string, m: string, d: string): string {
  return `${Number(y) + 1911}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function rocInstant(y: string, m: string, d: string, hhmm: string): string {
  const date = rocDate(y, m, d);
  const ms = Date.parse(`${date}T${hhmm.slice(0, 2)}:${hhmm.slice(2)}:00+08:00`);
  if (Number.isNaN(ms) || new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10) !== date)
    throw new MndPageProblem(`names an impossible date or time ${date} ${hhmm}`);
  return new Date(ms).toISOString();
}

function decodeEntities(s: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return named[e.toLowerCase()] ?? m;
  });
}
