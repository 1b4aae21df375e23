// Parses `mfa-spokesperson`: PRC Ministry of Foreign Affairs spokesperson pages (channel 发言人表态: regular press
// conferences and statements), either one saved article page (HTML) or parsed pages as JSON Lines
// ({raw_file, title, publish_time, n_paras, text}), into per-page PRC-rhetoric counts on Taiwan.
import { inputError } from '../../errors/index.js';
import type { ObservationInput } from '../../model/index.js';
import { eventSubject } from '../event-subject.js';
import { addDays, localInstant } from '../local-time.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { MfaPageProblem, readMfaArticle, type MfaArticle } from './mfa-article.js';
import { rhetoricCounts } from './taiwan-rhetoric.js';

/** Per page: the page's own time stamp (Beijing time, +08:00) is when it became public. */
export function mfaObservations(article: MfaArticle, sourceRef?: string): ObservationInput[] {
  const counts = rhetoricCounts(article.paragraphs);
  const day = article.publishTime.slice(0, 10);
  const base = {
    subject: eventSubject(article.publishTime, article.title),
    unit: 'answers',
    periodStart: localInstant(day, 0),
    periodEnd: localInstant(addDays(day, 1), 0),
    publishedAt: localInstant(
      day,
      Number(article.publishTime.slice(11, 13)),
      Number(article.publishTime.slice(14, 16)),
    ),
    source: 'mfa',
    reliability: 'A',
    credibility: 1,
    tlp: 'clear',
    attributes: { kind: article.kind },
    ...(sourceRef !== undefined ? { sourceRef } : {}),
  } as const;
  return [
    { series: 'prc.mfa.taiwan_answers', value: counts.taiwanAnswers, ...base, attributes: { ...base.attributes } },
    { series: 'prc.mfa.threat_answers', value: counts.threatAnswers, ...base, attributes: { ...base.attributes } },
  ];
}

const JSON_FIELDS = ['raw_file', 'title', 'publish_time', 'n_paras', 'text'];

export function parseMfaSpokesperson(text: string, ctx: ParseContext): ObservationInput[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^\s*</.test(body)) return mfaObservations(readHtml(body, ctx), canonicalUrl(body));
  const out: ObservationInput[] = [];
  body.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    out.push(...mfaObservations(readJsonLine(line, ctx, i + 1)));
  });
  return out;
}

function readHtml(html: string, ctx: ParseContext): MfaArticle {
  try {
    return readMfaArticle(html);
  } catch (error) {
    if (!(error instanceof MfaPageProblem)) throw error;
    const at = html.indexOf(error.anchor);
    throw inputError(ctx.file, at < 0 ? 1 : html.slice(0, at).split('\n').length, error.field, error.message);
  }
}

function canonicalUrl(html: string): string | undefined {
  const url = /<meta[^>]+(?:property="og:url"|name="url")[^>]+content="(https?:\/\/[^"]+)"/i.exec(html)?.[1];
  return url;
}

function readJsonLine(line: string, ctx: ParseContext, n: number): MfaArticle {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw inputError(ctx.file, n, '(json)', 'is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw inputError(ctx.file, n, '(json)', 'must be an object');
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r))
    if (!JSON_FIELDS.includes(key))
      throw inputError(ctx.file, n, key, `unknown field; expected ${JSON_FIELDS.join(', ')}`);
  const str = (key: string): string => {
    const v = r[key];
    if (typeof v !== 'string' || v.trim() === '') throw inputError(ctx.file, n, key, 'must be a non-empty string');
    return v;
  };
  const title = str('title');
  const publishTime = str('publish_time');
  if (!isPublishTime(publishTime))
    throw inputError(
      ctx.file,
      n,
      'publish_time',
      `must be "YYYY-MM-DD HH:MM" (Beijing time), got ${JSON.stringify(publishTime)}`,
    );
  const paragraphs = str('text').split('\n');
  return {
    title: title.replace(/\s*—\s*中华人民共和国外交部\s*$/, ''),
    publishTime,
    paragraphs,
    kind: articleKind(title),
  };
}

export function isPublishTime(s: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(s);
  if (!m) return false;
  const t = Date.parse(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === m[1] && Number(m[2]) < 24 && Number(m[3]) < 60;
}

/** A regular press conference (例行记者会) or another spokesperson statement. */
export function articleKind(title: string): 'press-conference' | 'statement' {
  return /例行记者会/.test(title) ? 'press-conference' : 'statement';
}

export const mfaSpokespersonParser: SourceParser = {
  kind: 'mfa-spokesperson',
  description:
    'PRC MFA spokesperson pages (HTML article page, or parsed JSON Lines): Taiwan-related answers and those with threat wording',
  parse: parseMfaSpokesperson,
};
