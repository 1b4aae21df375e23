// Parses `news-posts`: one Jekyll post (Markdown with YAML front matter, the taiwannewsalerts layout) into a `news.alert`
// event carrying its severity, plus news.<category> events from the pattern classifier.
import { basename } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { inputError } from '../../errors/index.js';
import type { AttributeValue, ObservationInput } from '../../model/index.js';
import { eventSubject } from '../event-subject.js';
import { isLocalDate, isoInstant, localDateOf, localInstant } from '../local-time.js';
import { newsObservations } from '../news-classifier/news-observations.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

/** Jekyll dates: "2025-12-14 23:59:00 +0800", "2025-12-14T23:59:00+08:00" or a bare date (taken as 23:59 +08:00). */
const DATE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2}))?$/;
const OUTLET = 'taiwannewsalerts';
/** LLM-written narrative with known inaccuracies (wrong counters, day-early dates): doubtful, from a source not usually reliable. */
const GRADING = { reliability: 'D', credibility: 4 } as const;

export function parseNewsPost(text: string, ctx: ParseContext): ObservationInput[] {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n').split('\n');
  if (lines[0].trim() !== '---') throw inputError(ctx.file, 1, '(front matter)', 'a post must open with a "---" line');
  const close = lines.indexOf('---', 1);
  if (close < 0) throw inputError(ctx.file, 1, '(front matter)', 'is never closed by a "---" line');
  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, close).join('\n'), { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw inputError(
      ctx.file,
      counter.linePos(error.pos[0]).line + 1,
      '(front matter)',
      `is not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  if (!isMap(doc.contents)) throw inputError(ctx.file, 2, '(front matter)', 'must be a mapping of fields');
  const lineOf = (key: string): number => {
    const pair = (doc.contents as { items: Array<{ key: unknown }> }).items.find(
      (p) => isScalar(p.key) && p.key.value === key,
    );
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? counter.linePos(range[0]).line + 1 : 2;
  };
  const fields = doc.toJS() as Record<string, unknown>;
  const string = (key: string, required: boolean): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null) {
      if (required) throw inputError(ctx.file, lineOf(key), key, 'is required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '')
      throw inputError(ctx.file, lineOf(key), key, 'must be non-empty text');
    return value.trim();
  };
  const title = string('title', true)!;
  const publishedAt = readDate(string('date', true)!, (problem) =>
    inputError(ctx.file, lineOf('date'), 'date', problem),
  );
  const severity = string('severity', false);
  if (severity !== undefined && !/^[a-z]+$/.test(severity))
    throw inputError(
      ctx.file,
      lineOf('severity'),
      'severity',
      `must be one lower-case word, got ${JSON.stringify(severity)}`,
    );
  const tags = fields.tags;
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((t) => typeof t === 'string')))
    throw inputError(ctx.file, lineOf('tags'), 'tags', 'must be a list of words');

  const ref = `${OUTLET}:${basename(ctx.file)}`;
  const attributes: Record<string, AttributeValue> = {};
  if (severity !== undefined) attributes.severity = severity;
  const type = string('type', false);
  if (type !== undefined) attributes.type = type;
  const layout = string('layout', false);
  if (layout !== undefined) attributes.layout = layout;
  if (Array.isArray(tags) && tags.length > 0) attributes.tags = (tags as string[]).join(',');
  const day = localDateOf(publishedAt);
  const body = lines.slice(close + 1).join('\n');
  return [
    {
      series: 'news.alert',
      subject: eventSubject(ref),
      value: 1,
      unit: 'posts',
      text: title,
      periodStart: localInstant(day, 0),
      periodEnd: localInstant(day, 24),
      publishedAt,
      source: `news:${OUTLET}`,
      sourceRef: ref,
      ...GRADING,
      tlp: 'clear',
      attributes,
    },
    ...newsObservations({
      title,
      body: `${string('excerpt', false) ?? ''}\n${body}`,
      publishedAt,
      ref,
      outlet: OUTLET,
      ...GRADING,
    }),
  ];
}

export const newsPostsParser: SourceParser = {
  kind: 'news-posts',
  description:
    'One news/alert post as Markdown with YAML front matter (taiwannewsalerts layout): news.alert + news.<category>',
  parse: parseNewsPost,
};

function readDate(text: string, fail: (problem: string) => Error): string {
  const m = DATE.exec(text);
  if (!m || !isLocalDate(m[1]))
    throw fail(`must be a date like "2025-12-14 23:59:00 +0800", got ${JSON.stringify(text)}`);
  if (m[2] === undefined) return localInstant(m[1], 23, 59);
  const zone = m[5] === 'Z' ? 'Z' : `${m[5].slice(0, 3)}:${m[5].slice(-2)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}${zone}`);
  if (Number.isNaN(ms) || Number(m[2]) > 23 || Number(m[3]) > 59)
    throw fail(`is not a real time, got ${JSON.stringify(text)}`);
  return isoInstant(ms);
}
