// The words of an alert, in English and Traditional Chinese: indicator and series names (never their ids), local days
// in the theatre's zone (never UTC instants), rounded figures. Ids stay in the alert's labels.
import { LEVEL_NAMES, LEVEL_NAMES_ZH, type WarningLevel } from '../model/index.js';
import { formatNumber } from '../model/number-format.js';
import { stateWords, type Bilingual, type PackNames } from '../packs/pack-languages.js';
import { cadenceText, localDay, localMinute, spanText } from '../time/local-text.js';
import type { AlertExplanation, HypothesisMove } from './alert.js';
import { pct } from './alert-explanation.js';

/** `ALERT (4)` / `警報（第 4 級）` */
export function levelText(level: number): Bilingual {
  return {
    en: `${LEVEL_NAMES[level as WarningLevel]} (${level})`,
    zh: `${LEVEL_NAMES_ZH[level as WarningLevel]}（第 ${level} 級）`,
  };
}

export function levelSummary(names: PackNames, day: string, level: number, previous: number | undefined): Bilingual {
  const t = names.theatre;
  const now = levelText(level);
  if (previous === undefined) return { en: `${t.en} at ${now.en} on ${day}`, zh: `${t.zh} ${day} 預警等級為${now.zh}` };
  const was = levelText(previous);
  return {
    en: `${t.en} at ${now.en} on ${day}; previous day ${was.en}`,
    zh: `${t.zh} ${day} 預警等級為${now.zh}，前一日為${was.zh}`,
  };
}

export function levelChangeSummary(names: PackNames, day: string, from: number, to: number): Bilingual {
  const up = to > from;
  const t = names.theatre;
  return {
    en: `${t.en} level ${up ? 'rose' : 'fell'} ${levelText(from).en} → ${levelText(to).en} on ${day}`,
    zh: `${t.zh}預警等級於 ${day} 由${levelText(from).zh}${up ? '升為' : '降為'}${levelText(to).zh}`,
  };
}

/** `H1 Major coercive exercise 8.4 % → 45.2 %` in both languages. */
export function moveText(names: PackNames, m: HypothesisMove): Bilingual {
  const name = names.hypothesis(m.id);
  const at = m.from === null ? null : `${pct(m.from)} → ${pct(m.to)}`;
  return {
    en: at === null ? `${m.id} ${m.name} at ${pct(m.to)}` : `${m.id} ${m.name} ${at}`,
    zh: at === null ? `${m.id} ${name.zh} ${pct(m.to)}` : `${m.id} ${name.zh} ${at}`,
  };
}

export function hypothesisSummary(names: PackNames, day: string, m: HypothesisMove, threshold: string): Bilingual {
  const move = moveText(names, m);
  return { en: `${move.en} (threshold ${threshold}) on ${day}`, zh: `${move.zh}（門檻 ${threshold}），${day}` };
}

export function indicatorSummary(
  names: PackNames,
  i: { id: string; state: string; value: number | null; baseline: number | null },
  day: string,
): Bilingual {
  const name = names.indicator(i.id);
  const state = stateWords(i.state);
  const value = formatNumber(i.value);
  const base = i.baseline === null ? null : formatNumber(i.baseline);
  return {
    en: `${name.en} is ${state.en}: ${value}${base === null ? '' : ` (baseline ${base})`} on ${day}`,
    zh: `${name.zh}（${state.zh}）：${value}${base === null ? '' : `（基準 ${base}）`}，${day}`,
  };
}

/** `Taiwan MND aircraft count: no report for 106 days (last: 2026-08-22; expected daily)` */
export function sourceSilentSummary(
  names: PackNames,
  series: string,
  silentMs: number,
  lastPublishedAt: string,
  cadenceMs: number,
): Bilingual {
  const name = names.series(series);
  const last = localDay(lastPublishedAt, names.timeZone);
  return {
    en: `${name.en}: no report for ${spanText(silentMs, 'en')} (last: ${last}; expected ${cadenceText(cadenceMs, 'en')})`,
    zh: `${name.zh}：已 ${spanText(silentMs, 'zh')}無報告（最後一次：${last}；應${cadenceText(cadenceMs, 'zh')}發布）`,
  };
}

export const SOURCE_SILENT_DESCRIPTION: Bilingual = {
  en: 'A silent feed is a broken feed, not a quiet strait: indicators reading it are stale until it publishes again.',
  zh: '來源停止更新代表資料中斷，而非情勢平靜：讀取此來源的指標在恢復發布前均視為資料過時。',
};

export function receiverFailingSummary(
  names: PackNames,
  receiver: string,
  attempts: number,
  pendingSince: string,
): Bilingual {
  const since = `${localMinute(pendingSince, names.timeZone)} (${names.timeZone})`;
  return {
    en: `receiver ${receiver} failing: ${attempts} attempts since ${since}`,
    zh: `接收端 ${receiver} 傳送失敗：自 ${since.replace(/ \((.*)\)$/, '（$1）')}起已嘗試 ${attempts} 次`,
  };
}

export const RECEIVER_FAILING_DESCRIPTION: Bilingual = {
  en: 'Notifications to this receiver stay in the outbox and are retried with backoff; other receivers are not held up.',
  zh: '送往此接收端的通知保留於待送匣並以退避方式重試；其他接收端不受影響。',
};

/** One paragraph naming the level, the hypothesis that moved and the top evidence. */
export function explanationText(names: PackNames, e: AlertExplanation): Bilingual {
  const to = levelText(e.level.to);
  // A level that held is said once: `Level ALERT (4)`, not `ALERT (4) → ALERT (4)`.
  const from = e.level.from === null || e.level.from === e.level.to ? null : levelText(e.level.from);
  const en = [`Level ${from === null ? '' : `${from.en} → `}${to.en} at the end of ${e.day}.`];
  const zh = [`預警等級於 ${e.day} 結束時${from === null ? '為' : `由${from.zh}轉為`}${to.zh}。`];
  if (e.moved) {
    const move = moveText(names, e.moved);
    en.push(`${move.en}.`);
    zh.push(`${move.zh}。`);
  }
  if (e.evidence.length > 0) {
    const item = (x: AlertExplanation['evidence'][number], lang: 'en' | 'zh') => {
      const value = x.value === null ? '' : ` ${formatNumber(x.value)}`;
      const lo = `${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)}`;
      return lang === 'en'
        ? `${names.indicator(x.indicator).en} ${stateWords(x.state).en}${value} (${lo} log-odds)`
        : `${names.indicator(x.indicator).zh} ${stateWords(x.state).zh}${value}（對數勝算 ${lo}）`;
    };
    en.push(`Evidence: ${e.evidence.map((x) => item(x, 'en')).join('; ')}.`);
    zh.push(`證據：${e.evidence.map((x) => item(x, 'zh')).join('；')}。`);
  }
  return { en: en.join(' '), zh: zh.join('') };
}
