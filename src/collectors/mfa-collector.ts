// The live collector for the PRC MFA spokesperson channel (发言人表态): reads the channel's list page, fetches each
// article it has not seen yet (politely, through the PoliteFetcher), stores the PRC-rhetoric counts and records health.
import { withId, type Observation } from '../model/index.js';
import { mfaObservations } from '../sources/mfa-spokesperson/parse-mfa-spokesperson.js';
import { readMfaArticle } from '../sources/mfa-spokesperson/mfa-article.js';
import type { Store } from '../storage/store.js';
import { recordRun } from './collector-health.js';
import type { CollectorRun, ListedReport } from './mnd-collector.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export const DEFAULT_MFA_LIST_URL = 'https://www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/';
const SEEN_KEY = 'collector.mfa-web.seen';
const SEEN_LIMIT = 500;

export interface MfaCollectorOptions {
  fetcher: PoliteFetcher;
  store: Store;
  /** The clock, read here at the edge. */
  now: () => Date;
  listUrl?: string;
  /** At most this many article pages per run (newest first); default 10. */
  maxArticles?: number;
}

/** Article links on the channel page (`<yyyymm>/t<yyyymmdd>_<id>.shtml`), newest first as listed. */
export function parseMfaList(html: string, listUrl: string): ListedReport[] {
  const base = new URL(/<base\s+href="([^"]+)"/i.exec(html)?.[1] ?? listUrl, listUrl);
  const seen = new Set<string>();
  const out: ListedReport[] = [];
  for (const m of html.matchAll(/href="([^"]*?\/?t(\d{8}_\d+)\.shtml)"/g)) {
    if (seen.has(m[2])) continue;
    seen.add(m[2]);
    out.push({ id: m[2], url: new URL(m[1], base).href });
  }
  return out;
}

export function createMfaCollector(options: MfaCollectorOptions) {
  const listUrl = options.listUrl ?? DEFAULT_MFA_LIST_URL;
  const identity = { id: 'mfa-web', kind: 'mfa-spokesperson', url: listUrl };
  return {
    id: identity.id,
    async runOnce(): Promise<CollectorRun> {
      const { store, fetcher } = options;
      const run: CollectorRun = { fetched: 0, observations: 0, inserted: 0, failed: 0 };
      let problem: string | undefined;
      try {
        const list = parseMfaList((await fetcher.get(listUrl)).text, listUrl);
        if (list.length === 0)
          throw new Error(
            `${listUrl}: the channel page links to no article (t<yyyymmdd>_<id>.shtml); has the site changed?`,
          );
        const seen = new Set((await store.getSetting<string[]>(SEEN_KEY)) ?? []);
        const fresh = list.filter((a) => !seen.has(a.id)).slice(0, options.maxArticles ?? 10);
        for (const article of fresh) {
          try {
            const page = await fetcher.get(article.url);
            run.fetched++;
            const retrievedAt = options.now().toISOString();
            const observations: Observation[] = mfaObservations(readMfaArticle(page.text), article.url).map((o) =>
              withId({ ...o, retrievedAt }),
            );
            const put = await store.putObservations(observations, retrievedAt);
            run.observations += observations.length;
            run.inserted += put.inserted;
            seen.add(article.id);
          } catch (error) {
            run.failed++;
            problem ??= `${article.url}: ${(error as Error).message}`;
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
