// Reads a Japan Joint Staff (統合幕僚監部) press release about Chinese or Russian ships and aircraft: strait transits with
// their direction, carrier activity, ship classes and hull numbers. Pure text analysis, documented in docs/sources.md.
//
// The releases follow a fixed Japanese template: "令和8年6月25日(木)…中国海軍ルーヤンIII級ミサイル駆逐艦(艦番号「119」)を確認
// した。その後、当該艦艇が対馬海峡を北東進し、日本海へ向けて航行したことを確認した。" Each sentence is read with the
// country, platform (ship / aircraft) and date last named before it, as the template refers back ("当該艦艇", "同日").

export type Country = 'china' | 'russia' | 'both';

export interface Passage {
  /** Strait slug (miyako, yonaguni, iriomote, osumi, tsushima, soya, tsugaru, amami, tokara) or `other`. */
  strait: string;
  /** The passage as written, for `other`. */
  passage: string;
  platform: 'ship' | 'aircraft';
  country: Country;
  /** Compass heading ("北東" → northeast) when stated. */
  heading?: string;
  /** Where it went: pacific, east-china-sea, sea-of-japan, sea-of-okhotsk, mainland. */
  toward?: string;
  /** Local date of the passage (YYYY-MM-DD), from the nearest date named before it; else undefined. */
  date?: string;
}

export interface CarrierSighting {
  carrier: 'liaoning' | 'shandong' | 'fujian';
  /**
   * Latest date named in the first sentence mentioning the carrier: the last day the release confirms it at sea
   * ("17日から20日に引き続き、21日及び22日に…「遼寧」…" → the 22nd), so a release reporting a deployment that is still
   * going on dates the carrier's activity to its newest day, not to the day the deployment began.
   */
  date?: string;
  flightOps: boolean;
}

export interface ReleaseAnalysis {
  /** china-navy, russia-navy, china-aircraft, china-russia-navy, … or undefined for other releases (disaster relief…). */
  topic?: string;
  passages: Passage[];
  carriers: CarrierSighting[];
  shipClasses: string[];
  hullNumbers: string[];
}

const PASSAGES: ReadonlyArray<[RegExp, string]> = [
  [/沖縄本島と宮古島/, 'miyako'],
  [/与那国島と台湾/, 'yonaguni'],
  [/与那国島と西表島/, 'iriomote'],
  [/奄美大島と横当島/, 'amami'],
  [/対馬海峡/, 'tsushima'],
  [/宗谷海峡/, 'soya'],
  [/津軽海峡/, 'tsugaru'],
  [/大隅海峡/, 'osumi'],
  [/トカラ海峡/, 'tokara'],
];
const HEADINGS: Readonly<Record<string, string>> = {
  北: 'north',
  南: 'south',
  東: 'east',
  西: 'west',
  北東: 'northeast',
  北西: 'northwest',
  南東: 'southeast',
  南西: 'southwest',
};
const TOWARD: ReadonlyArray<[RegExp, string]> = [
  [/^太平洋/, 'pacific'],
  [/^東シナ海/, 'east-china-sea'],
  [/^日本海/, 'sea-of-japan'],
  [/^オホーツク海/, 'sea-of-okhotsk'],
  [/^大陸方面/, 'mainland'],
];
const CARRIERS: ReadonlyArray<[string, CarrierSighting['carrier']]> = [
  ['遼寧', 'liaoning'],
  ['山東', 'shandong'],
  ['福建', 'fujian'],
];
const CLASS_SLUGS: Readonly<Record<string, string>> = {
  クズネツォフ: 'kuznetsov',
  レンハイ: 'renhai',
  ルーヤン: 'luyang',
  ルーヤンII: 'luyang-ii',
  ルーヤンIII: 'luyang-iii',
  ルージョウ: 'luzhou',
  ソブレメンヌイ: 'sovremenny',
  ジャンカイ: 'jiangkai',
  ジャンカイII: 'jiangkai-ii',
  ジャンカイIII: 'jiangkai-iii',
  ジャンダオ: 'jiangdao',
  フユ: 'fuyu',
  フチ: 'fuchi',
  ドンディアオ: 'dongdiao',
  ユージャオ: 'yuzhao',
  ユーシェン: 'yushen',
  ユーティン: 'yuting',
  シュパン: 'shupang',
  ウダロイ: 'udaloy',
  ウダロイI: 'udaloy',
  ステレグシチー: 'steregushchiy',
  スラヴァ: 'slava',
  ドゥブナ: 'dubna',
};

/** NFKC (full-width digits, Ⅲ → III), no line breaks or spaces (PDF extraction splits words), no "(沖縄県)"-style notes. */
export function normaliseReleaseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\((?:[^()]{1,5}県|東京都|北海道)\)/g, '');
}

