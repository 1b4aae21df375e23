// Polls an RSS/Atom feed: fetches it politely, classifies its items into news.<category> events that link to each
// article, stores them (idempotently) and records the feed's health.
import { withId } from '../model/index.js';
import { feedObservations, readFeed } from '../sources/news-feed/parse-news-feed.js';
import type { ObservationWriter } from '../app/write-services.js';
import type { Store } from '../storage/store.js';
import { recordRun } from './collector-health.js';
import type { CollectorRun } from './list-page-collector.js';
import type { PoliteFetcher } from './polite-fetcher.js';

export interface FeedPollerOptions {
  url: string;
  fetcher: PoliteFetcher;
  store: Store;
  /** Where observations go: the audited writer (writes.observations(actor, 'observations.collect')); default `store`. */
  writer?: ObservationWriter;
  now: () => Date;
}

export function createFeedPoller(options: FeedPollerOptions) {
  const identity = { id: `feed:${safeHost(options.url)}`, kind: 'news-feed', url: options.url };
  return {
    id: identity.id,
    async runOnce(): Promise<CollectorRun> {
      const run: CollectorRun = { fetched: 0, observations: 0, inserted: 0, failed: 0 };
      let problem: string | undefined;
      try {
        const fetched = await options.fetcher.get(options.url);
        run.fetched = 1;
        const retrievedAt = options.now().toISOString();
        // An item without a date is dated by this retrieval: never earlier than its true publication.
        const observations = feedObservations(readFeed(fetched.text, options.url), options.url, {
          fallbackPublishedAt: retrievedAt,
        }).map((o) => withId({ ...o, retrievedAt }));
        const put = await (options.writer ?? options.store).putObservations(observations, retrievedAt, options.url);
        run.observations = observations.length;
        run.inserted = put.inserted;
      } catch (error) {
        run.failed = 1;
        problem = (error as Error).message;
      }
      await recordRun(
        options.store,
        identity,
        options.now().toISOString(),
        problem === undefined
          ? { ok: true, observations: run.observations, inserted: run.inserted }
          : { ok: false, error: problem },
      );
      return problem === undefined ? run : { ...run, error: problem };
    },
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
