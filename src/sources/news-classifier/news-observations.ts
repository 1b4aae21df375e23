// Turns a classified news article into `news.<category>` events that link back to the article.
import type { AttributeValue, Credibility, ObservationInput, Reliability } from '../../model/index.js';
import { eventSubject } from '../event-subject.js';
import { localDateOf, localInstant } from '../local-time.js';
import { classifyNews } from './classify-news.js';

export interface NewsArticle {
  title: string;
  /** Body text (or summary); classified together with the title. */
  body: string;
  /** ISO instant (UTC) at which the article was public. */
  publishedAt: string;
  /** Article URL (or another stable reference when there is none). */
  ref: string;
  /** Outlet id, e.g. `cna`, `xinhua`, `focustaiwan.tw`; the source becomes `news:<outlet>`. */
  outlet: string;
  reliability: Reliability;
  credibility: Credibility;
  /** Extra facts to keep on every event (e.g. the feed's own category or severity). */
  attributes?: Record<string, AttributeValue>;
}

/** Outlet grading: wire services B2, PRC state media B3 (authoritative on PLA announcements, not on everything else), social and compiled feeds C3. */
export function outletGrading(outlet: string): { reliability: Reliability; credibility: Credibility } {
  if (outlet === 'cna' || outlet === 'focustaiwan.tw') return { reliability: 'B', credibility: 2 };
  if (outlet === 'xinhua') return { reliability: 'B', credibility: 3 };
  return { reliability: 'C', credibility: 3 };
}

/** One event per category the classifier finds, on the local (+08:00) day of publication; nothing for other articles. */
export function newsObservations(article: NewsArticle): ObservationInput[] {
  const day = localDateOf(article.publishedAt);
  return classifyNews(`${article.title}\n${article.body}`).map((match) => {
    const attributes: Record<string, AttributeValue> = {
      ...article.attributes,
      outlet: article.outlet,
      evidence: match.evidence,
    };
    if (match.exercise !== undefined) attributes.exercise = match.exercise;
    return {
      series: `news.${match.category}`,
      subject: eventSubject(article.ref, match.category),
      value: 1,
      unit: 'articles',
      text: article.title,
      periodStart: localInstant(day, 0),
      periodEnd: localInstant(day, 24),
      publishedAt: article.publishedAt,
      source: `news:${article.outlet}`,
      sourceRef: article.ref,
      reliability: article.reliability,
      credibility: article.credibility,
      tlp: 'clear',
      attributes,
    };
  });
}
