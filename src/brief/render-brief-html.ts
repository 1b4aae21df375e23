// Renders the daily brief as one self-contained HTML page with a print stylesheet for one A4 page: pure, facts in,
// HTML string out (the PDF is this page printed by Chromium).
import { formatProbability } from '../model/probability-format.js';
import type { Tlp } from '../model/index.js';
import {
  buildBriefContent,
  isGapState,
  isSignalState,
  type BriefContent,
  type BriefInput,
  type IndicatorFact,
} from './brief-content.js';
import {
  HEADINGS,
  levelWord,
  packName,
  reasonText,
  signedText,
  stateWord,
  valueText,
  type BriefLang,
  type Headings,
} from './brief-language.js';
import { bottomLine, changeLines } from './brief-sentences.js';
import { BRIEF_CSS } from './brief-style.js';
import { localTime } from '../time/local-time.js';

export function renderBriefHtml(input: BriefInput, lang: BriefLang): string {
  const c = buildBriefContent(input);
  const h = HEADINGS[lang];
  const a = input.today;
  const tlp = tlpLabel(input.provenance.tlp);
  const tz = input.pack.timeZone;
  const knowledge = a.knowledge.state === 'ok' ? `level-${a.level}` : `knowledge-${a.knowledge.state}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-Hant' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(`${h.title} · ${packName(lang, input.pack)} · ${a.day}`)}</title>
<style>${BRIEF_CSS}</style>
</head>
<body>
<header>
  <div class="tlp tlp-${input.provenance.tlp.replace('+', '-')}">${tlp}</div>
  <h1>${esc(h.title)} · ${esc(packName(lang, input.pack))} · ${a.day}</h1>
  <p class="sub">${esc(h.asOf)} ${a.day} (${esc(input.pack.timeZone)}) · ${esc(h.machine)}</p>
</header>
<section class="bottom ${knowledge}">
  <h2>${esc(h.bottomLine)}</h2>
  <p class="level">${esc(levelWord(lang, a.level))}${a.knowledge.state === 'ok' ? '' : ` · ${esc(knowledgeWord(lang, a.knowledge.state))}`}</p>
  <p class="sentence">${esc(bottomLine(lang, c))}</p>
</section>
<div class="columns">
<div>
  <section><h2>${esc(h.changed)}</h2><ul>${changeLines(lang, c)
    .map((l) => `<li>${esc(l)}</li>`)
    .join('')}</ul></section>
  <section><h2>${esc(h.movers)}</h2>${indicatorTable(lang, h, c.movers)}</section>
  <section><h2>${esc(h.against)}</h2>${c.against.length ? indicatorTable(lang, h, c.against) : `<p class="none">${esc(h.nothingAgainst)}</p>`}</section>
</div>
<div>
  <section><h2>${esc(h.coas)}</h2>${hypothesisTable(lang, h, c)}</section>
  <section><h2>${esc(h.gaps)}</h2>${gapList(lang, c.gaps)}</section>
</div>
</div>
<section><h2>${esc(h.watch)} (${c.watchWindow.from} → ${c.watchWindow.to})</h2>${watchList(lang, h, c)}</section>
<footer>
  <h2>${esc(h.provenance)}</h2>
  <p>${esc(h.pack)} ${esc(input.pack.id)}@${esc(input.pack.version)} · ${esc(h.asOf)} ${a.day} · ${esc(h.generated)} ${esc(localTime(input.generatedAt, tz))} (${esc(tz)})</p>
  <p>${esc(h.sources)}: ${input.provenance.sources.map((s) => `${esc(s.source)} (${s.observations} ${esc(h.observations)}, ${esc(h.latest)} ${esc(s.latestPublishedAt.slice(0, 10))})`).join(' · ') || '—'}</p>
  <div class="tlp tlp-${input.provenance.tlp.replace('+', '-')}">${tlp}</div>
</footer>
</body>
</html>
`;
}

