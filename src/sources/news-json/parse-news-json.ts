// Parses `news-json`: a JSON array of news items in the pla-data-dashboard news_classified.json layout (each with an
// original_article {date, title, content, url, source}), classified by the pattern classifier into news.<category> events.
import type { ObservationInput } from '../../model/index.js';
import { isLocalDate, localInstant } from '../local-time.js';
import { JsonCursor } from '../located-json/json-cursor.js';
import { parseLocatedJson } from '../located-json/located-json.js';
import { newsObservations, outletGrading } from '../news-classifier/news-observations.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

/** Fields of an item; the third-party LLM annotations are accepted and not used (except `category`, kept as `llmCategory`). */
const ITEM_FIELDS = [
  'category',
  'is_relevant',
  'country1',
  'country2',
  'sentiment_score',
  'sentiment_label',
  'extracted_data',
  'confidence',
  'original_article',
];
const ARTICLE_FIELDS = ['date', 'title', 'content', 'url', 'source', 'category', 'sentiment'];

export function parseNewsJson(text: string, ctx: ParseContext): ObservationInput[] {
  const root = JsonCursor.root(ctx.file, parseLocatedJson(text, ctx.file));
  const out: ObservationInput[] = [];
  const seen = new Map<string, number>();
  for (const item of root.items()) {
    item.rejectUnknown(ITEM_FIELDS);
    const article = item.member('original_article');
    article.rejectUnknown(ARTICLE_FIELDS);
    const date = article.member('date').string();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isLocalDate(date))
      throw article.member('date').error(`must be a real date YYYY-MM-DD, got ${JSON.stringify(date)}`);
    const title = article.member('title').string();
    const url = article.member('url').string();
    const outlet = article.member('source').string().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(outlet))
      throw article
        .member('source')
        .error(`must be an outlet id (letters, digits, . _ -), got ${JSON.stringify(outlet)}`);
    const first = seen.get(url);
    if (first !== undefined) throw article.member('url').error(`duplicates the article on line ${first}`);
    seen.set(url, article.member('url').line);
    const llmCategory = item.member('category').optionalString();
    out.push(
      ...newsObservations({
        title,
        body: article.member('content').optionalString() ?? '',
        // Only the date is known; the end of that local day never lets a backtest see the article early.
        publishedAt: localInstant(date, 23, 59),
        ref: url,
        outlet,
        ...outletGrading(outlet),
        ...(llmCategory !== undefined ? { attributes: { llmCategory } } : {}),
      }),
    );
  }
  return out;
}

export const newsJsonParser: SourceParser = {
  kind: 'news-json',
  description: 'News items as a JSON array (news_classified.json layout), classified into news.<category> events',
  parse: parseNewsJson,
};
