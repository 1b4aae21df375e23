// Every ingest kind Vigil knows, by name. Adding a feed = one folder under src/sources/ + one line here.
import { vigilError } from '../errors/index.js';
import { jsoFlagsParser } from './jso-flags/parse-jso-flags.js';
import { jsonlParser } from './jsonl/parse-jsonl.js';
import { mndDailyParser } from './mnd-daily/parse-mnd-daily.js';
import type { SourceParser } from './source-parser.js';
import { transitsParser } from './transits/parse-transits.js';
import { triggersParser } from './triggers/parse-triggers.js';

export const sourceParsers: Readonly<Record<string, SourceParser>> = Object.freeze({
  [jsonlParser.kind]: jsonlParser,
  [mndDailyParser.kind]: mndDailyParser,
  [jsoFlagsParser.kind]: jsoFlagsParser,
  [triggersParser.kind]: triggersParser,
  [transitsParser.kind]: transitsParser,
});

/** The parser for `vigil ingest <kind>`; throws VIGIL_UNKNOWN_KIND listing the known kinds. */
export function getSourceParser(kind: string): SourceParser {
  if (Object.hasOwn(sourceParsers, kind)) return sourceParsers[kind];
  const known = Object.keys(sourceParsers).sort().join(', ');
  throw vigilError('VIGIL_UNKNOWN_KIND', `unknown ingest kind "${kind}"; known kinds: ${known}`);
}