function indicatorTable(lang: BriefLang, h: Headings, rows: IndicatorFact[]): string {
  if (rows.length === 0) return `<p class="none">—</p>`;
  const body = rows
    .map(
      (i) =>
        `<tr><td>${esc(lang === 'zh' ? i.nameZh : i.name)}</td><td class="nw">${esc(stateWord(lang, i.state))}</td><td class="n">${valueText(i.value)}</td><td class="n">${valueText(i.baseline)}</td><td class="nw">${i.dataDay ?? '—'}</td><td class="n">${signedText(i.contribution)}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>${esc(h.indicator)}</th><th>${esc(h.state)}</th><th class="n">${esc(h.value)}</th><th class="n">${esc(h.baseline)}</th><th>${esc(h.dataDay)}</th><th class="n">${esc(h.logOdds)}</th></tr></thead><tbody>${body}</tbody></table>`;
}

function hypothesisTable(lang: BriefLang, h: Headings, c: BriefContent): string {
  const rows = c.hypotheses
    .map(
      (x) =>
        `<tr${x.id === c.leading.id ? ' class="lead"' : ''}><td>${esc(x.id)} ${esc(lang === 'zh' ? x.nameZh : x.name)}</td><td class="n">${formatProbability(x.probability)}</td><td class="n">${x.previous === undefined ? '—' : formatProbability(x.previous)}</td><td class="n">${formatProbability(x.prior)}</td></tr>`,
    )
    .join('');
  const a = c.input.today;
  const headline = a.episode
    ? lang === 'zh'
      ? `事件持續中（自 ${a.episode.since}，第 ${a.episode.days} 日）`
      : `Episode under way since ${a.episode.since} (day ${a.episode.days})`
    : lang === 'zh'
      ? `${a.horizonDays} 日內發生重大事件機率：${formatProbability(a.pEvent7d)}`
      : `P(major episode starts within ${a.horizonDays} days): ${formatProbability(a.pEvent7d)}`;
  return `<table><thead><tr><th>${esc(h.hypothesis)}</th><th class="n">${esc(h.today)}</th><th class="n">${esc(h.previous)}</th><th class="n">${esc(h.prior)}</th></tr></thead><tbody>${rows}</tbody></table><p class="event">${esc(headline)}</p>`;
}

function gapList(lang: BriefLang, gaps: IndicatorFact[]): string {
  if (gaps.length === 0)
    return `<p class="none">${lang === 'zh' ? '所有指標皆有回報。' : 'Every indicator is reporting.'}</p>`;
  const item = (g: IndicatorFact) =>
    `<li><b>${esc(lang === 'zh' ? g.nameZh : g.name)}</b> — ${esc(stateWord(lang, g.state))}${g.dataDay ? ` (${lang === 'zh' ? '最後資料日' : 'last data'} ${g.dataDay})` : ''}${g.reason ? `${lang === 'zh' ? '：' : ': '}${esc(reasonText(lang, g.reason))}` : ''}</li>`;
  return `<ul class="gaps">${gaps.map(item).join('')}</ul>`;
}

function watchList(lang: BriefLang, h: Headings, c: BriefContent): string {
  if (c.watch.length === 0)
    return `<p class="none">${lang === 'zh' ? '本情境包未列觀察重點。' : 'The pack lists nothing to watch.'}</p>`;
  const state = (i: IndicatorFact) =>
    `<span class="${isSignalState(i.state) ? 'signal' : isGapState(i.state) ? 'gap' : 'calm'}">${esc(lang === 'zh' ? i.nameZh : i.name)}${lang === 'zh' ? '：' : ': '}${esc(stateWord(lang, i.state))}</span>`;
  const item = (w: BriefContent['watch'][number]) =>
    `<li>${esc(lang === 'zh' ? w.textZh : w.text)}${w.indicators.length ? ` <span class="shows">${esc(h.showsAs)}${lang === 'zh' ? '：' : ': '}${w.indicators.map(state).join(lang === 'zh' ? '；' : '; ')}</span>` : ''}</li>`;
  return `<ul class="watch">${c.watch.map(item).join('')}</ul>`;
}

function knowledgeWord(lang: BriefLang, state: string): string {
  if (lang === 'zh') return state === 'unknown' ? '研判狀態未知' : '研判降級';
  return state === 'unknown' ? 'knowledge unknown' : 'knowledge degraded';
}

export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp.toUpperCase()}`;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
