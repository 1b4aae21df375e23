// Every ingest kind Vigil knows, by name. Adding a feed = one folder under src/sources/ + one line here.
import { vigilError } from '../errors/index.js';
import { gdeltEventsParser } from './gdelt-events/parse-gdelt-events.js';
import { jsoFlagsParser } from './jso-flags/parse-jso-flags.js';
import { jsoReleasesParser } from './jso-releases/parse-jso-releases.js';
import { jsoTwreporterParser } from './jso-twreporter/parse-jso-twreporter.js';
import { jsonlParser } from './jsonl/parse-jsonl.js';
import { mndDailyParser } from './mnd-daily/parse-mnd-daily.js';
import { mndBulletinG0vParser } from './mnd-bulletin-g0v/parse-mnd-bulletin-g0v.js';
import { mndBulletinPageParser } from './mnd-bulletin-page/parse-mnd-bulletin-page.js';
import { mfaSpokespersonParser } from './mfa-spokesperson/parse-mfa-spokesperson.js';
import { mndCrawlerParser } from './mnd-crawler/parse-mnd-crawler.js';
import { mndDailyJsonParser } from './mnd-daily-json/parse-mnd-daily-json.js';
import { mndLioneerParser } from './mnd-lioneer/parse-mnd-lioneer.js';
import { msaWarningsParser } from './msa-warnings/parse-msa-warnings.js';
import { navalTransitsParser } from './naval-transits/parse-naval-transits.js';
import { newsFeedParser } from './news-feed/parse-news-feed.js';
import { newsJsonParser } from './news-json/parse-news-json.js';
import { newsPostsParser } from './news-posts/parse-news-posts.js';
import type { SourceParser } from './source-parser.js';
import { transitsParser } from './transits/parse-transits.js';
import { triggersParser } from './triggers/parse-triggers.js';

export const sourceParsers: Readonly<Record<string, SourceParser>> = Object.freeze({
  [jsonlParser.kind]: jsonlParser,
  [mndDailyParser.kind]: mndDailyParser,
  [jsoFlagsParser.kind]: jsoFlagsParser,
  [triggersParser.kind]: triggersParser,
  [transitsParser.kind]: transitsParser,
  [navalTransitsParser.kind]: navalTransitsParser,
  [mndBulletinG0vParser.kind]: mndBulletinG0vParser,
  [mndBulletinPageParser.kind]: mndBulletinPageParser,
  [mndDailyJsonParser.kind]: mndDailyJsonParser,
  [mndLioneerParser.kind]: mndLioneerParser,
  [mndCrawlerParser.kind]: mndCrawlerParser,
  [mfaSpokespersonParser.kind]: mfaSpokespersonParser,
  [msaWarningsParser.kind]: msaWarningsParser,
  [jsoReleasesParser.kind]: jsoReleasesParser,
  [jsoTwreporterParser.kind]: jsoTwreporterParser,
  [newsJsonParser.kind]: newsJsonParser,
  [newsPostsParser.kind]: newsPostsParser,
  [newsFeedParser.kind]: newsFeedParser,
  [gdeltEventsParser.kind]: gdeltEventsParser,
});

/** The parser for `vigil ingest <kind>`; throws VIGIL_UNKNOWN_KIND listing the known kinds. */
export function getSourceParser(kind: string): SourceParser {
  if (Object.hasOwn(sourceParsers, kind)) return sourceParsers[kind];
  const known = Object.keys(sourceParsers).sort().join(', ');
  throw vigilError('VIGIL_UNKNOWN_KIND', `unknown ingest kind "${kind}"; known kinds: ${known}`);
}
