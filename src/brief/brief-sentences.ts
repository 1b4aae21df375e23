// The brief's generated sentences, in English and Traditional Chinese: the bottom line (knowledge state before the
// level, so a board that knows nothing never reads as calm) and the day-on-day changes, all built from the facts.
import { formatProbability } from '../model/probability-format.js';
import type { BriefContent, IndicatorFact } from './brief-content.js';
import { levelWord, pointsText, stateWord, valueText, type BriefLang } from './brief-language.js';

const p = (x: number) => formatProbability(x);
/** One page: past this many indicator state changes the brief counts the rest. */
const MAX_STATE_CHANGES = 6;

function evidence(lang: BriefLang, i: IndicatorFact): string {
  const name = lang === 'zh' ? i.nameZh : i.name;
  const state = stateWord(lang, i.state);
  if (i.value === null) return lang === 'zh' ? `${name}（${state}）` : `${name} (${state})`;
  const against =
    i.baseline === null
      ? ''
      : lang === 'zh'
        ? `，基準 ${valueText(i.baseline)}`
        : ` against a baseline of ${valueText(i.baseline)}`;
  return lang === 'zh'
    ? `${name}（${state}：${valueText(i.value)}${against}）`
    : `${name} (${state}: ${valueText(i.value)}${against})`;
}