/** Reads a release; `releaseDate` (YYYY-MM-DD) fixes the year of dates written without one. */
export function analyseRelease(rawText: string, releaseDate: string): ReleaseAnalysis {
  const full = normaliseReleaseText(rawText);
  // Map legends and photo captions follow "報道発表資料"; they repeat names and must not count twice.
  const cut = full.indexOf('報道発表資料');
  const body = cut > 0 ? full.slice(0, cut) : full;
  const topic = releaseTopic(body);
  const result: ReleaseAnalysis = {
    topic,
    passages: [],
    carriers: [],
    shipClasses: shipClasses(body),
    hullNumbers: hullNumbers(body),
  };
  if (topic === undefined) return result;

  let country: Country = topic.startsWith('china-russia') ? 'both' : topic.startsWith('russia') ? 'russia' : 'china';
  let platform: Passage['platform'] = topic.endsWith('aircraft') ? 'aircraft' : 'ship';
  const context = { date: undefined as string | undefined, month: Number(releaseDate.slice(5, 7)) };
  for (const sentence of body.split('。')) {
    country = sentenceCountry(sentence) ?? country;
    platform = /艦|隻/.test(sentence) ? 'ship' : /機/.test(sentence) ? 'aircraft' : platform;
    const dates = datesIn(sentence, releaseDate, context);
    for (const [name, carrier] of CARRIERS) {
      if (!sentence.includes(`「${name}」`) || result.carriers.some((c) => c.carrier === carrier)) continue;
      result.carriers.push({ carrier, date: latestDate(dates) ?? context.date, flightOps: body.includes('発着艦') });
    }
    // "…は、5月19日に…を南東進したものと（それぞれ）同一である": passages already reported, not new ones.
    if (/同一/.test(sentence)) {
      context.date = dates.at(-1)?.date ?? context.date;
      continue;
    }
    result.passages.push(...passagesIn(sentence, dates, context.date, country, platform));
    context.date = dates.at(-1)?.date ?? context.date;
  }
  return result;
}

/** The newest of the dates a sentence names (ISO dates compare as text). */
function latestDate(dates: readonly DateMention[]): string | undefined {
  return dates.reduce<string | undefined>((max, d) => (max === undefined || d.date > max ? d.date : max), undefined);
}

function releaseTopic(body: string): string | undefined {
  const match =
    /(中国及びロシア|中国|ロシア)(海軍艦艇|軍機|軍用機|海軍艦艇及び[^の]*|軍機及びロシア軍機)の動向について/.exec(body);
  if (!match) return undefined;
  const who = match[1] === '中国' ? 'china' : match[1] === 'ロシア' ? 'russia' : 'china-russia';
  const joint = match[2].includes('ロシア');
  const what = match[2].startsWith('海軍艦艇') ? 'navy' : 'aircraft';
  return `${joint && who === 'china' ? 'china-russia' : who}-${what}`;
}

function sentenceCountry(sentence: string): Country | undefined {
  const china = /中国/.test(sentence);
  const russia = /ロシア/.test(sentence);
  return china && russia ? 'both' : china ? 'china' : russia ? 'russia' : undefined;
}

interface DateMention {
  index: number;
  date: string;
}

/** "令和8年5月25日(月)", "5月19日(火)", "26日(火)": dates followed by a weekday, with year and month carried forward. */
function datesIn(sentence: string, releaseDate: string, context: { date?: string; month: number }): DateMention[] {
  const out: DateMention[] = [];
  const pattern = /(?:令和(\d+)年)?(?:(\d{1,2})月)?(\d{1,2})日\([月火水木金土日]/g;
  for (const m of sentence.matchAll(pattern)) {
    const releaseYear = Number(releaseDate.slice(0, 4));
    const previous = context.date ?? releaseDate;
    const month = m[2] !== undefined ? Number(m[2]) : Number(previous.slice(5, 7));
    let year =
      m[1] !== undefined ? 2018 + Number(m[1]) : m[2] === undefined ? Number(previous.slice(0, 4)) : releaseYear;
    if (m[1] === undefined && m[2] !== undefined && month > context.month) year = releaseYear - 1; // a December date in a January release
    const date = `${year}-${String(month).padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    out.push({ index: m.index!, date });
  }
  return out;
}

function passagesIn(
  sentence: string,
  dates: DateMention[],
  contextDate: string | undefined,
  country: Country,
  platform: Passage['platform'],
): Passage[] {
  const out: Passage[] = [];
  const pattern = /([^、。を]{0,30}?(?:海峡|と?の間の海域|と?の間の空域|との間))を(?:([北南東西]{1,2})進|通過|飛行)/g;
  const matches = [...sentence.matchAll(pattern)];
  matches.forEach((m, i) => {
    const passage = m[1].split(/が|は|に/).pop()!;
    const strait = PASSAGES.find(([re]) => re.test(m[1]))?.[1] ?? 'other';
    const after = sentence.slice(m.index! + m[0].length, matches[i + 1]?.index ?? sentence.length);
    const towardMatch = /([^、。]{0,12}?)(?:へ向けて|に向けて|に至)/.exec(after);
    const toward = towardMatch
      ? TOWARD.find(([re]) =>
          re.test(towardMatch[1].replace(/^.*?(?=太平洋|東シナ海|日本海|オホーツク海|大陸方面)/, '')),
        )?.[1]
      : undefined;
    const date = [...dates].reverse().find((d) => d.index < m.index!)?.date ?? contextDate;
    const passageOut: Passage = { strait, passage, platform, country };
    if (m[2] !== undefined && HEADINGS[m[2]] !== undefined) passageOut.heading = HEADINGS[m[2]];
    if (toward !== undefined) passageOut.toward = toward;
    if (date !== undefined) passageOut.date = date;
    out.push(passageOut);
  });
  return out;
}

function shipClasses(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/([ァ-ヴー]+)(I{1,3}|IV)?級/g)) {
    const name = m[1] + (m[2] ?? '');
    found.add(CLASS_SLUGS[name] ?? CLASS_SLUGS[m[1]] ?? name);
  }
  return [...found].sort();
}

function hullNumbers(body: string): string[] {
  return [...new Set([...body.matchAll(/艦番号「(\d+)」/g)].map((m) => m[1]))].sort((a, b) => Number(a) - Number(b));
}
