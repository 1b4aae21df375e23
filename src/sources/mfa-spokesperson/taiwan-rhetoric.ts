// PRC rhetoric on Taiwan in the MFA spokesperson's pages: the Taiwan-related answers of one page and how many of them
// carry threat wording, by an explicit lexicon (docs/sources.md lists it). Counts only; no text leaves this file.

/** A question and its answer (a statement without a question is one answer with an empty question). */
export interface Answer {
  question: string;
  answer: string;
}

/** Words that make a question or an answer Taiwan-related. */
export const TAIWAN_TERMS: readonly string[] = [
  '台湾',
  '台独',
  '台海',
  '台当局',
  '涉台',
  '对台',
  '售台',
  '访台',
  '蔡英文',
  '赖清德',
  '民进党',
];

/**
 * Threat wording: warnings of consequences or of countermeasures, as the spokesperson uses them. Each entry is a plain
 * substring; 坚决有力措施 and 坚决有力的措施 are the same warning written two ways.
 */
export const THREAT_LEXICON: readonly string[] = [
  '玩火', // "those who play with fire will get burned"
  '自焚',
  '坚决反制',
  '坚决有力措施',
  '坚决有力的措施',
  '一切后果',
  '后果自负',
  '付出代价',
  '付出沉重代价',
  '勿谓言之不预',
  '严正警告',
  '绝不手软',
  '绝不容忍',
  '头破血流',
  '不要低估',
  '坚决回击',
  '坚决反击',
];

/** A paragraph that opens a question: "总台央视记者：…", "路透社记者：…", "问：…". */
const QUESTION = /^\s*(?:[^：:，。]{0,24}记者|问)\s*[：:]/;

/** Splits a page's paragraphs into question/answer pairs; opening announcements and statements count as answers. */
export function splitAnswers(paragraphs: readonly string[]): Answer[] {
  const out: Answer[] = [];
  let current: Answer | undefined;
  for (const p of paragraphs) {
    const text = p.trim();
    if (text === '') continue;
    if (QUESTION.test(text)) {
      if (current) out.push(current);
      current = { question: text, answer: '' };
    } else if (current) {
      current.answer += (current.answer ? '\n' : '') + text;
    } else {
      current = { question: '', answer: text };
    }
  }
  if (current) out.push(current);
  return out;
}

export function isTaiwanRelated(a: Answer): boolean {
  return TAIWAN_TERMS.some((t) => a.question.includes(t) || a.answer.includes(t));
}

export function hasThreatWording(text: string): boolean {
  return THREAT_LEXICON.some((w) => text.includes(w));
}

export interface RhetoricCounts {
  /** Answers whose question or answer is about Taiwan. */
  taiwanAnswers: number;
  /** Of those, answers whose own words carry threat wording. */
  threatAnswers: number;
}

export function rhetoricCounts(paragraphs: readonly string[]): RhetoricCounts {
  const taiwan = splitAnswers(paragraphs).filter(isTaiwanRelated);
  return { taiwanAnswers: taiwan.length, threatAnswers: taiwan.filter((a) => hasThreatWording(a.answer)).length };
}
