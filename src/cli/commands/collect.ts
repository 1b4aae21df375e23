// `vigil collect mnd` / `vigil collect feed <url>`: live collection, once or on a schedule (--every), politely.
import type { Command } from 'commander';
import { createFeedPoller } from '../../collectors/feed-poller.js';
import { createMfaCollector, DEFAULT_MFA_LIST_URL } from '../../collectors/mfa-collector.js';
import type { CollectorRun } from '../../collectors/list-page-collector.js';
import { createMndCollector, DEFAULT_MND_LIST_URL } from '../../collectors/mnd-collector.js';
import { createPoliteFetcher, type FetchLike } from '../../collectors/polite-fetcher.js';
import { parseInterval, startSchedule } from '../../collectors/schedule.js';
import { vigilError } from '../../errors/index.js';
import { withContext } from '../context.js';

interface PoliteFlags {
  every?: string;
  minInterval: string;
  retries: string;
}

export function registerCollect(program: Command): void {
  const collect = program
    .command('collect')
    .description('collect from live sources (MND website, MFA spokesperson, RSS/Atom feeds), once or on a schedule');
  const polite = (c: Command) =>
    c
      .option('--every <interval>', 'run again every interval (e.g. 30m, 6h, 1d) until stopped; default: run once')
      .option('--min-interval <ms>', 'minimum time between two requests to one host', '2000')
      .option(
        '--retries <n>',
        'further attempts after a failed request (network error, 429, 5xx), with exponential backoff',
        '3',
      );

  polite(collect.command('mnd').description('fetch new MND daily reports (www.mnd.gov.tw PLA activity pages)'))
    .option('--url <list-url>', 'the list page of the reports', DEFAULT_MND_LIST_URL)
    .option('--max <n>', 'at most this many new report pages per run', '10')
    .action(async (flags: PoliteFlags & { url: string; max: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ store, now, writes, actor }) => {
        const writer = writes.observations(actor, 'observations.collect');
        const collector = createMndCollector({
          fetcher: fetcherFrom(flags),
          store,
          writer,
          now,
          listUrl: flags.url,
          maxReports: wholeNumber(flags.max, '--max'),
        });
        await runOnceOrEvery(collector.id, () => collector.runOnce(), flags.every);
      });
    });

  polite(
    collect
      .command('mfa')
      .description(
        'fetch new PRC MFA spokesperson pages (www.mfa.gov.cn 发言人表态) and count Taiwan-related threat wording',
      ),
  )
    .option('--url <list-url>', 'the channel page of the spokesperson pages', DEFAULT_MFA_LIST_URL)
    .option('--max <n>', 'at most this many new article pages per run', '10')
    .action(async (flags: PoliteFlags & { url: string; max: string }, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ store, now, writes, actor }) => {
        const writer = writes.observations(actor, 'observations.collect');
        const collector = createMfaCollector({
          fetcher: fetcherFrom(flags),
          store,
          writer,
          now,
          listUrl: flags.url,
          maxArticles: wholeNumber(flags.max, '--max'),
        });
        await runOnceOrEvery(collector.id, () => collector.runOnce(), flags.every);
      });
    });

  polite(
    collect.command('feed').description('poll an RSS or Atom feed and classify its items into news.<category> events'),
  )
    .argument('<url>', 'feed URL')
    .action(async (url: string, flags: PoliteFlags, cmd: Command) => {
      await withContext(cmd.optsWithGlobals(), async ({ store, now, writes, actor }) => {
        const writer = writes.observations(actor, 'observations.collect');
        const poller = createFeedPoller({ url, fetcher: fetcherFrom(flags), store, writer, now });
        await runOnceOrEvery(poller.id, () => poller.runOnce(), flags.every);
      });
    });
}

function fetcherFrom(flags: PoliteFlags) {
  return createPoliteFetcher({
    fetch: fetch as unknown as FetchLike,
    minIntervalMs: wholeNumber(flags.minInterval, '--min-interval'),
    retries: wholeNumber(flags.retries, '--retries'),
  });
}

async function runOnceOrEvery(id: string, run: () => Promise<CollectorRun>, every: string | undefined): Promise<void> {
  const report = (r: CollectorRun) =>
    console.log(
      `${id}: ${r.fetched} fetched, ${r.observations} observations, ${r.inserted} new${r.failed ? `, ${r.failed} failed (see vigil sources)` : ''}`,
    );
  if (every === undefined) {
    const result = await run();
    report(result);
    // A run that failed is not a quiet day: exit non-zero with the reason, so a cron job or an operator sees it.
    if (result.error !== undefined)
      throw vigilError('VIGIL_SOURCE_UNAVAILABLE', `${id}: collection failed: ${result.error}`);
    return;
  }
  const ms = parseInterval(every);
  if (ms === undefined || ms < 60_000)
    throw vigilError(
      'VIGIL_CONFIG_INVALID',
      `--every: must be an interval of at least 1m like 30m, 6h or 1d, got ${JSON.stringify(every)}`,
    );
  await new Promise<void>((resolve) => {
    const schedule = startSchedule(
      async () => {
        const result = await run();
        report(result);
        if (result.error !== undefined) console.error(`${id}: collection failed: ${result.error}`);
      },
      ms,
      (error) => console.error(`${id}: ${(error as Error).message}`),
    );
    const stop = () => void schedule.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text))
    throw vigilError('VIGIL_CONFIG_INVALID', `${flag}: must be a whole number, got ${JSON.stringify(text)}`);
  return Number(text);
}
