// The brief's words in English and Traditional Chinese: headings, level and state names (the dashboard's terms),
// and number formats. Sentences are built in brief-sentences.ts from these and the facts.

export type BriefLang = 'en' | 'zh';
export const BRIEF_LANGS: readonly BriefLang[] = ['en', 'zh'];

const LEVELS: Record<BriefLang, Record<number, string>> = {
  en: { 1: 'NORMAL', 2: 'WATCH', 3: 'WARNING', 4: 'ALERT', 5: 'CRITICAL' },
  zh: { 1: '正常', 2: '關注', 3: '警戒', 4: '警報', 5: '危急' },
};

const STATES: Record<BriefLang, Record<string, string>> = {
  en: {
    'insufficient-data': 'insufficient data',
    'no-coverage': 'no coverage',
    'shift-up': 'shift up',
    'shift-down': 'shift down',
    'very-high': 'very high',
    'very-low': 'very low',
  },
  zh: {
    normal: '正常',
    elevated: '偏高',
    high: '高',
    'very-high': '極高',
    low: '偏低',
    'very-low': '極低',
    lull: '沉寂',
    present: '有',
    absent: '無',
    none: '無',
    fresh: '近期',
    recent: '近期',
    fading: '消退中',
    stable: '穩定',
    spike: '突增',
    'shift-up': '常態上移',
    'shift-down': '常態下移',
    near: '鄰近',
    close: '貼近',
    'insufficient-data': '資料不足',
    missing: '缺漏',
    'no-coverage': '無覆蓋',
    stale: '過時',
  },
};

export const HEADINGS = {
  en: {
    title: 'Daily warning brief',
    bottomLine: 'Bottom line',
    changed: 'What changed since the previous day',
    movers: 'Largest movers',
    against: 'What argues against',
    coas: 'Courses of action',
    gaps: 'Intelligence gaps',
    watch: 'What to watch in the next 72 hours',
    provenance: 'Provenance',
    hypothesis: 'Course of action',
    today: 'Today',
    previous: 'Previous day',
    prior: 'Prior',
    indicator: 'Indicator',
    state: 'State',
    value: 'Value',
    baseline: 'Baseline',
    dataDay: 'Data day',
    logOdds: 'Log-odds',
    why: 'Why',
    showsAs: 'Shows as',
    asOf: 'As known at the end of',
    generated: 'Generated',
    pack: 'Pack',
    sources: 'Sources read',
    observations: 'observations',
    latest: 'latest',
    nothingAgainst: 'No indicator lowers the non-routine courses of action and no core indicator reports a calm state.',
    machine: 'Machine assessment: the analysis engine\u2019s level and probabilities, not a coordinated warning.',
  },
  zh: {
    title: '每日預警簡報',
    bottomLine: '結論',
    changed: '與前一日相比之變化',
    movers: '主要推升因素',
    against: '反向證據',
    coas: '行動方案假設',
    gaps: '情報缺口',
    watch: '未來 72 小時觀察重點',
    provenance: '資料來源',
    hypothesis: '行動方案',
    today: '今日',
    previous: '前一日',
    prior: '先驗',
    indicator: '指標',
    state: '狀態',
    value: '數值',
    baseline: '基準',
    dataDay: '資料日',
    logOdds: '對數勝算',
    why: '原因',
    showsAs: '目前狀態',
    asOf: '截至當地日結束時已知資料',
    generated: '產製時間',
    pack: '情境包',
    sources: '所用來源',
    observations: '筆觀測',
    latest: '最新',
    nothingAgainst: '無指標降低非例行方案機率，亦無核心指標呈平靜狀態。',
    machine: '機器研判：為分析引擎之等級與機率，並非經協調之正式預警。',
  },
} as const;

export type Headings = (typeof HEADINGS)[BriefLang];

export function levelWord(lang: BriefLang, level: number): string {
  return LEVELS[lang][level] ?? String(level);
}

export function stateWord(lang: BriefLang, state: string): string {
  return STATES[lang][state] ?? state;
}

/** A count or rate as the board prints it; `—` when not known (never 0). */
export function valueText(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** A signed change in percentage points, e.g. `+12.3 pp` (zh `+12.3 個百分點`); `±0.0` below a twentieth of a point. */
export function pointsText(delta: number, lang: BriefLang = 'en'): string {
  const pp = delta * 100;
  const unit = lang === 'zh' ? ' 個百分點' : ' pp';
  if (Math.abs(pp) < 0.05) return `±0.0${unit}`;
  return `${pp > 0 ? '+' : '−'}${Math.abs(pp).toFixed(1)}${unit}`;
}

export function signedText(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
}

/**
 * The analysis's gap reasons (src/analysis/gap-reasons.ts) in Chinese, matched by their English shape; a reason the
 * analysis did not write (a source's or analyst's missingReason) is quoted as the source's own words.
 */
const REASONS_ZH: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^no source declared or collecting this series$/, () => '無來源宣告或蒐集此序列'],
  [
    /^no source collected this series on that day \(coverage: (.*)\)$/,
    (m) => `當日無來源蒐集此序列（涵蓋來源：${m[1] === 'live collection only' ? '僅限即時蒐集' : m[1]}）`,
  ],
  [/^coverage begins on (\S+); no report yet$/, (m) => `涵蓋自 ${m[1]} 起，尚無報告`],
  [/^no report since coverage began on (\S+)$/, (m) => `自 ${m[1]} 開始涵蓋以來無任何報告`],
  [/^latest data is (\d+) days old$/, (m) => `最新資料距今 ${m[1]} 日`],
  [
    /^latest collection is (\d+) days old \(cadence (\d+) days\)$/,
    (m) => `最近一次蒐集距今 ${m[1]} 日（週期 ${m[2]} 日）`,
  ],
  [/^value not known$/, () => '數值不明'],
  [/^not every day of the window is known$/, () => '觀測期間並非每日皆有資料'],
  [/^(\d+) of (\d+) baseline samples$/, (m) => `基準樣本僅 ${m[1]} 筆（需 ${m[2]} 筆）`],
];

export function reasonText(lang: BriefLang, reason: string): string {
  if (lang === 'en') return reason;
  for (const [pattern, zh] of REASONS_ZH) {
    const m = pattern.exec(reason);
    if (m) return zh(m);
  }
  return `來源說明（原文）：${reason}`;
}

/** The pack's name in the brief's language (its `nameZh` when it has one). */
export function packName(lang: BriefLang, pack: { name: string; nameZh?: string }): string {
  return lang === 'zh' && pack.nameZh ? pack.nameZh : pack.name;
}
