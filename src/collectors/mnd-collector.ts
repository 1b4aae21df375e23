// The live collector for the Taiwan MND website: reads the PLA-activity list page, fetches each report page it has not
// seen yet (politely, through the PoliteFetcher), stores the observations and records its health.
import { mndPageObservations } from '../sources/mnd-bulletin-page/parse-mnd-bulletin-page.js';
import { parseMndPage } from '../sources/mnd-bulletin-page/parse-mnd-page.js';
import type { ObservationWriter } from '../app/write-services.js';
import type { Store } from '../storage/store.js';
import { listedLinks, runListPageCollector, type CollectorRun, type ListedReport } from './list-page-collector.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export const DEFAULT_MND_LIST_URL = 'https://www.mnd.gov.tw/news/plaactlist';

export interface MndCollectorOptions {
  fetcher: PoliteFetcher;
  store: Store;
  /** Where observations go: the audited writer (writes.observations(actor, 'observations.collect')); default `store`. */
  writer?: ObservationWriter;
  /** The clock, read here at the edge. */
  now: () => Date;
  listUrl?: string;
  /** At most this many report pages per run (newest first); default 10. */
  maxReports?: number;
}

/** Report links on the list page (`news/plaact/<id>`), newest first as listed, resolved against the page's <base>. */
export function parseMndList(html: string, listUrl: string): ListedReport[] {
  return listedLinks(html, listUrl, /href="([^"]*news\/plaact\/(\d+))"/g);
}

export function createMndCollector(options: MndCollectorOptions) {
  const identity = { id: 'mnd-web', kind: 'mnd-bulletin-page', url: options.listUrl ?? DEFAULT_MND_LIST_URL };
  return {
    id: identity.id,
    runOnce: (): Promise<CollectorRun> =>
      runListPageCollector(
        {
          identity,
          seenKey: 'collector.mnd-web.seen',
          parseList: parseMndList,
          emptyList: 'the list page links to no report (news/plaact/<id>)',
          observations: (text, url) => mndPageObservations(parseMndPage(text), { url }),
        },
        { ...options, maxItems: options.maxReports ?? 10 },
      ),
  };
}
