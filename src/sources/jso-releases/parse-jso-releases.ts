// Parses `jso-releases`: extracted texts of Japan Joint Staff press-release PDFs (pla-data-dashboard japan_mod_texts.json
// layout {updated_at, count, source, texts: {pYYYYMMDD_NN.pdf: {url, text}}}) into release, transit and carrier events.
import type { ObservationInput } from '../../model/index.js';
import { isLocalDate } from '../local-time.js';
import { JsonCursor } from '../located-json/json-cursor.js';
import { parseLocatedJson } from '../located-json/located-json.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { analyseRelease } from './analyse-release.js';
import { releaseObservations } from './release-observations.js';

/** `p20260625_01.pdf`: the release date and its number that day. */
export const RELEASE_FILE = /^(p(\d{4})(\d{2})(\d{2})_\d{2})\.pdf$/;

export function parseJsoReleases(text: string, ctx: ParseContext): ObservationInput[] {
  const root = JsonCursor.root(ctx.file, parseLocatedJson(text, ctx.file));
  root.rejectUnknown(['updated_at', 'count', 'source', 'texts']);
  const texts = root.member('texts');
  const names = Object.keys(texts.object());
  const count = root.member('count').optionalCount();
  if (count !== undefined && count !== names.length)
    throw root.member('count').error(`is ${count} but texts holds ${names.length} releases`);
  const out: ObservationInput[] = [];
  for (const name of names.sort()) {
    const entry = texts.member(name);
    const match = RELEASE_FILE.exec(name);
    if (!match) throw entry.error('must be named like p20260625_01.pdf (release date and number)');
    const date = `${match[2]}-${match[3]}-${match[4]}`;
    if (!isLocalDate(date)) throw entry.error(`names an impossible date ${date}`);
    // `fetched_at` is when the scraper downloaded the PDF (no time zone given): accepted, not used.
    entry.rejectUnknown(['url', 'text', 'fetched_at']);
    const url = entry.member('url').optionalString();
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
      throw entry.member('url').error(`must be an http(s) URL, got ${JSON.stringify(url)}`);
    const body = entry.member('text').optionalString();
    if (body === undefined) throw entry.member('text').error('is required');
    out.push(
      ...releaseObservations({ id: match[1], date, ...(url !== undefined ? { url } : {}) }, analyseRelease(body, date)),
    );
  }
  return out;
}

export const jsoReleasesParser: SourceParser = {
  kind: 'jso-releases',
  description:
    'Japan Joint Staff press-release texts (JSON of extracted PDF texts): strait transits, carriers, ship classes',
  parse: parseJsoReleases,
};
