// The live collector for the PRC MFA spokesperson channel (发言人表态): reads the channel's list page, fetches each
// article it has not seen yet (politely, through the PoliteFetcher), stores the PRC-rhetoric counts and records health.
import { mfaObservations } from '../sources/mfa-spokesperson/parse-mfa-spokesperson.js';
import { readMfaArticle } from '../sources/mfa-spokesperson/mfa-article.js';
import type { ObservationWriter } from '../app/write-services.js';
import type { Store } from '../storage/store.js';
import { listedLinks, runListPageCollector, type CollectorRun, type ListedReport } from './list-page-collector.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export const DEFAULT_MFA_LIST_URL = 'https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/';

export interface MfaCollectorOptions {
  fetcher: PoliteFetcher;
  store: Store;
  /** Where observations go: the audited writer (writes.observations(actor, 'observations.collect')); default `store`. */
  writer?: ObservationWriter;
  /** The clock, read here at the edge. */
  now: () => Date;
  listUrl?: string;
  /** At most this many article pages per run (newest first); default 10. */
  maxArticles?: number;
}

/** Article links on the channel page (`<yyyymm>/t<yyyymmdd>_<id>.shtml`), newest first as listed. */
export function parseMfaList(html: string, listUrl: string): ListedReport[] {
  return listedLinks(html, listUrl, /href="([^"]*?\/?t(\d{8}_\d+)\.shtml)"/g);
}

export function createMfaCollector(options: MfaCollectorOptions) {
  const identity = { id: 'mfa-web', kind: 'mfa-spokesperson', url: options.listUrl ?? DEFAULT_MFA_LIST_URL };
  return {
    id: identity.id,
    runOnce: (): Promise<CollectorRun> =>
      runListPageCollector(
        {
          identity,
          seenKey: 'collector.mfa-web.seen',
          parseList: parseMfaList,
          emptyList: 'the channel page links to no article (t<yyyymmdd>_<id>.shtml)',
          observations: (text, url) => mfaObservations(readMfaArticle(text), url),
        },
        { ...options, maxItems: options.maxArticles ?? 10 },
      ),
  };
}