function list(lang: BriefLang, items: string[]): string {
  if (lang === 'zh') return items.join('、');
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function levelMove(lang: BriefLang, c: BriefContent): string {
  const { today, previous } = c.input;
  if (!previous || previous.level === today.level) return '';
  const from = levelWord(lang, previous.level);
  if (lang === 'zh') return today.level > previous.level ? `（由${from}升級）` : `（由${from}降級）`;
  return today.level > previous.level ? ` (up from ${from})` : ` (down from ${from})`;
}

/** One sentence: the knowledge state when not ok, else the level, what it means and the evidence behind it. */
export function bottomLine(lang: BriefLang, c: BriefContent): string {
  const a = c.input.today;
  const k = a.knowledge;
  const level = levelWord(lang, a.level);
  const zhName = new Map(c.input.pack.indicators.map((i) => [i.id, i.nameZh]));
  const missing = list(
    lang,
    k.notReporting.map((n) =>
      lang === 'zh' ? `${zhName.get(n.id) ?? n.id}${stateWord(lang, n.state)}` : `${n.id} ${stateWord(lang, n.state)}`,
    ),
  );
  if (k.state === 'unknown') {
    return lang === 'zh'
      ? `研判狀態未知：${k.core.length} 項核心指標皆未回報（${missing}），機器等級「${level}」無核心證據支持，不可視為平靜。`
      : `Knowledge UNKNOWN: none of the ${k.core.length} core indicators is reporting (${missing}), so the machine level ${level} rests on no core evidence and must not be read as calm.`;
  }
  const driver =
    c.movers.length > 0
      ? list(
          lang,
          c.movers.slice(0, 2).map((m) => evidence(lang, m)),
        )
      : undefined;
  if (k.state === 'degraded') {
    const on = driver ? (lang === 'zh' ? `，主要由${driver}推動` : `, driven by ${driver}`) : '';
    return lang === 'zh'
      ? `研判降級：${k.core.length} 項核心指標僅 ${k.reporting} 項回報（最少需 ${k.minReporting} 項；未回報：${missing}）；依現有資料等級為${level}${levelMove(lang, c)}${on}。`
      : `Knowledge DEGRADED: only ${k.reporting} of ${k.core.length} core indicators ${k.reporting === 1 ? 'is' : 'are'} reporting (minimum ${k.minReporting}; not reporting: ${missing}); on what remains the level is ${level}${levelMove(lang, c)}${on}.`;
  }
  const e = a.episode;
  const what = e
    ? lang === 'zh'
      ? `事件自${e.sinceBounded ? '至遲 ' : ' '}${e.since} 起持續中（第 ${e.days} 日），${e.hypothesis.id} ${c.hypotheses.find((h) => h.id === e.hypothesis.id)?.nameZh ?? e.hypothesis.name} ${p(e.hypothesis.probability)}`
      : `an episode has been under way since ${e.sinceBounded ? 'at least ' : ''}${e.since} (day ${e.days}), ${e.hypothesis.id} ${e.hypothesis.name} at ${p(e.hypothesis.probability)}`
    : lang === 'zh'
      ? `${a.horizonDays} 日內發生重大事件機率 ${p(a.pEvent7d)}，最可能之非例行方案為 ${c.leading.id} ${c.leading.nameZh}（${p(c.leading.probability)}）`
      : `P(a major episode starts within ${a.horizonDays} days) is ${p(a.pEvent7d)}, the leading non-routine course of action ${c.leading.id} ${c.leading.name} at ${p(c.leading.probability)}`;
  const because = driver
    ? lang === 'zh'
      ? `，主要由${driver}推動`
      : `, driven by ${driver}`
    : lang === 'zh'
      ? '，無指標推升非例行方案'
      : ', with no indicator raising a non-routine course of action';
  return lang === 'zh'
    ? `等級${level}${levelMove(lang, c)}：${what}${because}。`
    : `${level}${levelMove(lang, c)}: ${what}${because}.`;
}

/** Day-on-day changes: level, knowledge state, hypotheses that moved by a point or more, indicator state changes. */
export function changeLines(lang: BriefLang, c: BriefContent): string[] {
  const { today, previous } = c.input;
  if (!previous)
    return [
      lang === 'zh'
        ? '無前一日研判可資比較（資料自今日起）。'
        : 'No previous day to compare with (the data starts today).',
    ];
  const lines: string[] = [];
  if (previous.level !== today.level) {
    lines.push(
      lang === 'zh'
        ? `等級：${levelWord(lang, previous.level)} → ${levelWord(lang, today.level)}。`
        : `Level: ${levelWord(lang, previous.level)} → ${levelWord(lang, today.level)}.`,
    );
  }
  if (previous.knowledge.state !== today.knowledge.state) {
    const word = (s: string) => (lang === 'zh' ? ({ ok: '正常', degraded: '降級', unknown: '未知' }[s] ?? s) : s);
    lines.push(
      lang === 'zh'
        ? `研判狀態：${word(previous.knowledge.state)} → ${word(today.knowledge.state)}。`
        : `Knowledge: ${previous.knowledge.state} → ${today.knowledge.state}.`,
    );
  }
  for (const h of c.hypotheses) {
    if (h.previous === undefined || Math.abs(h.probability - h.previous) < 0.01) continue;
    const name = lang === 'zh' ? h.nameZh : h.name;
    lines.push(
      lang === 'zh'
        ? `${h.id} ${name}：${p(h.previous)} → ${p(h.probability)}（${pointsText(h.probability - h.previous, lang)}）`
        : `${h.id} ${name}: ${p(h.previous)} → ${p(h.probability)} (${pointsText(h.probability - h.previous)})`,
    );
  }
  for (const s of c.stateChanges.slice(0, MAX_STATE_CHANGES)) {
    const name = lang === 'zh' ? s.nameZh : s.name;
    lines.push(`${name}${lang === 'zh' ? '：' : ': '}${stateWord(lang, s.from)} → ${stateWord(lang, s.state)}`);
  }
  const more = c.stateChanges.length - MAX_STATE_CHANGES;
  if (more > 0)
    lines.push(
      lang === 'zh'
        ? `另有 ${more} 項指標狀態改變（見研判依據）。`
        : `${more} more indicators changed state (see the explanation).`,
    );
  if (lines.length === 0)
    lines.push(
      lang === 'zh'
        ? '無顯著變化：等級、研判狀態及指標狀態皆與前一日相同。'
        : 'No material change: level, knowledge state and indicator states as on the previous day.',
    );
  return lines;
}

export { evidence as evidenceText };
