// English and Traditional Chinese for every label the dashboard shows; neutral place names; the choice is remembered.
// Level 4 is 警報 and nothing else: the alerts inbox and its messages are 警示 (test/repo/bilingual.test.ts holds both).
import { LEVEL_NAMES, LEVEL_NAMES_ZH } from '../model/assessment.js';
import { STATE_WORDS } from '../packs/pack-languages.js';

export type Lang = 'en' | 'zh-Hant';

const en = {
  'app.title': 'Vigil',
  'nav.board': 'Board',
  'nav.indicators': 'Indicators',
  'nav.map': 'Map',
  'nav.timeline': 'Timeline',
  'nav.explain': 'Explanation',
  'nav.alerts': 'Alerts',
  'nav.signout': 'Sign out',
  'nav.docs': 'API',
  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Unknown user or wrong password',
  'playback.asOf': 'As known at the end of',
  'playback.latest': 'Latest',
  'playback.prev': 'Previous day',
  'playback.next': 'Next day',
  'playback.history': 'History playback',
  'board.level': 'Warning level',
  'board.since': 'since',
  'board.pEvent': 'P(major episode starts within {n} days)',
  'board.hypotheses': 'Courses of action',
  'board.prior': 'prior',
  'board.matrix': 'Indicators by domain',
  'board.alerts': 'Latest alerts',
  'board.noAlerts': 'No active alerts',
  'board.days90': '90 days',
  'board.dataDay': 'data',
  'board.levelHistory': 'Level, last 90 days',
  'state.insufficient-data': 'insufficient data',
  'state.missing': 'missing',
  'state.no-coverage': 'no coverage',
  'state.stale': 'stale',
  'knowledge.degraded': 'DEGRADED: {n} of {m} core indicators reporting (the pack needs {min})',
  'knowledge.unknown':
    'UNKNOWN: no core indicator is reporting. The level below rests on no core evidence; it is not a calm board.',
  'knowledge.notReporting': 'Not reporting',
  'knowledge.levelDegraded': 'degraded',
  'knowledge.levelUnknown': 'not known',
  'knowledge.staleNow': 'Sources past their cadence now: {list}',
  'knowledge.days': '{n} d old, cadence {c} d',
  'knowledge.never': 'never published',
  'knowledge.failing': 'Collectors failing: {list}',
  'board.episode': 'Episode under way since {since} (day {days})',
  'board.episodeBounded': 'Episode under way since at least {since} (day {days}+)',
  'chart.noCoverage': 'no coverage',
  'chart.gap': 'no value',
  'timeline.knowledge.degraded': 'Knowledge degraded',
  'timeline.knowledge.unknown': 'Nothing known (no core indicator reporting)',
  'timeline.knowledge.unknownDays': '{n} of them with nothing known',
  'indicator.title': 'Indicator',
  'indicator.band': 'baseline band',
  'indicator.break': 'definition break',
  'indicator.anomaly': 'anomaly',
  'indicator.observations': 'Observations behind',
  'indicator.pick': 'Pick a point in the chart to see the observations behind it.',
  'indicator.revisions': 'revisions',
  'indicator.source': 'source',
  'indicator.grading': 'grading',
  'indicator.published': 'published',
  'indicator.value': 'value',
  'indicator.noPoints': 'No data in this window.',
  'indicator.state': 'state',
  'indicator.baseline': 'baseline',
  'indicator.window': 'Window',
  'map.title': 'Map',
  'map.activity': 'Activity reported for',
  'map.medianLine': 'Median line',
  'map.strait': 'Taiwan Strait',
  'map.located': 'Located reports',
  'map.noLocated': 'No located reports for this day.',
  'timeline.title': 'Timeline',
  'timeline.event': 'Trigger or event',
  'timeline.levelChange': 'Level change',
  'timeline.episode': 'Warning episode',
  'timeline.alert': 'Alert',
  'timeline.days': 'days',
  'timeline.ongoing': 'ongoing',
  'timeline.empty': 'Nothing in this window.',
  'explain.title': 'Explanation',
  'explain.bars': 'Evidence: log-odds each indicator added towards a non-routine course of action',
  'explain.matrix': 'Indicators × hypotheses (log-likelihood ratio after evidence grouping)',
  'explain.posterior': 'Prior → posterior',
  'explain.consistent': 'supports',
  'explain.inconsistent': 'weighs against',
  'explain.beforeGrouping': 'before grouping',
  'alerts.title': 'Alerts inbox',
  'alerts.active': 'Active',
  'alerts.all': 'All',
  'alerts.ack': 'Acknowledge',
  'alerts.acked': 'Acknowledged by',
  'alerts.silence': 'Silence',
  'alerts.silenced': 'Silenced',
  'alerts.comment': 'Comment',
  'alerts.addComment': 'Add comment',
  'alerts.playbook': 'Playbook',
  'alerts.empty': 'No alerts.',
  'alerts.replayed': 'Playback: what the alert rules would have held at the end of',
  'alerts.replayNote': 'Replayed on the data known then; read-only, never notified.',
  'alerts.notConfigured': 'Alerting is not configured for this pack.',
  'alerts.for': 'for',
  'alerts.comment.placeholder': 'What is being done?',
  'alerts.moved': 'Moved',
  'alerts.evidence': 'Evidence',
  'alerts.fired': 'fired',
  'alerts.unsilence': 'End silence',
  'alerts.ids': 'Ids and labels',
  'alerts.rule': 'rule',
  'alertStatus.firing': 'firing',
  'alertStatus.resolved': 'resolved',
  'alertStatus.pending': 'pending',
  'alertStatus.inactive': 'inactive',
  'severity.critical': 'critical',
  'severity.high': 'high',
  'severity.warning': 'warning',
  'severity.info': 'info',
  'indicator.id': 'id',
  'timeline.sourceReport': 'source report',
  'timeline.peak': 'max',
  'indicator.sumDays': '{n}-day sum',
  'common.loading': 'Loading…',
  'common.error': 'Error',
  'common.live': 'live',
  'common.offline': 'reconnecting',
  'place.China': 'Mainland China',
  'place.Taiwan': 'Taiwan',
  'place.Japan': 'Japan',
  'place.Philippines': 'Philippines',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.title': 'Vigil 預警',
  'nav.board': '預警看板',
  'nav.indicators': '指標',
  'nav.map': '地圖',
  'nav.timeline': '時間軸',
  'nav.explain': '研判依據',
  'nav.alerts': '警示',
  'nav.signout': '登出',
  'nav.docs': 'API',
  'login.title': '登入',
  'login.username': '帳號',
  'login.password': '密碼',
  'login.submit': '登入',
  'login.failed': '帳號不存在或密碼錯誤',
  'playback.asOf': '截至當日結束時已知',
  'playback.latest': '最新',
  'playback.prev': '前一日',
  'playback.next': '後一日',
  'playback.history': '歷史回放',
  'board.level': '預警等級',
  'board.since': '起始',
  'board.pEvent': '{n} 日內發生重大事件機率',
  'board.hypotheses': '行動方案假設',
  'board.prior': '先驗',
  'board.matrix': '各領域指標',
  'board.alerts': '最新警示',
  'board.noAlerts': '目前無警示',
  'board.days90': '90 日',
  'board.dataDay': '資料日',
  'board.levelHistory': '近 90 日等級',
  'state.insufficient-data': '資料不足',
  'state.missing': '缺漏',
  'state.no-coverage': '無資料涵蓋',
  'state.stale': '資料過時',
  'knowledge.degraded': '研判受限：核心指標僅 {n}／{m} 項回報（至少需 {min} 項）',
  'knowledge.unknown': '無從研判：沒有任何核心指標回報。下方等級並無核心證據支持，不代表情勢平靜。',
  'knowledge.notReporting': '未回報',
  'knowledge.levelDegraded': '研判受限',
  'knowledge.levelUnknown': '無從研判',
  'knowledge.staleNow': '目前逾期未更新的來源：{list}',
  'knowledge.days': '已 {n} 日，應每 {c} 日更新',
  'knowledge.never': '從未發布',
  'knowledge.failing': '蒐集失敗：{list}',
  'board.episode': '重大事件進行中，自 {since} 起（第 {days} 日）',
  'board.episodeBounded': '重大事件進行中，至遲自 {since} 起（第 {days} 日以上）',
  'chart.noCoverage': '無資料涵蓋',
  'chart.gap': '無數值',
  'timeline.knowledge.degraded': '研判受限',
  'timeline.knowledge.unknown': '無從研判（無核心指標回報）',
  'timeline.knowledge.unknownDays': '其中 {n} 日無從研判',
  'indicator.title': '指標',
  'indicator.band': '基準區間',
  'indicator.break': '定義變更',
  'indicator.anomaly': '異常',
  'indicator.observations': '資料來源',
  'indicator.pick': '點選圖上的點以檢視其背後的觀測資料。',
  'indicator.revisions': '修訂',
  'indicator.source': '來源',
  'indicator.grading': '評等',
  'indicator.published': '發布',
  'indicator.value': '數值',
  'indicator.noPoints': '此期間無資料。',
  'indicator.state': '狀態',
  'indicator.baseline': '基準',
  'indicator.window': '期間',
  'map.title': '地圖',
  'map.activity': '當日活動',
  'map.medianLine': '海峽中線',
  'map.strait': '臺灣海峽',
  'map.located': '具位置之回報',
  'map.noLocated': '當日無具位置之回報。',
  'timeline.title': '時間軸',
  'timeline.event': '觸發事件',
  'timeline.levelChange': '等級變化',
  'timeline.episode': '預警期間',
  'timeline.alert': '警示',
  'timeline.days': '日',
  'timeline.ongoing': '持續中',
  'timeline.empty': '此期間無事件。',
  'explain.title': '研判依據',
  'explain.bars': '各指標對非常態行動方案的對數勝算貢獻',
  'explain.matrix': '指標 × 假設（證據分組後的對數概似比）',
  'explain.posterior': '先驗 → 後驗',
  'explain.consistent': '支持',
  'explain.inconsistent': '不利於',
  'explain.beforeGrouping': '分組前',
  'alerts.title': '警示收件匣',
  'alerts.active': '進行中',
  'alerts.all': '全部',
  'alerts.ack': '確認',
  'alerts.acked': '已確認：',
  'alerts.silence': '靜音',
  'alerts.silenced': '已靜音',
  'alerts.comment': '留言',
  'alerts.addComment': '新增留言',
  'alerts.playbook': '應變程序',
  'alerts.empty': '無警示。',
  'alerts.replayed': '回放：依警示規則，截至該日結束時應有的警示',
  'alerts.replayNote': '以當時已知資料重播；唯讀，不發送通知。',
  'alerts.notConfigured': '此情境包未設定警示規則。',
  'alerts.for': '時長',
  'alerts.comment.placeholder': '目前處置情形？',
  'alerts.moved': '變動',
  'alerts.evidence': '證據',
  'alerts.fired': '觸發',
  'alerts.unsilence': '結束靜音',
  'alerts.ids': '識別碼與標籤',
  'alerts.rule': '規則',
  'alertStatus.firing': '觸發中',
  'alertStatus.resolved': '已解除',
  'alertStatus.pending': '待確認',
  'alertStatus.inactive': '未觸發',
  'severity.critical': '危急',
  'severity.high': '高',
  'severity.warning': '中',
  'severity.info': '資訊',
  'indicator.id': '識別碼',
  'timeline.sourceReport': '來源報告',
  'timeline.peak': '最高',
  'indicator.sumDays': '{n} 日加總',
  'common.loading': '載入中…',
  'common.error': '錯誤',
  'common.live': '即時',
  'common.offline': '重新連線中',
  'place.China': '中國大陸',
  'place.Taiwan': '臺灣',
  'place.Japan': '日本',
  'place.Philippines': '菲律賓',
};

