// Parses one MND daily report in the madeye `daily/YYYY-MM-DD.json` layout (explicit 06:00→06:00 periods).
import type { ObservationInput } from '../../model/index.js';
import { isLocalDate, isoInstant, localDateOf, localInstant } from '../local-time.js';
import { JsonCursor } from '../located-json/json-cursor.js';
import { parseLocatedJson } from '../located-json/located-json.js';
import type { ParseContext, SourceParser } from '../source-parser.js';

/** ADIZ regions MND names; each becomes a 0/1 flag `mnd.adiz.region.<region>` on every report. */
export const ADIZ_REGIONS = ['north', 'central', 'southwest', 'south', 'southeast', 'east'] as const;

/** Reports come out in the morning: 09:00 local on the publication date (as in the mnd-daily CSV). */
const PUBLISHED_HOUR = 9;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseMndDailyJson(text: string, ctx: ParseContext): ObservationInput[] {
  const root = JsonCursor.root(ctx.file, parseLocatedJson(text, ctx.file));
  root.rejectUnknown(['date', 'period', 'aircraft', 'vessels', 'map_image', 'positions', 'source_url']);
  const date = readDate(root.member('date'));
  const period = root.member('period');
  period.rejectUnknown(['start', 'end']);
  const periodStart = readInstant(period.member('start'));
  const periodEnd = readInstant(period.member('end'));
  if (periodEnd <= periodStart) throw period.member('end').error('must be after period.start');
  if (date < localDateOf(periodEnd))
    throw root.member('date').error(`is before the end of the period (${period.member('end').value})`);

  const aircraft = root.member('aircraft');
  aircraft.rejectUnknown(['total', 'crossed_median', 'entered_adiz', 'adiz_regions']);
  const vessels = root.member('vessels');
  vessels.rejectUnknown(['naval', 'official']);
  const total = aircraft.member('total').optionalCount();
  // A part larger than the total is kept as published (MND's text and the compiler's reading of it are the record) and
  // flagged, as in data/taiwan-strait/mnd-daily.csv; e.g. 2026-08-11: 0 aircraft in all, 2 entering the ADIZ.
  const inconsistencies: string[] = [];
  for (const key of ['crossed_median', 'entered_adiz']) {
    const part = aircraft.member(key).optionalCount();
    if (part !== undefined && total !== undefined && part > total)
      inconsistencies.push(`${key} ${part} > total ${total}`);
  }
  const regions = readRegions(aircraft.member('adiz_regions'));
  const sourceUrl = root.member('source_url').optionalString();

  const base = {
    periodStart,
    periodEnd,
    publishedAt: localInstant(date, PUBLISHED_HOUR),
    source: 'mnd',
    reliability: 'A',
    credibility: 1,
    tlp: 'clear',
    ...(sourceUrl ? { sourceRef: sourceUrl } : {}),
  } as const;
  const out: ObservationInput[] = [];
  const push = (series: string, value: number | undefined, unit: string) => {
    if (value === undefined) return;
    out.push({
      series,
      value,
      unit,
      ...base,
      attributes: {
        compiler: 'madeye',
        ...(inconsistencies.length > 0 ? { sourceInconsistency: inconsistencies.join('; ') } : {}),
      },
    });
  };
  push('mnd.aircraft.total', total, 'aircraft');
  push('mnd.aircraft.median_line', aircraft.member('crossed_median').optionalCount(), 'aircraft');
  push('mnd.aircraft.adiz', aircraft.member('entered_adiz').optionalCount(), 'aircraft');
  push('mnd.ships.plan', vessels.member('naval').optionalCount(), 'ships');
  push('mnd.ships.official', vessels.member('official').optionalCount(), 'ships');
  if (regions !== undefined)
    for (const region of ADIZ_REGIONS) push(`mnd.adiz.region.${region}`, regions.has(region) ? 1 : 0, 'flag');
  return out;
}

export const mndDailyJsonParser: SourceParser = {
  kind: 'mnd-daily-json',
  description: 'Taiwan MND daily report as one JSON file with explicit periods (madeye daily/*.json layout)',
  parse: parseMndDailyJson,
};

function readDate(cursor: JsonCursor): string {
  const text = cursor.string();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw cursor.error(`must be a date YYYY-MM-DD, got ${JSON.stringify(text)}`);
  if (!isLocalDate(text)) throw cursor.error(`is not a real calendar date, got ${JSON.stringify(text)}`);
  return text;
}

function readInstant(cursor: JsonCursor): string {
  const text = cursor.string();
  const match = INSTANT.exec(text);
  const ms = match ? Date.parse(text) : Number.NaN;
  if (!match || Number.isNaN(ms)) {
    throw cursor.error(
      `must be an ISO 8601 instant with a time zone (e.g. 2026-08-21T06:00:00+08:00), got ${JSON.stringify(text)}`,
    );
  }
  if (!isLocalDate(match[1])) throw cursor.error(`is not a real calendar date, got ${JSON.stringify(text)}`);
  return isoInstant(ms);
}

/** The listed regions, or undefined when the report does not list them. */
function readRegions(cursor: JsonCursor): Set<string> | undefined {
  if (!cursor.present) return undefined;
  const regions = new Set<string>();
  for (const item of cursor.items()) {
    const name = item.string();
    if (!(ADIZ_REGIONS as readonly string[]).includes(name))
      throw item.error(`unknown ADIZ region ${JSON.stringify(name)}; expected ${ADIZ_REGIONS.join(', ')}`);
    if (regions.has(name)) throw item.error(`region ${JSON.stringify(name)} is listed twice`);
    regions.add(name);
  }
  return regions;
}
