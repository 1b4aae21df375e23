// Parses `news-feed`: an RSS 2.0 or Atom document (fast-xml-parser) into articles, classified into news.<category>
// events that link to each article. Used for feed files and by the feed poller (src/collectors/feed-poller.ts).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { inputError } from '../../errors/index.js';
import type { ObservationInput } from '../../model/index.js';
import { yearProblem } from '../../model/input-limits.js';
import { isoInstant } from '../local-time.js';
import { newsObservations, outletGrading } from '../news-classifier/news-observations.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

export interface FeedItem {
  title: string;
  link: string;
  /** ISO instant (UTC), when the item states one. */
  publishedAt?: string;
  summary: string;
  /** Line of the item's opening tag, for error messages. */
  line: number;
}

export interface Feed {
  /** Outlet id: the host of the feed's site link (`focustaiwan.tw`), else `feed`. */
  outlet: string;
  items: FeedItem[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

/** `<?xml version="1.x" encoding="…" standalone="…"?>`, as XML 1.0 §2.8 allows it. */
const XML_DECLARATION =
  /^\uFEFF?<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;

export function readFeed(text: string, file: string): Feed {
  if (/^\uFEFF?<\?xml[\s?]/.test(text) && !XML_DECLARATION.test(text)) {
    throw inputError(file, 1, '(xml)', 'has a malformed XML declaration (expected <?xml version="1.0" encoding="…"?>)');
  }
  // Feeds never need a DTD; entity definitions are how XML bombs and external-entity reads start.
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype)
    throw inputError(
      file,
      lineAt(text, doctype.index),
      '(xml)',
      'has a DOCTYPE, which news feeds do not need and Vigil does not accept',
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw inputError(file, valid.err.line, '(xml)', `is not well-formed XML: ${valid.err.msg}`);
  let doc: Node;
  try {
    doc = parser.parse(text) as Node;
  } catch (error) {
    throw inputError(file, undefined, '(xml)', `is not a readable feed: ${(error as Error).message}`);
  }
  const itemLines = [...text.matchAll(/<(?:item|entry)[\s>]/g)].map((m) => lineAt(text, m.index!));
  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const atom = doc.feed as Node | undefined;
  if (rss === undefined && atom === undefined)
    throw inputError(file, 1, '(xml)', 'is neither an RSS 2.0 <rss><channel> nor an Atom <feed> document');
  const container = (rss ?? atom)!;
  const raw = ((rss ? container.item : container.entry) as Node[] | undefined) ?? [];
  const items = raw.map((node, i) => readItem(node, file, itemLines[i] ?? 1, rss !== undefined));
  return {
    outlet: outletOf(rss ? textOf((container.link as unknown[] | undefined)?.[0]) : atomLink(container)),
    items,
  };
}

export interface FeedObservationOptions {
  /**
   * Publication time for items that state none: the poller passes its retrieval time (never earlier than the true
   * publication, so a backtest cannot see an item early). Without it an item without a date is an error.
   */
  fallbackPublishedAt?: string;
}

export function feedObservations(feed: Feed, file: string, options: FeedObservationOptions = {}): ObservationInput[] {
  const seen = new Map<string, number>();
  return feed.items.flatMap((item) => {
    const publishedAt = item.publishedAt ?? options.fallbackPublishedAt;
    if (publishedAt === undefined)
      throw inputError(file, item.line, 'pubDate', 'is required (the item has no pubDate / published / updated date)');
    const first = seen.get(item.link);
    if (first !== undefined) throw inputError(file, item.line, 'link', `duplicates the item on line ${first}`);
    seen.set(item.link, item.line);
    return newsObservations({
      title: item.title,
      body: item.summary,
      publishedAt,
      ref: item.link,
      outlet: feed.outlet,
      ...outletGrading(feed.outlet),
    });
  });
}

export function parseNewsFeed(text: string, ctx: ParseContext): ObservationInput[] {
  return feedObservations(readFeed(text, ctx.file), ctx.file);
}

export const newsFeedParser: SourceParser = {
  kind: 'news-feed',
  description: 'An RSS 2.0 or Atom news feed document, classified into news.<category> events linking to each article',
  parse: parseNewsFeed,
};

function readItem(node: Node, file: string, line: number, isRss: boolean): FeedItem {
  const title = plain(textOf(node.title));
  if (title === '') throw inputError(file, line, 'title', 'is required');
  const link = isRss ? textOf((node.link as unknown[] | undefined)?.[0]) || permalink(node.guid) : atomLink(node);
  if (!/^https?:\/\/\S+$/.test(link))
    throw inputError(
      file,
      line,
      'link',
      link === ''
        ? 'is required (every event links to its article)'
        : `must be an http(s) URL, got ${JSON.stringify(link)}`,
    );
  const dateText = textOf(isRss ? (node.pubDate ?? node['dc:date']) : (node.published ?? node.updated));
  let publishedAt: string | undefined;
  if (dateText !== '') {
    const ms = Date.parse(dateText);
    const field = isRss ? 'pubDate' : 'published';
    if (Number.isNaN(ms)) throw inputError(file, line, field, `is not a date, got ${JSON.stringify(dateText)}`);
    publishedAt = isoInstant(ms);
    const year = yearProblem(publishedAt);
    if (year) throw inputError(file, line, field, year);
  }
  const summary = plain(textOf(isRss ? node.description : (node.summary ?? node.content)));
  return { title, link, summary, line, ...(publishedAt !== undefined ? { publishedAt } : {}) };
}

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
  if (typeof value === 'object' && '#text' in (value as Node)) return String((value as Node)['#text']).trim();
  return '';
}

/** HTML inside titles and descriptions, reduced to text for classification. */
function plain(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function permalink(guid: unknown): string {
  const text = textOf(guid);
  const isPermaLink = typeof guid === 'object' && guid !== null ? (guid as Node)['@_isPermaLink'] !== 'false' : true;
  return isPermaLink ? text : '';
}

function atomLink(node: Node): string {
  const links = (node.link as Node[] | undefined) ?? [];
  const alternate = links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate');
  return String(alternate?.['@_href'] ?? '').trim();
}

function outletOf(siteLink: string): string {
  try {
    return new URL(siteLink).hostname.replace(/^www\./, '') || 'feed';
  } catch {
    return 'feed';
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