const LEVELS: Record<Lang, Record<number, string>> = { en: LEVEL_NAMES, 'zh-Hant': LEVEL_NAMES_ZH };

/** Both dictionaries, for the completeness test (every key has its 中文 counterpart). */
export const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { en, 'zh-Hant': zh };

const DOMAINS_ZH: Record<string, string> = {
  air: '空中',
  sea: '海上',
  'coast-guard': '海巡與公務船',
  political: '政治',
  'far-seas': '遠海',
  information: '資訊',
  logistics: '後勤',
};

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = lang === 'zh-Hant' ? zh[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

export function levelName(lang: Lang, level: number): string {
  return LEVELS[lang][level] ?? String(level);
}

/** A domain by the pack's `domains` names when it has them, else the dictionary's (中文) or the id. */
export function domainName(
  lang: Lang,
  domain: string,
  named?: Readonly<Record<string, { name: string; nameZh: string }>>,
): string {
  const n = named?.[domain];
  if (n) return lang === 'zh-Hant' ? n.nameZh : n.name;
  return lang === 'zh-Hant' ? (DOMAINS_ZH[domain] ?? domain) : domain;
}

/** An alert's severity label (`critical`, `high`…) as a word; an unknown severity reads as itself. */
export function severityName(lang: Lang, severity: string): string {
  const key = `severity.${severity}` as MessageKey;
  return key in en ? translate(lang, key) : severity;
}

/** An alert's state (`firing`, `resolved`…) as a word. */
export function alertStatusName(lang: Lang, status: string): string {
  const key = `alertStatus.${status}` as MessageKey;
  return key in en ? translate(lang, key) : status;
}

/** An alert annotation (`summary`, `description`) in the chosen language: `<key>_zh` in 中文 when the alert has it. */
export function alertText(lang: Lang, annotations: Readonly<Record<string, string>>, key: string): string | undefined {
  return (lang === 'zh-Hant' ? annotations[`${key}_zh`] : undefined) ?? annotations[key];
}

/** A state as a label: `insufficient data`, never the raw identifier, for the two states every analyst must notice. */
export function stateName(lang: Lang, state: string): string {
  if (state === 'insufficient-data') return translate(lang, 'state.insufficient-data');
  if (state === 'missing') return translate(lang, 'state.missing');
  if (state === 'no-coverage') return translate(lang, 'state.no-coverage');
  if (state === 'stale') return translate(lang, 'state.stale');
  const words = STATE_WORDS[state];
  return lang === 'zh-Hant' ? (words?.zh ?? state) : (words?.en ?? state);
}

export function placeName(lang: Lang, name: string): string {
  const key = `place.${name}` as MessageKey;
  return key in en ? translate(lang, key) : name;
}

export function initialLang(stored: string | null, browser: string | undefined): Lang {
  if (stored === 'en' || stored === 'zh-Hant') return stored;
  return browser && /^zh-(TW|HK|MO|Hant)/i.test(browser) ? 'zh-Hant' : 'en';
}
