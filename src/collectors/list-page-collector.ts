// One run of a list-page collector (the MND and MFA websites): read the list page, fetch each item not seen yet
// (newest first, politely, through the PoliteFetcher), store its observations and record the source's health.
// The two collectors differ only in how they read the list and a page.
import { withId, type ObservationInput } from '../model/index.js';
import type { ObservationWriter } from '../app/write-services.js';
import type { Store } from '../storage/store.js';
import { recordRun } from './collector-health.js';
import type { PoliteFetcher } from './polite-fetcher.js';

/** Item ids remembered, so a long list page is not fetched again page by page. */
const SEEN_LIMIT = 500;

export interface CollectorRun {
  /** Item pages fetched in this run. */
  fetched: number;
  observations: number;
  inserted: number;
  /** Item pages that could not be fetched or read (the run records the first problem). */
  failed: number;
  /** The first problem of a run that failed (also in the source health); absent when the run succeeded. */
  error?: string;
}

export interface ListedReport {
  id: string;
  url: string;
}

/**
 * Item links on a list page, newest first as listed, each once, resolved against the page's <base>: `link` captures
 * the href (group 1) and the item id (group 2).
 */
export function listedLinks(html: string, listUrl: string, link: RegExp): ListedReport[] {
  const base = new URL(/<base\s+href="([^"]+)"/i.exec(html)?.[1] ?? listUrl, listUrl);
  const seen = new Set<string>();
  const items: ListedReport[] = [];
  for (const m of html.matchAll(link)) {
    if (seen.has(m[2])) continue;
    seen.add(m[2]);
    items.push({ id: m[2], url: new URL(m[1], base).href });
  }
  return items;
}

export interface ListPageSource {
  identity: { id: string; kind: string; url: string };
  /** Setting key under which the ids already fetched are kept. */
  seenKey: string;
  parseList(html: string, listUrl: string): ListedReport[];
  /** What the list page should link to, for the error when it links to nothing (has the site changed?). */
  emptyList: string;
  observations(pageText: string, url: string): ObservationInput[];
}

export interface ListPageRunOptions {
  fetcher: PoliteFetcher;
  store: Store;
  /** Where observations go: the audited writer (writes.observations(actor, 'observations.collect')); default `store`. */
  writer?: ObservationWriter;
  /** The clock, read here at the edge. */
  now: () => Date;
  /** At most this many item pages per run. */
  maxItems: number;
}

export async function runListPageCollector(source: ListPageSource, options: ListPageRunOptions): Promise<CollectorRun> {
  const { store, fetcher } = options;
  const listUrl = source.identity.url;
  const run: CollectorRun = { fetched: 0, observations: 0, inserted: 0, failed: 0 };
  let problem: string | undefined;
  try {
    const list = source.parseList((await fetcher.get(listUrl)).text, listUrl);
    if (list.length === 0) throw new Error(`${listUrl}: ${source.emptyList}; has the site changed?`);
    const seen = new Set((await store.getSetting<string[]>(source.seenKey)) ?? []);
    const fresh = list.filter((item) => !seen.has(item.id)).slice(0, options.maxItems);
    for (const item of fresh) {
      try {
        const page = await fetcher.get(item.url);
        run.fetched++;
        const retrievedAt = options.now().toISOString();
        const observations = source.observations(page.text, item.url).map((o) => withId({ ...o, retrievedAt }));
        const put = await (options.writer ?? store).putObservations(observations, retrievedAt, item.url);
        run.observations += observations.length;
        run.inserted += put.inserted;
        seen.add(item.id);
      } catch (error) {
        run.failed++;
        problem ??= `${item.url}: ${(error as Error).message}`;
      }
    }
    await store.setSetting(source.seenKey, [...seen].slice(-SEEN_LIMIT));
  } catch (error) {
    problem = (error as Error).message;
  }
  const result =
    problem === undefined
      ? ({ ok: true, observations: run.observations, inserted: run.inserted } as const)
      : ({ ok: false, error: problem } as const);
  await recordRun(store, source.identity, options.now().toISOString(), result);
  return problem === undefined ? run : { ...run, error: problem };
}
