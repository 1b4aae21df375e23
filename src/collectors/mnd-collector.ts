// The live collector for the Taiwan MND website: reads the PLA-activity list page, fetches each report page it has not
// seen yet (politely, through the PoliteFetcher), stores the observations and records its health.
import { withId, type Observation } from '../model/index.js';
import { mndPageObservations } from '../sources/mnd-bulletin-page/parse-mnd-bulletin-page.js';
import { parseMndPage } from '../sources/mnd-bulletin-page/parse-mnd-page.js';
import type { Store } from '../storage/store.js';
import { recordRun } from './collector-health.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export const DEFAULT_MND_LIST_URL = 'https://www.mnd.gov.tw/news/plaactlist';
const SEEN_KEY = 'collector.mnd-web.seen';
/** Report ids remembered, so a long list page is not fetched again page by page. */
const SEEN_LIMIT = 500;

export interface MndCollectorOptions {
  fetcher: PoliteFetcher;
  store: Store;
  /** The clock, read here at the edge. */
  now: () => Date;
  listUrl?: string;
  /** At most this many report pages per run (newest first); default 10. */
  maxReports?: number;
}

export interface CollectorRun {
  /** Report pages fetched in this run. */
  fetched: number;
  observations: number;
  inserted: number;
  /** Report pages that could not be fetched or read (the run records the first problem). */
  failed: number;
  /** The first problem of a run that failed (also in the source health); absent when the run succeeded. */
  error?: string;
}

export interface ListedReport {
  id: string;
  url: string;
}

/** Report links on the list page (`news/plaact/<id>`), newest first as listed, resolved against the page's <base>. */
export function parseMndList(html: string, listUrl: string): ListedReport[] {
  const base = new URL(/<base\s+href="([^"]+)"/i.exec(html)?.[1] ?? listUrl, listUrl);
  const seen = new Set<string>();
  const reports: ListedReport[] = [];
  for (const m of html.matchAll(/href="([^"]*news\/plaact\/(\d+))"/g)) {
    if (seen.has(m[2])) continue;
    seen.add(m[2]);
    reports.push({ id: m[2], url: new URL(m[1], base).href });
  }
  return reports;
}

export function createMndCollector(options: MndCollectorOptions) {
  const listUrl = options.listUrl ?? DEFAULT_MND_LIST_URL;
  const identity = { id: 'mnd-web', kind: 'mnd-bulletin-page', url: listUrl };
  return {
    id: identity.id,
    async runOnce(): Promise<CollectorRun> {
      const { store, fetcher } = options;
      const run: CollectorRun = { fetched: 0, observations: 0, inserted: 0, failed: 0 };
      let problem: string | undefined;
      try {
        const list = parseMndList((await fetcher.get(listUrl)).text, listUrl);
        if (list.length === 0)
          throw new Error(`${listUrl}: the list page links to no report (news/plaact/<id>); has the site changed?`);
        const seen = new Set((await store.getSetting<string[]>(SEEN_KEY)) ?? []);
        const fresh = list.filter((r) => !seen.has(r.id)).slice(0, options.maxReports ?? 10);
        for (const report of fresh) {
          try {
            const page = await fetcher.get(report.url);
            run.fetched++;
            const retrievedAt = options.now().toISOString();
            const observations: Observation[] = mndPageObservations(parseMndPage(page.text), { url: report.url }).map(
              (o) => withId({ ...o, retrievedAt }),
            );
            const put = await store.putObservations(observations, retrievedAt);
            run.observations += observations.length;
            run.inserted += put.inserted;
            seen.add(report.id);
          } catch (error) {
            run.failed++;
            problem ??= `${report.url}: ${(error as Error).message}`;
          }
        }
        await store.setSetting(SEEN_KEY, [...seen].slice(-SEEN_LIMIT));
      } catch (error) {
        problem = (error as Error).message;
      }
      const now = options.now().toISOString();
      await recordRun(
        store,
        identity,
        now,
        problem === undefined
          ? { ok: true, observations: run.observations, inserted: run.inserted }
          : { ok: false, error: problem },
      );
      return problem === undefined ? run : { ...run, error: problem };
    },
  };
}
