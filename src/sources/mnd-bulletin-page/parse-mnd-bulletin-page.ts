// Parses `mnd-bulletin-page`: one saved MND daily report page (HTML) into the same series as the other MND formats.
// The live collector (src/collectors/mnd-collector.ts) uses the same function on the pages it fetches.
import { inputError } from '../../errors/index.js';
import type { ObservationInput } from '../../model/index.js';
import { localDateOf, localInstant } from '../local-time.js';
import { ADIZ_REGIONS } from '../mnd-daily-json/parse-mnd-daily-json.js';
import type { ParseContext, SourceParser } from '../source-parser.js';
import { MndPageProblem, pageInconsistency, parseMndPage, type MndPage } from './parse-mnd-page.js';

/** Reports come out in the morning: 09:00 local on the publication date, as in the other MND formats. */
const PUBLISHED_HOUR = 9;

export interface MndPageOptions {
  /** The page URL when the page does not carry its own og:url (the collector knows it). */
  url?: string;
}

export function mndPageObservations(page: MndPage, options: MndPageOptions = {}): ObservationInput[] {
  const published = page.published ?? localDateOf(page.periodEnd);
  const url = page.url ?? options.url;
  const base = {
    periodStart: page.periodStart,
    periodEnd: page.periodEnd,
    publishedAt: localInstant(published, PUBLISHED_HOUR),
    source: 'mnd',
    reliability: 'A',
    credibility: 1,
    tlp: 'clear',
    ...(url !== undefined ? { sourceRef: url } : {}),
  } as const;
  const out: ObservationInput[] = [];
  const inconsistency = pageInconsistency(page);
  const push = (series: string, value: number | undefined, unit: string) => {
    if (value !== undefined)
      out.push({
        series,
        value,
        unit,
        ...base,
        attributes: {
          compiler: 'mnd-web',
          ...(inconsistency !== undefined ? { sourceInconsistency: inconsistency } : {}),
        },
      });
  };
  push('mnd.aircraft.total', page.aircraft, 'aircraft');
  push('mnd.aircraft.median_line', page.medianLine, 'aircraft');
  push('mnd.aircraft.adiz', page.adiz, 'aircraft');
  push('mnd.ships.plan', page.planShips, 'ships');
  push('mnd.ships.official', page.officialShips, 'ships');
  push('mnd.balloons', page.balloons, 'balloons');
  if (page.regions !== undefined)
    for (const r of ADIZ_REGIONS) push(`mnd.adiz.region.${r}`, page.regions.includes(r) ? 1 : 0, 'flag');
  return out;
}

export function parseMndBulletinPage(text: string, ctx: ParseContext): ObservationInput[] {
  let page: MndPage;
  try {
    page = parseMndPage(text);
  } catch (error) {
    if (error instanceof MndPageProblem) {
      // The report text sits in the page's maincontent block; point there.
      const at = text.indexOf('maincontent');
      const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
      throw inputError(ctx.file, line, '(page)', error.message);
    }
    throw error;
  }
  return mndPageObservations(page);
}

export const mndBulletinPageParser: SourceParser = {
  kind: 'mnd-bulletin-page',
  description:
    'One saved MND daily report page (HTML, www.mnd.gov.tw/news/plaact/<id>): aircraft, median line, ADIZ regions, ships, balloons',
  parse: parseMndBulletinPage,
};
