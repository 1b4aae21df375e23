// A transparent pattern classifier for news about PLA activity around Taiwan: every category is a short list of
// written-out patterns (traditional and simplified Chinese, English), so each decision can be traced to the words that
// made it. Precision and recall against labelled data: scripts/measure-news-classifier.ts and docs/sources.md.

export type NewsCategory = 'named-exercise' | 'readiness-patrol' | 'live-fire' | 'carrier';

export const NEWS_CATEGORIES: readonly NewsCategory[] = ['named-exercise', 'readiness-patrol', 'live-fire', 'carrier'];

export interface NewsMatch {
  category: NewsCategory;
  /** The text that fired the rule, as found. */
  evidence: string;
  /** For named exercises: joint-sword, strait-thunder or justice-mission. */
  exercise?: string;
}

/** Named PLA exercises around Taiwan (2023 Joint Sword, 2024 Joint Sword-2024A/B, 2025 Strait Thunder-2025A, Justice Mission 2025). */
const EXERCISES: ReadonlyArray<[RegExp, string]> = [
  [/聯合利劍|联合利剑|joint\s*sword/i, 'joint-sword'],
  [/海峽雷霆|海峡雷霆|strait\s*thunder/i, 'strait-thunder'],
  [/正義使命|正义使命|justice\s*mission/i, 'justice-mission'],
];
const READINESS_PATROL = /聯合戰備警巡|联合战备警巡|戰備警巡|战备警巡|joint\s+combat[\s-]+readiness\s+patrol/i;
/**
 * A patrol is reported with the forces counted just before it ("13架次共機逾越中線…配合共艦假「聯合戰備警巡」之名");
 * commentary that mentions patrols in general does not count them there.
 */
const FORCE_COUNT = /\d+\s*(架次|架|艘)|\d+\s+(sorties|aircraft|vessels|ships)/i;
const FORCE_COUNT_WINDOW = 100;
/** A look back ("2024年…舉行兩場「聯合利劍」", "去年12月底…「正義使命-2025」") is not an announcement. */
const LOOK_BACK = /去年|前年|\d{4}\s*年|last\s+year|in\s+\d{4}/i;
const LOOK_BACK_WINDOW = 60;
const LIVE_FIRE = /實彈射擊|实弹射击|實彈演習|实弹演习|實彈演練|实弹演练|live[\s-]fire|live\s+firing/i;
/** Live fire counts only when the PLA is the actor... */
const PLA_ACTOR =
  /共軍|共机|共機|共艦|共舰|中共|解放軍|解放军|東部戰區|东部战区|人民海軍|人民海军|海事局|航行警告|\bPLA\b|People's\s+Liberation\s+Army|Chinese\s+(military|navy|army|forces)|Eastern\s+Theater/i;
/** ...in waters announced as closed (a notice), not land-range drills... */
const SEA_NOTICE =
  /海域|水域|海事局|航行警告|航警|禁止驶入|禁止駛入|禁航|台灣海峽|台湾海峡|waters|sea\s+area|navigation\s+warning|strait/i;
/** ...and not when the article is about Taiwan's own drills (Han Kuang, the ROC armed forces' exercises). */
const TAIWAN_OWN_DRILL =
  /漢光|汉光|han\s*kuang|國軍.{0,12}(實彈|演習|演練)|国军.{0,12}(实弹|演习|演练)|金防部|馬防部|澎防部/i;
/** A Chinese carrier named as a ship: 遼寧艦 / 航艦山東 / the carrier Fujian (the bare names are also provinces). */
const CARRIER_ZH =
  /(遼寧|辽宁|山東|山东|福建)(艦|舰|號|号)|(航艦|航母|航空母艦|航空母舰)[「『“"]?(遼寧|辽宁|山東|山东|福建)/;
const CARRIER_EN =
  /\b(Liaoning|Shandong|Fujian)\b[^.]{0,40}\bcarrier|\bcarrier\b[^.]{0,40}\b(Liaoning|Shandong|Fujian)\b/i;
/** A sighting says the carrier moved or was seen; a mention in a press conference does not. */
const SIGHTING =
  /航經|航经|通過|通过|穿越|進入|进入|航行|編隊|编队|偵獲|侦获|發現|发现|監控|监控|現蹤|现踪|出海|observed|spotted|sail|transit|operat|passed|entered|detected/i;

/** Classifies a text (title and body together); a text can be in several categories, or none. */
export function classifyNews(text: string): NewsMatch[] {
  const out: NewsMatch[] = [];
  const before = (m: RegExpMatchArray, width: number) => text.slice(Math.max(0, m.index! - width), m.index!);
  for (const [pattern, exercise] of EXERCISES) {
    const m = firstWhere(text, pattern, (hit) => !LOOK_BACK.test(before(hit, LOOK_BACK_WINDOW)));
    if (m) {
      out.push({ category: 'named-exercise', evidence: m[0], exercise });
      break;
    }
  }
  const patrol = firstWhere(text, READINESS_PATROL, (hit) => FORCE_COUNT.test(before(hit, FORCE_COUNT_WINDOW)));
  if (patrol) out.push({ category: 'readiness-patrol', evidence: patrol[0] });
  const fire = LIVE_FIRE.exec(text);
  if (fire && PLA_ACTOR.test(text) && SEA_NOTICE.test(text) && !TAIWAN_OWN_DRILL.test(text))
    out.push({ category: 'live-fire', evidence: fire[0] });
  const sighted = (hit: RegExpMatchArray) =>
    SIGHTING.test(text.slice(Math.max(0, hit.index! - 40), hit.index! + hit[0].length + 60));
  const carrier = firstWhere(text, CARRIER_ZH, sighted) ?? firstWhere(text, CARRIER_EN, sighted);
  if (carrier) out.push({ category: 'carrier', evidence: carrier[0] });
  return out;
}

/** The first occurrence of `pattern` that satisfies `accept` (every occurrence is tried, not only the first). */
function firstWhere(
  text: string,
  pattern: RegExp,
  accept: (m: RegExpMatchArray) => boolean,
): RegExpMatchArray | undefined {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const m of text.matchAll(global)) if (accept(m)) return m;
  return undefined;
}
