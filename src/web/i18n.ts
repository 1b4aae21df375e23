// English and Traditional Chinese for every label the dashboard shows; neutral place names; the choice is remembered.
// Level 4 is 警報 and nothing else: the alerts inbox and its messages are 警示 (test/repo/bilingual.test.ts holds both).
import { LEVEL_NAMES, LEVEL_NAMES_ZH } from '../model/assessment.js';
import { STATE_WORDS } from '../packs/pack-languages.js';
import { reasonText } from '../brief/brief-language.js';
import { en, type MessageKey } from './messages-en.js';
import { zh } from './messages-zh.js';

export type Lang = 'en' | 'zh-Hant';

export type { MessageKey } from './messages-en.js';

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

/** A number of days, singular or plural ("1 day", "3 days"; 中文 has one form). */
export function daysText(lang: Lang, n: number): string {
  return translate(lang, n === 1 ? 'unit.day' : 'unit.days', { n });
}

export function levelName(lang: Lang, level: number): string {
  return LEVELS[lang][level] ?? String(level);
}

/** Units of the bundled series in 中文; other units are shown as they are. */
const UNITS_ZH: Record<string, string> = {
  aircraft: '架次',
  ships: '艘',
  balloons: '顆',
  answers: '則',
  events: '件',
  notices: '則',
};

export function unitName(lang: Lang, unit: string): string {
  return lang === 'zh-Hant' ? (UNITS_ZH[unit] ?? unit) : unit;
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

/** Why an indicator is not reporting, in the reader's language (the analysis writes it in English; a source's own
 * words are quoted as such in 中文). */
export function reasonName(lang: Lang, reason: string): string {
  return reasonText(lang === 'zh-Hant' ? 'zh' : 'en', reason);
}
