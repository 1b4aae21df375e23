// A pack's reader-facing words in English and Traditional Chinese: names of the theatre, indicators, hypotheses,
// domains and series, the detectors' state words, and the check that every text a reader sees has its 中文 counterpart.
import type { Pack } from './pack-schema.js';

/** One text in both languages the interface speaks. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * The detectors' state words (and the knowledge states every indicator can be in). A pack's own state names
 * (`near`, `close`…) need a line here too: `missingChinese` reports any state a pack uses that has none.
 */
export const STATE_WORDS: Readonly<Record<string, Bilingual>> = {
  normal: { en: 'normal', zh: '正常' },
  elevated: { en: 'elevated', zh: '偏高' },
  high: { en: 'high', zh: '高' },
  'very-high': { en: 'very high', zh: '極高' },
  low: { en: 'low', zh: '偏低' },
  'very-low': { en: 'very low', zh: '極低' },
  lull: { en: 'lull', zh: '沉寂' },
  present: { en: 'present', zh: '有' },
  absent: { en: 'absent', zh: '無' },
  none: { en: 'none', zh: '無' },
  fresh: { en: 'fresh', zh: '近期' },
  recent: { en: 'recent', zh: '近期' },
  fading: { en: 'fading', zh: '消退中' },
  stable: { en: 'stable', zh: '穩定' },
  spike: { en: 'spike', zh: '突增' },
  'shift-up': { en: 'shift up', zh: '常態上移' },
  'shift-down': { en: 'shift down', zh: '常態下移' },
  near: { en: 'near', zh: '鄰近' },
  close: { en: 'close', zh: '逼近' },
  'insufficient-data': { en: 'insufficient data', zh: '資料不足' },
  missing: { en: 'missing', zh: '缺漏' },
  'no-coverage': { en: 'no coverage', zh: '無資料涵蓋' },
  stale: { en: 'stale', zh: '資料過時' },
};

/** A state as words; a state with no entry reads as its identifier. */
export function stateWords(state: string): Bilingual {
  return STATE_WORDS[state] ?? { en: state, zh: state };
}

/** The names a reader sees for a pack's ids; an id the pack does not name reads as itself in both languages. */
export interface PackNames {
  theatre: Bilingual;
  timeZone: string;
  indicator(id: string): Bilingual;
  hypothesis(id: string): Bilingual;
  domain(id: string): Bilingual;
  /** A series by the pack's `seriesNames`, else the first indicator reading it, else its id. */
  series(series: string): Bilingual;
}

type Named = { name: string; nameZh?: string };
const both = (x: Named): Bilingual => ({ en: x.name, zh: x.nameZh ?? x.name });
const self = (id: string): Bilingual => ({ en: id, zh: id });

export function packNames(
  pack: Pick<Pack, 'name' | 'nameZh' | 'timeZone' | 'indicators' | 'hypotheses'> &
    Partial<Pick<Pack, 'domains' | 'seriesNames'>>,
): PackNames {
  const indicators = new Map(pack.indicators.map((i) => [i.id, both(i)]));
  const hypotheses = new Map(pack.hypotheses.map((h) => [h.id, both(h)]));
  const domains = pack.domains ?? {};
  const seriesNames = pack.seriesNames ?? {};
  return {
    theatre: both(pack),
    timeZone: pack.timeZone,
    indicator: (id) => indicators.get(id) ?? self(id),
    hypothesis: (id) => hypotheses.get(id) ?? self(id),
    domain: (id) => (domains[id] ? both(domains[id]) : self(id)),
    series: (series) => {
      const named = seriesNames[series];
      if (named) return both(named);
      const reader = pack.indicators.find((i) => i.series.includes(series));
      return reader ? both(reader) : self(series);
    },
  };
}

/**
 * Paths of every reader-facing text in the pack that lacks its Traditional Chinese counterpart (`<field>Zh`), and of
 * every domain and state the pack uses that has no name in both languages. Empty for a fully bilingual pack.
 */
export function missingChinese(pack: Pack): string[] {
  const missing: string[] = [];
  const need = (path: string, en: string | undefined, zh: string | undefined) => {
    if (en !== undefined && (zh === undefined || zh.trim() === '')) missing.push(path);
  };
  need('nameZh', pack.name, pack.nameZh);
  need('descriptionZh', pack.description, pack.descriptionZh);
  pack.hypotheses.forEach((h, i) => {
    need(`hypotheses[${i}].nameZh`, h.name, h.nameZh);
    need(`hypotheses[${i}].descriptionZh`, h.description, h.descriptionZh);
  });
  pack.evidenceGroups.forEach((g, i) => need(`evidenceGroups[${i}].nameZh`, g.name, g.nameZh));
  pack.indicators.forEach((ind, i) => {
    need(`indicators[${i}].nameZh`, ind.name, ind.nameZh);
    need(`indicators[${i}].descriptionZh`, ind.description, ind.descriptionZh);
    if (!pack.domains[ind.domain]) missing.push(`domains.${ind.domain}`);
    for (const state of usedStates(ind)) if (!STATE_WORDS[state]) missing.push(`indicators[${i}]: state "${state}"`);
  });
  pack.watchList.forEach((w, i) => need(`watchList[${i}].textZh`, w.text, w.textZh));
  return [...new Set(missing)];
}

function usedStates(ind: Pack['indicators'][number]): string[] {
  const d = ind.detector;
  const levels = 'levels' in d ? d.levels.map((l) => l.state) : [];
  const low = d.kind === 'robust-z' ? d.lowLevels.map((l) => l.state) : [];
  return [...levels, ...low, ...Object.keys(ind.likelihoods), ...ind.watchStates];
}
